package com.bmo.learning.search.opensearch;

/**
 * The index behind the configured name was made for another mapping version or vector dimension (or is not
 * an alias): writing to it would fail or, worse, mix incompatible chunks. Nothing was changed.
 */
public final class MappingMismatchException extends RuntimeException {

  private final String index;

  public MappingMismatchException(String index, String message) {
    super("OpenSearch index '" + index + "': " + message);
    this.index = index;
  }

  /** The concrete index (or name) that does not match. */
  public String index() {
    return index;
  }
}
