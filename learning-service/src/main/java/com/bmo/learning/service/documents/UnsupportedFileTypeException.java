package com.bmo.learning.service.documents;

/** The upload is not one of the accepted types (PDF, Markdown, HTML, plain text): HTTP 415. */
public class UnsupportedFileTypeException extends RuntimeException {

  private final String fileName;

  public UnsupportedFileTypeException(String fileName, String reason) {
    super("'" + fileName + "' is not an accepted document: " + reason
        + "; accepted: PDF, Markdown, HTML and plain text (UTF-8)");
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
