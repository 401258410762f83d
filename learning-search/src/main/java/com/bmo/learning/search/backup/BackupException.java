package com.bmo.learning.search.backup;

import java.util.Optional;

/**
 * A backup or restore failed for a reason the caller can act on. Names the S3 bucket and key involved when
 * there is one. S3 failures themselves arrive as {@link com.bmo.learning.aws.s3.StorageException}s, which
 * also name bucket and key.
 */
public abstract sealed class BackupException extends RuntimeException
    permits BackupNotFoundException, BackupIntegrityException, RestoreTargetExistsException,
    RestoreTargetInUseException, UnsafeArchiveException, BackupIoException, IncompatibleBackupException {

  private static final long serialVersionUID = 1L;
  private final String bucket;
  private final String key;

  BackupException(String bucket, String key, String detail, Throwable cause) {
    super((bucket == null ? "" : "s3://" + bucket + (key == null ? "" : "/" + key) + ": ") + detail, cause);
    this.bucket = bucket;
    this.key = key;
  }

  public Optional<String> bucket() {
    return Optional.ofNullable(bucket);
  }

  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
