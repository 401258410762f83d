package com.bmo.learning.aws.s3;

/**
 * S3 could not be reached or was unavailable (HTTP 5xx, throttling such as {@code SlowDown}, timeouts,
 * connection failures) and the SDK's standard retry strategy gave up after {@link #attempts()} attempts.
 * Trying again later may succeed.
 */
public final class TransientStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  TransientStorageException(Context context, String detail, int attempts, Throwable cause) {
    super(context, detail + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"),
        cause);
    this.attempts = attempts;
  }

  /** How many attempts the SDK made, retries included. */
  public int attempts() {
    return attempts;
  }
}
