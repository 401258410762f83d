package com.bmo.learning.search.backup;

/**
 * A backup's content is not what its metadata promises: a checksum differs, a file is missing, or the
 * restored index does not open or holds a different number of chunks. Nothing was swapped into place.
 */
public final class BackupIntegrityException extends BackupException {
  private static final long serialVersionUID = 1L;

  public BackupIntegrityException(String bucket, String key, String detail, Throwable cause) {
    super(bucket, key, detail, cause);
  }
}
