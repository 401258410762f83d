package com.bmo.learning.localaws;

/** The embedded endpoint could not start: port taken, unreadable init file, bad data directory. */
public class LocalAwsStartException extends RuntimeException {
  public LocalAwsStartException(String message, Throwable cause) {
    super(message, cause);
  }

  public LocalAwsStartException(String message) {
    super(message);
  }
}
