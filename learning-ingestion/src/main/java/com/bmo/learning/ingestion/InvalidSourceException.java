package com.bmo.learning.ingestion;

/** A batch entry that is neither a valid S3 URI nor a usable local path, or a prefix where a file was expected. */
public final class InvalidSourceException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public InvalidSourceException(String source, String detail, Throwable cause) {
    super(source, "invalid_source", detail, cause);
  }
}
