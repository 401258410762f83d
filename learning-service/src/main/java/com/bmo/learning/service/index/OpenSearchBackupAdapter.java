package com.bmo.learning.service.index;

import com.bmo.learning.search.opensearch.OpenSearchBackups;
import com.bmo.learning.service.backup.BackupKind;
import com.bmo.learning.service.backup.BackupRecord;
import com.bmo.learning.service.backup.IndexBackupPort;
import com.bmo.learning.service.backup.RestoreRecord;
import com.bmo.learning.service.documents.InvalidRequestException;
import java.util.List;

/**
 * {@link IndexBackupPort} with the OpenSearch backend: full backups are chunk exports under
 * {@code index/{index}/export/}; a restore loads one into a new index and swaps the alias, so every
 * instance sees the restored index at the same moment. Incremental backups are a Lucene feature.
 */
final class OpenSearchBackupAdapter implements IndexBackupPort {

  private final OpenSearchBackups backups;
  private final String bucket;
  private final String prefix;

  OpenSearchBackupAdapter(OpenSearchBackups backups, String bucket, String prefix) {
    this.backups = backups;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public BackupRecord backup(BackupKind kind) {
    if (kind != BackupKind.FULL) {
      throw InvalidRequestException.of("type", "incremental backups need the Lucene backend; with OpenSearch"
          + " take a full backup");
    }
    return BackupRecords.of(backups.backup(bucket, prefix));
  }

  @Override
  public List<BackupRecord> list() {
    return BackupRecords.ofAll(backups.list(bucket, prefix));
  }

  @Override
  public BackupRecord describe(String key) {
    return BackupRecords.describe(prefix, bucket, key, backups::describe);
  }

  @Override
  public RestoreRecord restore(BackupRecord recorded) {
    OpenSearchBackups.Restore restore = backups.restore(bucket, recorded.key(),
        BackupRecords.digest(recorded));
    return new RestoreRecord(BackupRecords.of(restore.backup()), restore.chunkCount(), restore.duration());
  }

}
