package com.bmo.learning.search.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a restore needs to know about an engine's index directory; the engine implements it (the Lucene
 * backend's {@code LuceneFileFormat}), so the backups themselves stay engine-neutral.
 */
public interface IndexFileFormat {

  /**
   * Checks that {@code directory} holds exactly one whole, uncorrupted commit made of exactly the files
   * present (and, when {@code expectedFiles} is not null, of exactly those), and says what it holds.
   *
   * @throws InvalidIndexException the directory is not such an index (the message says why)
   */
  IndexContents validate(Path directory, Set<String> expectedFiles) throws InvalidIndexException, IOException;

  /** True if an index has {@code directory} open for writing, so it must not be replaced. */
  boolean inUse(Path directory) throws IOException;
}
