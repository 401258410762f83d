package com.bmo.learning.search.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a restore did.
 *
 * @param target the index directory now holding the backup's commit
 * @param chunkCount chunks in the restored index (checked against the backup's metadata)
 * @param files index files restored
 * @param bytes bytes of index files restored
 * @param replacedExisting true when an existing index was replaced ({@link RestoreMode#REPLACE})
 */
public record RestoreResult(BackupInfo backup, Path target, long chunkCount, int files, long bytes,
    boolean replacedExisting, Duration duration) {
}
