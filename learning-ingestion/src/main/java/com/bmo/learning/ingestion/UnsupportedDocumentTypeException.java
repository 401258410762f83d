package com.bmo.learning.ingestion;

/** The file's extension names no supported type (PDF, plain text, Markdown, HTML). */
public final class UnsupportedDocumentTypeException extends IngestionException {
  private static final long serialVersionUID = 1L;

  private final String fileName;

  public UnsupportedDocumentTypeException(String source, String fileName, String detail) {
    super(source, "unsupported_type", detail, null);
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
