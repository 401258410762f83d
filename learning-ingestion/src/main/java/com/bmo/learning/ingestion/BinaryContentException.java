package com.bmo.learning.ingestion;

/** A file with a text extension (.txt, .md, .html) whose bytes are binary data. */
public final class BinaryContentException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public BinaryContentException(String source, String detail, Throwable cause) {
    super(source, "binary_content", detail, cause);
  }
}
