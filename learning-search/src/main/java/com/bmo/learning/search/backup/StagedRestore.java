package com.bmo.learning.search.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import com.bmo.learning.search.ContentVersion;

/**
 * A backup downloaded, verified and validated into a directory beside its target, not yet in place. The
 * slow part of a restore (S3, checksums) is over; {@link #moveInto(RestoreMode)} only renames, so a caller
 * can close the live index just for that moment. Closing without moving deletes the staged files.
 */
public final class StagedRestore implements AutoCloseable {

  private final BackupInfo backup;
  private final Path target;
  private final Path staging;
  private final IndexContents contents;
  private final long bytes;
  private final long startedNanos;
  private final IndexFileFormat format;
  private boolean moved;

  StagedRestore(BackupInfo backup, Path target, Path staging, IndexContents contents, long bytes,
      long startedNanos, IndexFileFormat format) {
    this.backup = backup;
    this.target = target;
    this.staging = staging;
    this.contents = contents;
    this.bytes = bytes;
    this.startedNanos = startedNanos;
    this.format = format;
  }

  public BackupInfo backup() {
    return backup;
  }

  /** The index directory the backup goes into. */
  public Path target() {
    return target;
  }

  /** Chunks in the staged index (checked against the backup's metadata). */
  public long chunkCount() {
    return contents.chunkCount();
  }

  /**
   * The embedding model and chunker the staged index was built with, if it recorded them: a caller compares
   * it with its live index's before {@link #moveInto} (an index of another version would be refused on
   * opening, after the swap).
   */
  public Optional<ContentVersion> contentVersion() {
    return Optional.ofNullable(contents.contentVersion());
  }

  /**
   * Refuses ({@link IncompatibleBackupException}) a staged index built with another embedding model or
   * chunker than {@code live}; one that recorded none, or a null {@code live}, passes (as on opening).
   */
  public void requireContentVersion(ContentVersion live) {
    ContentVersion staged = contents.contentVersion();
    if (live != null && staged != null && !staged.equals(live)) {
      throw new IncompatibleBackupException(backup.bucket(), backup.key(), staged, live);
    }
  }

  /**
   * Renames the staged index into the target. With an existing target (only in {@link RestoreMode#REPLACE},
   * and never while an index has it open): target → aside, staged → target, then the old one is deleted; if
   * the second rename fails the old index is put back. On any failure the target is left as it was.
   */
  public synchronized RestoreResult moveInto(RestoreMode mode) {
    if (moved) {
      throw new IllegalStateException("already moved into " + target);
    }
    boolean existing = IndexRestores.checkTarget(backup.bucket(), backup.key(), target, mode, format);
    Path aside = null;
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        aside = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (aside != null) {
          Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
          aside = null;
        }
        throw e;
      }
    } catch (IOException e) {
      throw new BackupIoException(backup.bucket(), backup.key(), "cannot move the restored index into "
          + target + ": " + e, e);
    }
    moved = true;
    WorkFiles.deleteTree(aside);
    return new RestoreResult(backup, target, contents.chunkCount(), contents.fileCount(), bytes, existing,
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** Deletes the staged files unless they were moved into place. */
  @Override
  public synchronized void close() {
    if (!moved) {
      WorkFiles.deleteTree(staging);
    }
  }
}
