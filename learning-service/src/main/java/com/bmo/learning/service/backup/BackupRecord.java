package com.bmo.learning.service.backup;

import java.time.Instant;

/**
 * A backup in S3.
 *
 * @param key the backup's object (archive or manifest); what a restore names
 * @param chunkCount chunks in the index when it was taken
 * @param size bytes of the backup object
 */
public record BackupRecord(String bucket, String key, BackupKind kind, Instant createdAt, long chunkCount,
    long size, String sha256) {
}
