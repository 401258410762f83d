package com.bmo.learning.service.backup;

import java.time.Duration;

/** What a restore did: the backup it came from and the chunks now in the index. */
public record RestoreRecord(BackupRecord backup, long chunkCount, Duration duration) {
}
