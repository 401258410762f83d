package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.S3Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Backups of an index's files to S3, and restores from them: one entry point over the focused parts.
 *
 * <ul>
 *   <li>{@link #backupToS3} — a <b>full</b> backup ({@code FullBackups}): one tar.gz of a commit point.</li>
 *   <li>{@link #incrementalBackup} — an <b>incremental</b> backup ({@code IncrementalBackups}): new index
 *       files plus a manifest in a repository prefix.</li>
 *   <li>{@link #describe}, {@link #listBackups} — the {@link BackupCatalogue}.</li>
 *   <li>{@link #stage} / {@link #restore} — {@code IndexRestores} then {@link StagedRestore#moveInto}; an
 *       existing index is replaced only in {@link RestoreMode#REPLACE}.</li>
 *   <li>{@link #applyRetention} — {@code BackupRetention}.</li>
 * </ul>
 *
 * <p>Engine-neutral: the index hands over a {@link FileSnapshot} ({@link SnapshotSource}), and its
 * {@link IndexFileFormat} validates what a restore stages (the Lucene backend's {@code LuceneFileFormat}).
 * Backups read a snapshot, so the index stays writable throughout. Thread-safe.
 */
public final class IndexBackups {

  private final BackupCatalogue catalogue;
  private final FullBackups full;
  private final IncrementalBackups incremental;
  private final IndexRestores restores;
  private final BackupRetention retention;

  public IndexBackups(S3Storage storage, BackupSettings settings, IndexFileFormat format) {
    this(storage, settings, format, Clock.systemUTC());
  }

  IndexBackups(S3Storage storage, BackupSettings settings, IndexFileFormat format, Clock clock) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(clock, "clock");
    this.catalogue = new BackupCatalogue(storage);
    this.full = new FullBackups(storage, settings, clock);
    this.incremental = new IncrementalBackups(storage, clock);
    this.restores = new IndexRestores(storage, catalogue, settings, format);
    this.retention = new BackupRetention(storage, catalogue, clock);
  }

  /**
   * Writes a tar.gz of the index's last commit to {@code s3://bucket/key}. Writes to the index may go on
   * meanwhile; the archive holds exactly the commit that was current when the backup began.
   */
  public BackupResult backupToS3(SnapshotSource index, String bucket, String key) {
    return full.backup(Objects.requireNonNull(index, "index"), bucket, key);
  }

  /**
   * Backs the index's last commit up into the repository under {@code repositoryPrefix}: uploads the index
   * files the repository does not hold yet, then the manifest. Returns the manifest's description.
   */
  public BackupResult incrementalBackup(SnapshotSource index, String bucket, String repositoryPrefix) {
    return incremental.backup(Objects.requireNonNull(index, "index"), bucket, repositoryPrefix);
  }

  /** The backup an object holds, from its metadata; {@link BackupNotFoundException} if none. */
  public BackupInfo describe(String bucket, String key) {
    return catalogue.describe(bucket, key);
  }

  /** Backups under {@code prefix}, newest first. */
  public List<BackupInfo> listBackups(String bucket, String prefix) {
    return catalogue.list(bucket, prefix);
  }

  /**
   * Restores the backup at {@code s3://bucket/key} (full or incremental) into the index directory
   * {@code target}, trusting the object's own metadata for its SHA-256: {@link #stage} then
   * {@link StagedRestore#moveInto}. On any failure the target is left as it was.
   */
  public RestoreResult restore(String bucket, String key, Path target, RestoreMode mode) {
    try (StagedRestore staged = stage(bucket, key, target)) {
      return staged.moveInto(mode);
    }
  }

  /** {@link #stage(String, String, Path, BackupDigest)} trusting the object's own metadata. */
  public StagedRestore stage(String bucket, String key, Path target) {
    return restores.stage(bucket, key, target, null);
  }

  /**
   * Downloads, verifies and validates the backup into a directory beside {@code target}, without touching
   * the target: the part of a restore that may take long, done while the live index keeps serving. The
   * download must match {@code expected} (checked while it streams; extraction bounded by its index size).
   */
  public StagedRestore stage(String bucket, String key, Path target, BackupDigest expected) {
    return restores.stage(bucket, key, target, Objects.requireNonNull(expected, "expected"));
  }

  /**
   * Keeps the newest {@link RetentionPolicy#keepLast()} backups of each collection and type under
   * {@code prefix} and deletes the others; then deletes the repository files ({@code prefix/files/})
   * that no kept manifest lists and that are older than the grace period. If any kept manifest cannot be
   * read, no file is deleted (it might be needed).
   */
  public RetentionResult applyRetention(String bucket, String prefix, RetentionPolicy policy) {
    return retention.apply(bucket, prefix, Objects.requireNonNull(policy, "policy"));
  }
}
