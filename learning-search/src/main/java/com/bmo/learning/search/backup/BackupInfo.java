package com.bmo.learning.search.backup;

import java.time.Instant;

/**
 * A backup as S3 describes it: its object and the metadata stored with it ({@link BackupCatalogue}).
 *
 * @param key the tar.gz (full, export) or manifest (incremental)
 * @param collection the collection (or OpenSearch index alias) backed up
 * @param createdAt when the backup was taken
 * @param chunkCount chunks in the backed-up commit; -1 if not recorded
 * @param sha256 SHA-256 (hex) of the object's content as its metadata states; may be null
 * @param size bytes of the object (the manifest's size for an incremental backup)
 * @param persistDirectory the index directory the backup was taken from; null for an export
 * @param generation the Lucene commit generation backed up; -1 for an export
 * @param indexBytes bytes of index content the backup expands to; -1 if not recorded
 */
public record BackupInfo(String bucket, String key, BackupType type, String collection, Instant createdAt,
    long chunkCount, String sha256, long size, String persistDirectory, long generation, long indexBytes) {
}
