package com.bmo.learning.service.documents;

/** The upload exceeds the configured size limit: HTTP 413. */
public class FileTooLargeException extends RuntimeException {

  private final long size;
  private final long limit;

  public FileTooLargeException(long size, long limit) {
    super("The file is " + size + " bytes; the limit is " + limit + " bytes");
    this.size = size;
    this.limit = limit;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }
}
