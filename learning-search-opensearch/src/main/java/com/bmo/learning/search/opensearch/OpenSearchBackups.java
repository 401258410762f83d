package com.bmo.learning.search.opensearch;

import com.bmo.learning.aws.s3.ObjectMetadata;
import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.search.backup.BackupIntegrityException;
import com.bmo.learning.search.backup.BackupNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Backups of an {@link OpenSearchSearchIndex} to S3 as engine-neutral chunk exports
 * ({@code {prefix}export/{time}.tar.gz}, see {@link ChunkArchive}) with their SHA-256, chunk count and
 * dimension in the object's user metadata; restores that verify the checksum and load the export into a
 * new index behind the alias, so every instance's searches switch at one moment.
 *
 * <p>Chosen over OpenSearch's snapshot API: snapshots to S3 need the {@code repository-s3} plugin on every
 * node and the cluster's own S3 credentials (on Amazon OpenSearch Service, an IAM role registered with the
 * domain), and restore into a closed or new index without an alias swap; an export works with any cluster,
 * the service's own S3 client and credentials, and restores into a live cluster atomically for readers.
 */
public final class OpenSearchBackups {

  static final String TYPE = "opensearch-export";
  static final String META_TYPE = "backup-type";
  static final String META_INDEX = "index";
  static final String META_CHUNK_COUNT = "chunk-count";
  static final String META_CREATED_AT = "created-at";
  static final String META_SHA256 = "sha256";
  static final String META_DIMENSION = "dimension";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final OpenSearchSearchIndex index;
  private final S3Storage storage;
  private final Path workDirectory;
  private final Clock clock;

  /**
   * @param workDirectory where the export is assembled before upload and a download is kept while it is
   *     verified (both deleted afterwards)
   */
  public OpenSearchBackups(OpenSearchSearchIndex index, S3Storage storage, Path workDirectory, Clock clock) {
    this.index = Objects.requireNonNull(index, "index");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A backup in S3. */
  public record Backup(String bucket, String key, Instant createdAt, long chunkCount, long size, String sha256) {
  }

  /** What a restore did. */
  public record Restore(Backup backup, long chunkCount, Duration duration) {
  }

  /** Exports every chunk to {@code s3://bucket/{prefix}export/{time}.tar.gz}; writes may go on meanwhile. */
  public Backup backup(String bucket, String prefix) {
    String key = prefix + "export/" + TIME.format(clock.instant()) + ".tar.gz";
    Path archive = null;
    Path lines = null;
    try {
      Files.createDirectories(workDirectory);
      archive = Files.createTempFile(workDirectory, "export-", ".tar.gz");
      lines = Files.createTempFile(workDirectory, "export-", ".jsonl");
      OpenSearchSearchIndex.ExportResult export = index.exportTo(archive, lines);
      storage.upload(bucket, key, archive, UploadOptions.builder().contentType("application/gzip")
          .metadata(Map.of(META_TYPE, TYPE, META_INDEX, index.name(),
              META_CHUNK_COUNT, Long.toString(export.chunkCount()), META_CREATED_AT, export.createdAt().toString(),
              META_SHA256, export.sha256(), META_DIMENSION, Integer.toString(index.dimension())))
          .build());
      return new Backup(bucket, key, export.createdAt(), export.chunkCount(), export.bytes(), export.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the export in " + workDirectory, e);
    } finally {
      deleteQuietly(archive);
      deleteQuietly(lines);
    }
  }

  /** The exports under {@code prefix}, newest first. */
  public List<Backup> list(String bucket, String prefix) {
    return storage.list(bucket, prefix + "export/")
        .filter(o -> o.key().endsWith(".tar.gz"))
        .map(o -> storage.head(bucket, o.key()))
        .filter(m -> TYPE.equals(m.metadata().get(META_TYPE)))
        .map(OpenSearchBackups::backup)
        .sorted(Comparator.comparing(Backup::createdAt).reversed())
        .toList();
  }

  /** The export at {@code key}. */
  public Backup describe(String bucket, String key) {
    ObjectMetadata head;
    try {
      head = storage.head(bucket, key);
    } catch (ObjectNotFoundException e) {
      throw new BackupNotFoundException(bucket, key, "no such object", e);
    }
    if (!TYPE.equals(head.metadata().get(META_TYPE))) {
      throw new BackupNotFoundException(bucket, key, "not an OpenSearch export (backup-type "
          + head.metadata().get(META_TYPE) + ")", null);
    }
    return backup(head);
  }

  /**
   * Replaces the index's chunks with the export at {@code key}: downloaded, checked against its SHA-256,
   * loaded into a new index, then swapped in behind the alias. On any failure the live index is untouched.
   */
  public Restore restore(String bucket, String key) {
    long started = System.nanoTime();
    Backup backup = describe(bucket, key);
    Path download = null;
    try {
      Files.createDirectories(workDirectory);
      download = Files.createTempFile(workDirectory, "restore-", ".tar.gz");
      storage.download(bucket, key, download);
      String sha = sha256(download);
      if (!sha.equals(backup.sha256())) {
        throw new BackupIntegrityException(bucket, key, "SHA-256 is " + sha + ", the backup's metadata says "
            + backup.sha256(), null);
      }
      long restored;
      try (InputStream in = Files.newInputStream(download)) {
        restored = index.importFrom(in);
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

  private static Backup backup(ObjectMetadata head) {
    Map<String, String> m = head.metadata();
    return new Backup(head.bucket(), head.key(), Instant.parse(m.get(META_CREATED_AT)),
        Long.parseLong(m.get(META_CHUNK_COUNT)), head.size(), m.get(META_SHA256));
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
