package com.bmo.learning.aws.s3;

/** A string that is not a usable S3 URI; {@link #reason()} says why, the message says how to fix it. */
public final class InvalidS3UriException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the URI. */
  public enum Reason {
    /** Null or blank. */
    EMPTY,
    /** Not {@code s3://}: {@code http://}, {@code s3a://}, a bare path, ... */
    SCHEME,
    /** {@code s3:///key}: no bucket. */
    MISSING_BUCKET,
    /** The bucket name breaks an AWS naming rule. */
    INVALID_BUCKET,
    /** An object was expected, but the URI names a bucket or a prefix. */
    MISSING_KEY,
    /** The key is too long for S3 or not valid Unicode. */
    INVALID_KEY,
    /** Percent-escapes that do not decode as UTF-8. */
    INVALID_ENCODING
  }

  private final String input;
  private final Reason reason;
  private final String detail;

  public InvalidS3UriException(String input, Reason reason, String detail) {
    super("invalid S3 URI '" + input + "': " + detail);
    this.input = input;
    this.reason = reason;
    this.detail = detail;
  }

  /** The string that was parsed. */
  public String input() {
    return input;
  }

  public Reason reason() {
    return reason;
  }

  /** What is wrong, without the URI. */
  public String detail() {
    return detail;
  }
}
