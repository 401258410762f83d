package com.bmo.learning.aws.s3;

import java.nio.file.Path;
import java.util.Objects;

/** One file of a batch upload: where it is read from, the key it gets, and its options. */
public record FileUpload(Path file, String key, UploadOptions options) {

  public FileUpload {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    options = options == null ? UploadOptions.none() : options;
  }

  public static FileUpload of(Path file, String key) {
    return new FileUpload(file, key, UploadOptions.none());
  }
}
