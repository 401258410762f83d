package com.bmo.learning.ingestion;

/** The file claims a format (by extension and magic bytes) but cannot be read in it: a damaged or truncated PDF. */
public final class CorruptDocumentException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public CorruptDocumentException(String source, String detail, Throwable cause) {
    super(source, "corrupt_document", detail, cause);
  }
}
