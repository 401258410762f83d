package com.bmo.learning.service.index;

import com.bmo.learning.search.backup.BackupDigest;
import com.bmo.learning.search.backup.IndexBackups;
import com.bmo.learning.search.backup.BackupResult;
import com.bmo.learning.search.backup.RestoreMode;
import com.bmo.learning.search.backup.RestoreResult;
import com.bmo.learning.search.backup.StagedRestore;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.service.backup.BackupKind;
import com.bmo.learning.service.backup.BackupRecord;
import com.bmo.learning.service.backup.IndexBackupPort;
import com.bmo.learning.service.backup.RestoreRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link IndexBackupPort} on learning-search's backups of the Lucene index, in the backups bucket under
 * {@code index/{collection}/}: full backups as {@code full/{time}.tar.gz}, incremental ones as manifests in
 * the repository {@code incremental/} (index files shared between backups, uploaded once).
 */
public final class LuceneBackupAdapter implements IndexBackupPort {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final IndexBackups backups;
  private final LuceneSearchIndex index;
  private final String bucket;
  private final String prefix;
  private final Clock clock;
  /**
   * Backups read a snapshot's files while they upload; a restore replaces those files. Backups share this
   * lock, a restore takes it alone. Searches and ingestion never take it.
   */
  private final ReadWriteLock backupOrRestore = new ReentrantReadWriteLock();

  public LuceneBackupAdapter(IndexBackups backups, LuceneSearchIndex index,
      String bucket, Clock clock) {
    this.backups = backups;
    this.index = index;
    this.bucket = bucket;
    this.prefix = "index/" + index.name() + "/";
    this.clock = clock;
  }

  @Override
  public BackupRecord backup(BackupKind kind) {
    backupOrRestore.readLock().lock();
    try {
      // The index snapshots its last commit and goes on serving reads and writes during the upload.
      BackupResult result = kind == BackupKind.FULL
          ? backups.backupToS3(index, bucket, prefix + "full/" + TIME.format(clock.instant()) + ".tar.gz")
          : backups.incrementalBackup(index, bucket, prefix + "incremental/");
      return BackupRecords.of(result.backup());
    } finally {
      backupOrRestore.readLock().unlock();
    }
  }

  @Override
  public List<BackupRecord> list() {
    return BackupRecords.ofAll(backups.listBackups(bucket, prefix));
  }

  @Override
  public BackupRecord describe(String key) {
    return BackupRecords.describe(prefix, bucket, key, backups::describe);
  }

  @Override
  public RestoreRecord restore(BackupRecord recorded) {
    String key = recorded.key();
    BackupDigest expected = BackupRecords.digest(recorded);
    backupOrRestore.writeLock().lock();
    // Download (checked against the record while it streams), verify and validate beside the live index
    // while it keeps serving; only the renames happen with the index closed.
    try (StagedRestore staged = backups.stage(bucket, key, index.directory(), expected)) {
      // Before the swap: an index of another model or chunker would be refused on reopening.
      staged.requireContentVersion(index.contentVersion());
      RestoreResult result = index.replaceDirectory(dir -> staged.moveInto(RestoreMode.REPLACE));
      return new RestoreRecord(BackupRecords.of(result.backup()), result.chunkCount(), result.duration());
    } finally {
      backupOrRestore.writeLock().unlock();
    }
  }

}
