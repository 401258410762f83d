package com.bmo.learning.search.index;

import java.nio.file.Path;

/** Another writer (in this process or another) has the index directory open. */
public final class IndexLockedException extends VectorIndexException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(String collection, Path directory, Throwable cause) {
    super(collection, directory, "the directory is locked by another open index", cause);
  }
}
