package com.bmo.learning.service.backup;

import java.util.List;

/** Backups of the index to S3 and restores from them (module learning-ingestion behind an adapter). */
public interface IndexBackups {

  /** Takes a backup of the index as it is now. */
  BackupRecord backup(BackupKind kind);

  /** Backups in the repository, newest first. */
  List<BackupRecord> list();

  /**
   * Replaces the live index with the backup stored under {@code key}; searches see the restored index
   * once this returns.
   *
   * @throws BackupNotFoundException no backup under that key
   */
  RestoreRecord restore(String key);
}
