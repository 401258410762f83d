package com.bmo.learning.search.index;

import java.nio.file.Path;

/** The index could not be opened, read or written. Names the collection and its directory. */
public class VectorIndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String collection;
  private final transient Path directory;

  public VectorIndexException(String collection, Path directory, String detail, Throwable cause) {
    super("vector index '" + collection + "' at " + directory + ": " + detail, cause);
    this.collection = collection;
    this.directory = directory;
  }

  public String collection() {
    return collection;
  }

  public Path directory() {
    return directory;
  }
}
