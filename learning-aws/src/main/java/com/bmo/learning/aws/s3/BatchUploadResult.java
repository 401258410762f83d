package com.bmo.learning.aws.s3;

import java.util.List;

/** The per-file outcomes of a batch upload, in the order the files were given (or walked). */
public record BatchUploadResult(String bucket, List<FileUploadResult> results) {

  public BatchUploadResult {
    results = List.copyOf(results);
  }

  public List<FileUploadResult.Uploaded> uploaded() {
    return results.stream().filter(FileUploadResult.Uploaded.class::isInstance)
        .map(FileUploadResult.Uploaded.class::cast).toList();
  }

  public List<FileUploadResult.Failed> failed() {
    return results.stream().filter(FileUploadResult.Failed.class::isInstance)
        .map(FileUploadResult.Failed.class::cast).toList();
  }

  public boolean allUploaded() {
    return results.stream().allMatch(FileUploadResult.Uploaded.class::isInstance);
  }
}
