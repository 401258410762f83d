package com.bmo.learning.search.backup;

import java.time.Instant;

/**
 * A backup as S3 describes it: its object and the metadata stored with it.
 *
 * @param key the tar.gz (full) or manifest (incremental)
 * @param collection the collection backed up
 * @param createdAt when the backup was taken
 * @param chunkCount chunks in the backed-up commit
 * @param sha256 SHA-256 (hex) of the object's content
 * @param size bytes of the object (the manifest's size for an incremental backup)
 * @param persistDirectory the index directory the backup was taken from
 * @param generation the Lucene commit generation backed up
 */
public record BackupInfo(String bucket, String key, BackupType type, String collection, Instant createdAt,
    long chunkCount, String sha256, long size, String persistDirectory, long generation) {
}
