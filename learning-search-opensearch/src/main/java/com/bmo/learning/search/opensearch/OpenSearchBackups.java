package com.bmo.learning.search.opensearch;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.search.backup.BackupCatalogue;
import com.bmo.learning.search.backup.BackupDigest;
import com.bmo.learning.search.backup.BackupInfo;
import com.bmo.learning.search.backup.BackupIntegrityException;
import com.bmo.learning.search.backup.BackupNotFoundException;
import com.bmo.learning.search.backup.BackupType;
import com.bmo.learning.search.backup.IncompatibleBackupException;
import com.bmo.learning.search.backup.VerifiedDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Backups of an {@link OpenSearchSearchIndex} to S3 as engine-neutral chunk exports
 * ({@code {prefix}export/{time}.tar.gz}, see {@link ChunkArchive}), described in the object's user metadata
 * as every backup is ({@link BackupCatalogue}, type {@link BackupType#CHUNK_EXPORT}); restores that verify the checksum and load the export into a
 * new index behind the alias, so every instance's searches switch at one moment.
 *
 * <p>Chosen over OpenSearch's snapshot API: snapshots to S3 need the {@code repository-s3} plugin on every
 * node and the cluster's own S3 credentials (on Amazon OpenSearch Service, an IAM role registered with the
 * domain), and restore into a closed or new index without an alias swap; an export works with any cluster,
 * the service's own S3 client and credentials, and restores into a live cluster atomically for readers.
 */
public final class OpenSearchBackups {

  private final OpenSearchSearchIndex index;
  private final S3Storage storage;
  private final BackupCatalogue catalogue;
  private final Path workDirectory;
  private final Clock clock;

  /**
   * @param workDirectory where the export is assembled before upload and a download is kept while it is
   *     verified (both deleted afterwards)
   */
  public OpenSearchBackups(OpenSearchSearchIndex index, S3Storage storage, Path workDirectory, Clock clock) {
    this.index = Objects.requireNonNull(index, "index");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.catalogue = new BackupCatalogue(storage);
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a restore did. */
  public record Restore(BackupInfo backup, long chunkCount, Duration duration) {
  }

  /** Exports every chunk to {@code s3://bucket/{prefix}export/{time}.tar.gz}; writes may go on meanwhile. */
  public BackupInfo backup(String bucket, String prefix) {
    String key = prefix + "export/" + BackupCatalogue.KEY_TIME.format(clock.instant()) + ".tar.gz";
    Path archive = null;
    Path lines = null;
    try {
      Files.createDirectories(workDirectory);
      archive = Files.createTempFile(workDirectory, "export-", ".tar.gz");
      lines = Files.createTempFile(workDirectory, "export-", ".jsonl");
      OpenSearchSearchIndex.ExportResult export = index.exportTo(archive, lines);
      long indexBytes = Files.size(lines);
      Map<String, String> metadata = new LinkedHashMap<>(BackupCatalogue.metadata(BackupType.CHUNK_EXPORT,
          index.name(), null, export.chunkCount(), export.createdAt(), export.sha256(), -1, index.dimension(),
          indexBytes));
      metadata.put(BackupCatalogue.META_INDEX, index.name());
      storage.upload(bucket, key, archive, UploadOptions.builder().contentType("application/gzip")
          .metadata(metadata).build());
      return new BackupInfo(bucket, key, BackupType.CHUNK_EXPORT, index.name(), export.createdAt(),
          export.chunkCount(), export.sha256(), export.bytes(), null, -1, indexBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the export in " + workDirectory, e);
    } finally {
      deleteQuietly(archive);
      deleteQuietly(lines);
    }
  }

  /** The exports under {@code prefix}, newest first. */
  public List<BackupInfo> list(String bucket, String prefix) {
    return catalogue.list(bucket, prefix + "export/").stream()
        .filter(b -> b.type() == BackupType.CHUNK_EXPORT)
        .toList();
  }

  /** The export at {@code key}. */
  public BackupInfo describe(String bucket, String key) {
    BackupInfo info = catalogue.describe(bucket, key);
    if (info.type() != BackupType.CHUNK_EXPORT) {
      throw new BackupNotFoundException(bucket, key, "not an OpenSearch export (backup-type "
          + info.type().metadataValue() + ")", null);
    }
    return info;
  }

  /** {@link #restore(String, String, BackupDigest)} trusting the object's own metadata for its SHA-256. */
  public Restore restore(String bucket, String key) {
    BackupInfo backup = describe(bucket, key);
    if (backup.sha256() == null) {
      throw new BackupIntegrityException(bucket, key, "the backup has no SHA-256 to verify it with", null);
    }
    return restore(backup, new BackupDigest(backup.size(), backup.sha256(), backup.indexBytes()));
  }

  /**
   * Replaces the index's chunks with the export at {@code key}: downloaded while checked against
   * {@code expected} (stopped as soon as it is larger), loaded into a new index, then swapped in behind the
   * alias. On any failure the live index is untouched.
   */
  public Restore restore(String bucket, String key, BackupDigest expected) {
    return restore(describe(bucket, key), Objects.requireNonNull(expected, "expected"));
  }

  private Restore restore(BackupInfo backup, BackupDigest expected) {
    long started = System.nanoTime();
    String bucket = backup.bucket();
    String key = backup.key();
    if (backup.size() != expected.size()) {
      throw new BackupIntegrityException(bucket, key, "the object has " + backup.size() + " bytes; the backup"
          + " was recorded with " + expected.size(), null);
    }
    Path download = null;
    try {
      Files.createDirectories(workDirectory);
      download = Files.createTempFile(workDirectory, "restore-", ".tar.gz");
      VerifiedDownload.toFile(storage, bucket, key, download, expected);
      long restored;
      try (InputStream in = Files.newInputStream(download)) {
        restored = index.importFrom(in);
      } catch (IncompatibleArchiveException e) {
        throw new IncompatibleBackupException(bucket, key, e.exported(), e.live());
      } catch (InvalidArchiveException e) {
        throw new BackupIntegrityException(bucket, key, e.getMessage(), e);
      }
      if (restored != backup.chunkCount()) {
        throw new BackupIntegrityException(bucket, key, "restored " + restored + " chunks, the backup holds "
            + backup.chunkCount(), null);
      }
      return new Restore(backup, restored, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the download in " + workDirectory, e);
    } finally {
      deleteQuietly(download);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temporary file is not worth failing a backup for.
      }
    }
  }
}
