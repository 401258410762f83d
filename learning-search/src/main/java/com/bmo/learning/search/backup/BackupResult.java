package com.bmo.learning.search.backup;

import java.time.Duration;

/**
 * What a backup did.
 *
 * @param backup the backup written
 * @param indexBytes bytes of the index files backed up (the whole commit)
 * @param bytesUploaded bytes sent to S3 (the archive; or the new files plus the manifest)
 * @param filesUploaded objects written (1 for a full backup)
 * @param filesReused index files already in the repository (incremental only)
 * @param preparation local work before the upload: writing the archive (full), checksumming the files
 *     (incremental)
 * @param duration the whole backup, snapshot to last upload
 */
public record BackupResult(BackupInfo backup, long indexBytes, long bytesUploaded, int filesUploaded,
    int filesReused, Duration preparation, Duration duration) {
}
