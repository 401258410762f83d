package com.bmo.learning.service.documents;

/** An ingest request named an S3 object or prefix with nothing there: HTTP 422. */
public class SourceObjectNotFoundException extends RuntimeException {

  private final String uri;

  public SourceObjectNotFoundException(String uri, String message) {
    super(message);
    this.uri = uri;
  }

  public String uri() {
    return uri;
  }
}
