package com.bmo.learning.search.opensearch;

/** A chunk export that is not what this backend writes (or was damaged); nothing was restored from it. */
public final class InvalidArchiveException extends RuntimeException {

  public InvalidArchiveException(String message) {
    super(message);
  }
}
