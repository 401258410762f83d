package com.bmo.learning.aws.s3;

import java.util.Optional;

/**
 * The data's checksum is not the one expected: S3 rejected an upload whose content did not match the
 * checksum sent ({@code BadDigest}), the content read did not match the checksum given by the caller,
 * the checksum S3 stored differs from the one computed while sending, or a download did not match the
 * object's stored checksum. The data is not to be trusted; for a download to a file, no file was written.
 */
public final class ChecksumMismatchException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  ChecksumMismatchException(Context context, String detail, String expected, String actual,
      Throwable cause) {
    super(context, detail + (expected != null || actual != null
        ? " (expected " + expected + ", got " + actual + ")" : ""), cause);
    this.expected = expected;
    this.actual = actual;
  }

  /** The checksum that the data should have had (base64, as S3 shows it), when known. */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /** The checksum that the data had, when known. */
  public Optional<String> actual() {
    return Optional.ofNullable(actual);
  }
}
