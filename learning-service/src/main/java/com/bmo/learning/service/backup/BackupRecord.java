package com.bmo.learning.service.backup;

import java.time.Instant;

/**
 * A backup in S3.
 *
 * @param key the backup's object (archive, manifest or export); what a restore names
 * @param chunkCount chunks in the index when it was taken
 * @param size bytes of the backup object
 * @param sha256 SHA-256 of the backup object
 * @param indexBytes bytes of index content the backup expands to (bounds a restore's extraction); -1 if
 *     unknown
 */
public record BackupRecord(String bucket, String key, BackupKind kind, Instant createdAt, long chunkCount,
    long size, String sha256, long indexBytes) {
}
