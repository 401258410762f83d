package com.bmo.learning.aws.s3;

import java.util.List;

/**
 * The outcome of {@link S3Storage#deleteAll}: which keys are gone and which S3 refused, key by key.
 * As in S3, a key that did not exist counts as deleted.
 */
public record DeleteResult(String bucket, List<String> deleted, List<Failure> failures) {

  public DeleteResult {
    deleted = List.copyOf(deleted);
    failures = List.copyOf(failures);
  }

  public boolean allDeleted() {
    return failures.isEmpty();
  }

  /** A key S3 did not delete, with S3's error code (such as {@code AccessDenied}) and message. */
  public record Failure(String key, String code, String message) {
  }
}
