package com.bmo.learning.service.index;

import com.bmo.learning.search.backup.BackupDigest;
import com.bmo.learning.search.backup.BackupInfo;
import com.bmo.learning.search.backup.BackupNotFoundException;
import com.bmo.learning.search.backup.BackupType;
import com.bmo.learning.service.backup.BackupKind;
import com.bmo.learning.service.backup.BackupRecord;
import java.util.List;
import java.util.function.BiFunction;

/** Mapping between learning-search's backup values and the service's, for both backup adapters. */
final class BackupRecords {

  private BackupRecords() {
  }

  static BackupRecord of(BackupInfo info) {
    return new BackupRecord(info.bucket(), info.key(),
        info.type() == BackupType.INCREMENTAL ? BackupKind.INCREMENTAL : BackupKind.FULL, info.createdAt(),
        info.chunkCount(), info.size(), info.sha256(), info.indexBytes());
  }

  /** What the recorded backup's object must be. */
  static BackupDigest digest(BackupRecord recorded) {
    return new BackupDigest(recorded.size(), recorded.sha256(), recorded.indexBytes());
  }

  static List<BackupRecord> ofAll(List<BackupInfo> infos) {
    return infos.stream().map(BackupRecords::of).toList();
  }

  /**
   * Describes one of this index's backups; a key outside its prefix is refused as not one of its backups,
   * whatever the object holds.
   */
  static BackupRecord describe(String prefix, String bucket, String key,
      BiFunction<String, String, BackupInfo> describe) {
    if (!key.startsWith(prefix)) {
      throw new BackupNotFoundException(bucket, key, "not a backup of this index", null);
    }
    return of(describe.apply(bucket, key));
  }
}
