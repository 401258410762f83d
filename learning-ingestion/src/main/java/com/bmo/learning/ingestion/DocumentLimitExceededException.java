package com.bmo.learning.ingestion;

/**
 * The document goes over one of the {@link IngestionLimits} (pages, characters, decompressed bytes,
 * chunks); the work stopped there. The message says which and by how much, e.g. "the document has 5,000
 * pages; the limit is 2,000". Retrying cannot help.
 */
public final class DocumentLimitExceededException extends IngestionException {
  private static final long serialVersionUID = 1L;

  private final IngestionLimits.Limit limit;
  private final long actual;
  private final long maximum;

  /**
   * @param actual what the document has; when {@code atLeast}, what was counted before the work stopped
   */
  public DocumentLimitExceededException(String source, IngestionLimits.Limit limit, long actual, long maximum,
      boolean atLeast) {
    super(source, "limit_exceeded", "the document has " + (atLeast ? "more than " : "")
        + IngestionLimits.format(atLeast ? maximum : actual) + " " + limit.unit() + "; the limit is "
        + IngestionLimits.format(maximum), null);
    this.limit = limit;
    this.actual = actual;
    this.maximum = maximum;
  }

  /** Which limit. */
  public IngestionLimits.Limit limit() {
    return limit;
  }

  /** What the document has, or at least has (see the message). */
  public long actual() {
    return actual;
  }

  /** The limit's value. */
  public long maximum() {
    return maximum;
  }
}
