package com.bmo.learning.ingestion;

/** The file is larger than the configured limit; it was not downloaded. */
public final class DocumentTooLargeException extends IngestionException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long limit;

  public DocumentTooLargeException(String source, long size, long limit) {
    super(source, "too_large", "the file is " + size + " bytes, above the limit of " + limit + " bytes",
        null);
    this.size = size;
    this.limit = limit;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }
}
