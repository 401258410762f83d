package com.bmo.learning.search.backup;

import java.util.List;

/**
 * What retention did.
 *
 * @param kept backups kept, newest first
 * @param deleted backups deleted
 * @param deletedFileKeys repository files deleted because no kept manifest lists them
 */
public record RetentionResult(List<BackupInfo> kept, List<BackupInfo> deleted, List<String> deletedFileKeys) {

  public RetentionResult {
    kept = List.copyOf(kept);
    deleted = List.copyOf(deleted);
    deletedFileKeys = List.copyOf(deletedFileKeys);
  }
}
