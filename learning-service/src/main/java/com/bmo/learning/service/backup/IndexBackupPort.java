package com.bmo.learning.service.backup;

import java.util.List;

/**
 * The service's port to index backups in S3 (learning-search's backups for Lucene, its chunk exports for
 * OpenSearch, bound in {@code index/}). {@link BackupService} uses it and keeps the record of each backup.
 */
public interface IndexBackupPort {

  /** Takes a backup of the index as it is now. */
  BackupRecord backup(BackupKind kind);

  /** Backups in the repository, newest first. */
  List<BackupRecord> list();

  /**
   * The backup under {@code key} as its object's metadata describes it.
   *
   * @throws com.bmo.learning.search.backup.BackupNotFoundException no backup of this index under that key
   */
  BackupRecord describe(String key);

  /**
   * Replaces the live index with the backup {@code recorded} names, whose object must have exactly its size
   * and SHA-256 (checked while it downloads, before anything is swapped in); searches see the restored
   * index once this returns.
   */
  RestoreRecord restore(BackupRecord recorded);
}
