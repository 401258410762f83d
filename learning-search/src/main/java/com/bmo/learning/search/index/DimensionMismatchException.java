package com.bmo.learning.search.index;

import java.nio.file.Path;

/** A vector's length differs from the collection's dimension (for example, a different model). */
public final class DimensionMismatchException extends VectorIndexException {
  private static final long serialVersionUID = 1L;

  private final int expected;
  private final int actual;

  public DimensionMismatchException(String collection, Path directory, String what, int expected,
      int actual) {
    super(collection, directory, what + " has " + actual + " dimensions; the collection holds " + expected
        + "-dimensional vectors", null);
    this.expected = expected;
    this.actual = actual;
  }

  public int expected() {
    return expected;
  }

  public int actual() {
    return actual;
  }
}
