package com.bmo.learning.ingestion;

/**
 * A file failed in a way none of the other types describe (a bug in a parser or in this module). Kept
 * per file like the others, so that it never fails a batch; the cause has the details.
 */
public final class UnexpectedFailureException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public UnexpectedFailureException(String source, String detail, Throwable cause) {
    super(source, "unexpected_error", detail, cause);
  }
}
