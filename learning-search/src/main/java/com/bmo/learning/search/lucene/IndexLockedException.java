package com.bmo.learning.search.lucene;

import com.bmo.learning.search.SearchIndexException;
import java.nio.file.Path;

/** Another writer (in this process or another) has the index directory open. */
public final class IndexLockedException extends SearchIndexException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(String index, Path directory, Throwable cause) {
    super(index, directory, "the directory is locked by another open index", cause);
  }
}
