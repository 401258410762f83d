package com.bmo.learning.ingestion;

/** The content contradicts the extension: a {@code .pdf} that does not start like a PDF. */
public final class ContentMismatchException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public ContentMismatchException(String source, String detail, Throwable cause) {
    super(source, "content_mismatch", detail, cause);
  }
}
