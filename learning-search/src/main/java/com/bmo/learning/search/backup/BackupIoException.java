package com.bmo.learning.search.backup;

/** Local disk work of a backup or restore failed (temporary files, archive, index files). */
public final class BackupIoException extends BackupException {
  private static final long serialVersionUID = 1L;

  public BackupIoException(String bucket, String key, String detail, Throwable cause) {
    super(bucket, key, detail, cause);
  }
}
