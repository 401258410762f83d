package com.bmo.learning.search;

/**
 * The index could not be opened, read or written. Names the index and where it lives (a directory, a
 * URL).
 */
public class SearchIndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String index;
  private final String location;

  public SearchIndexException(String index, Object location, String detail, Throwable cause) {
    super("search index '" + index + "' at " + location + ": " + detail, cause);
    this.index = index;
    this.location = String.valueOf(location);
  }

  /** The index's name. */
  public String index() {
    return index;
  }

  /** Where it lives: a directory or a URL. */
  public String location() {
    return location;
  }
}
