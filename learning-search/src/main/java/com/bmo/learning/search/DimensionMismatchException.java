package com.bmo.learning.search;

/** A vector's length differs from the index's dimension (for example, a different model). */
public final class DimensionMismatchException extends SearchIndexException {
  private static final long serialVersionUID = 1L;

  private final int expected;
  private final int actual;

  public DimensionMismatchException(String index, Object location, String what, int expected, int actual) {
    super(index, location, what + " has " + actual + " dimensions; the index holds " + expected
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
