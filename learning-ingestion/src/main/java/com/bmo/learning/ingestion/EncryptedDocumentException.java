package com.bmo.learning.ingestion;

/** A password-protected PDF, or one whose permissions forbid extracting its text. */
public final class EncryptedDocumentException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public EncryptedDocumentException(String source, String detail, Throwable cause) {
    super(source, "encrypted_document", detail, cause);
  }
}
