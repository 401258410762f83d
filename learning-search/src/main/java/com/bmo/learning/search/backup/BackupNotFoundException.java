package com.bmo.learning.search.backup;

/** No backup at that key: the object is missing, or is not a backup this code wrote. */
public final class BackupNotFoundException extends BackupException {
  private static final long serialVersionUID = 1L;

  public BackupNotFoundException(String bucket, String key, String detail, Throwable cause) {
    super(bucket, key, detail, cause);
  }
}
