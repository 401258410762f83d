package com.bmo.learning.service.ingestion;

/**
 * The document can never be ingested as it is (corrupt, encrypted, empty, unsupported type): the job
 * marks it FAILED at once instead of retrying.
 */
public class UnprocessableDocumentException extends RuntimeException {

  private final String sourceUri;

  public UnprocessableDocumentException(String sourceUri, String message, Throwable cause) {
    super(message, cause);
    this.sourceUri = sourceUri;
  }

  public String sourceUri() {
    return sourceUri;
  }
}
