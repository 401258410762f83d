package com.bmo.learning.service.backup;

import java.util.List;

/**
 * The service's port to index backups in S3 (learning-search's backups for Lucene, its chunk exports for
 * OpenSearch, bound in {@code index/}).
 */
public interface IndexBackupPort {

  /** Takes a backup of the index as it is now. */
  BackupRecord backup(BackupKind kind);

  /** Backups in the repository, newest first. */
  List<BackupRecord> list();

  /**
   * Replaces the live index with the backup stored under {@code key}; searches see the restored index
   * once this returns.
   *
   * @throws com.bmo.learning.search.backup.BackupNotFoundException no backup under that key
   */
  RestoreRecord restore(String key);
}
