package com.bmo.learning.ingestion;

/** The object (or its bucket), or the local file, does not exist. */
public final class SourceNotFoundException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public SourceNotFoundException(String source, String detail, Throwable cause) {
    super(source, "not_found", detail, cause);
  }
}
