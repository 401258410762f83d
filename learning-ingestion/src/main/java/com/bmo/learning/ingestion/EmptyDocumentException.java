package com.bmo.learning.ingestion;

/** The file is empty, or holds no extractable text (blank text, a PDF of scanned images). */
public final class EmptyDocumentException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public EmptyDocumentException(String source, String detail, Throwable cause) {
    super(source, "empty_document", detail, cause);
  }
}
