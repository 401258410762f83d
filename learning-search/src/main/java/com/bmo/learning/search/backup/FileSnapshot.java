package com.bmo.learning.search.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A commit point of a file-based index, held so that none of its files is deleted or changed until
 * {@link #close()}; what a full or incremental backup reads. The engine (the Lucene backend's
 * {@code IndexSnapshot}) implements it, so this package needs no engine classes.
 */
public interface FileSnapshot extends AutoCloseable {

  /** The collection's name. */
  String collection();

  /** The index directory the files are in. */
  Path directory();

  /** The commit's generation (increases with every commit). */
  long generation();

  /** The file naming the commit (Lucene's {@code segments_N}). */
  String segmentsFileName();

  /** Every file of the commit, sorted. */
  List<String> fileNames();

  /** Chunks live in this commit. */
  long chunkCount();

  /** Vector dimension of the index. */
  int dimension();

  /** A file of the commit. */
  default Path file(String name) {
    return directory().resolve(name);
  }

  /**
   * The engine's own checksum of a file (Lucene: the CRC in its footer), cheap to read: an incremental
   * backup reuses a known SHA-256 for a file with the same name, size and checksum instead of re-reading it.
   */
  long checksum(String name) throws IOException;

  /** Releases the commit's files. Idempotent. */
  @Override
  void close();
}
