package com.bmo.learning.service.backup;

import com.bmo.learning.search.backup.BackupIntegrityException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Backups of the index and restores, with their integrity anchored in PostgreSQL: every backup taken is
 * recorded in the {@link BackupLedger} (size, SHA-256, index bytes), and a restore accepts only a recorded
 * backup whose object still matches its record — whoever can write the bucket cannot forge one.
 */
@Service
public class BackupService {

  private final IndexBackupPort backups;
  private final BackupLedger ledger;

  public BackupService(IndexBackupPort backups, BackupLedger ledger) {
    this.backups = backups;
    this.ledger = ledger;
  }

  /** Takes a backup and records it, with who took it. */
  public BackupRecord backup(BackupKind kind, String principal) {
    BackupRecord taken = backups.backup(kind);
    ledger.record(taken, principal);
    return taken;
  }

  /** Backups in S3, newest first. */
  public List<BackupRecord> list() {
    return backups.list();
  }

  /**
   * Restores the backup under {@code key}: 404 ({@code BackupNotFoundException}) if there is none; refused
   * ({@link BackupIntegrityException}, 422) if this service has no record of it or its object no longer
   * matches the record.
   */
  public RestoreRecord restore(String key) {
    BackupRecord inBucket = backups.describe(key);
    BackupRecord recorded = ledger.find(inBucket.bucket(), inBucket.key())
        .orElseThrow(() -> new BackupIntegrityException(inBucket.bucket(), inBucket.key(), "this service has no"
            + " record of the backup, so its integrity cannot be checked; take a new backup", null));
    return backups.restore(recorded);
  }
}
