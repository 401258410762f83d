package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full backups: one tar.gz of a commit point, uploaded with its description and SHA-256 in the object's
 * metadata ({@link BackupCatalogue#metadata}). Writes go on meanwhile: the snapshot holds the commit's files.
 */
final class FullBackups {

  private static final Logger LOG = LoggerFactory.getLogger(IndexBackups.class);

  private final S3Storage storage;
  private final BackupSettings settings;
  private final Clock clock;

  FullBackups(S3Storage storage, BackupSettings settings, Clock clock) {
    this.storage = storage;
    this.settings = settings;
    this.clock = clock;
  }

  BackupResult backup(SnapshotSource index, String bucket, String key) {
    long started = System.nanoTime();
    Path archive = null;
    try (FileSnapshot snapshot = index.snapshot()) {
      Instant created = clock.instant();
      archive = WorkFiles.create(settings, bucket, key, "backup-", ".tar.gz");
      long archiving = System.nanoTime();
      TarGzWriter.Written written;
      try {
        written = TarGzWriter.write(snapshot.directory(), snapshot.fileNames(), archive,
            settings.compressionLevel());
      } catch (IOException e) {
        throw new BackupIoException(bucket, key, "cannot write the archive of " + snapshot + ": " + e, e);
      }
      Duration preparation = Duration.ofNanos(System.nanoTime() - archiving);
      storage.upload(bucket, key, archive, UploadOptions.builder().contentType("application/gzip")
          .metadata(BackupCatalogue.metadata(BackupType.FULL, snapshot.collection(),
              snapshot.directory().toString(), snapshot.chunkCount(), created, written.sha256(),
              snapshot.generation(), snapshot.dimension(), written.contentBytes()))
          .build());
      BackupInfo info = new BackupInfo(bucket, key, BackupType.FULL, snapshot.collection(), created,
          snapshot.chunkCount(), written.sha256(), written.archiveBytes(), snapshot.directory().toString(),
          snapshot.generation(), written.contentBytes());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.info("Full backup of '{}' (generation {}, {} chunks, {} files, {} bytes) to s3://{}/{} in {} ms",
          snapshot.collection(), snapshot.generation(), snapshot.chunkCount(), snapshot.fileNames().size(),
          written.archiveBytes(), bucket, key, took.toMillis());
      return new BackupResult(info, written.contentBytes(), written.archiveBytes(), 1, 0, preparation, took);
    } finally {
      WorkFiles.deleteQuietly(archive);
    }
  }
}
