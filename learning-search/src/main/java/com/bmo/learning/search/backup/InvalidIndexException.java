package com.bmo.learning.search.backup;

/** A staged directory is not a valid index ({@link IndexFileFormat#validate}); the message says why. */
public final class InvalidIndexException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
