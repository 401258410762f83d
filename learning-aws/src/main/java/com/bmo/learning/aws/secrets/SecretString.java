package com.bmo.learning.aws.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A piece of sensitive text (a password, an API key) that never shows itself by accident:
 * {@link #toString()} — and so every log line, exception message or record that includes it — prints
 * {@value #REDACTED}. Call {@link #reveal()} where the real value is needed.
 */
public final class SecretString {

  public static final String REDACTED = "******";

  private final String value;

  private SecretString(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static SecretString of(String value) {
    return new SecretString(value);
  }

  /** The actual text. Use it where it is consumed (a client's credentials), never for logging. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** Constant-time comparison, so equality checks do not leak the value through timing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretString other
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
            other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    // A constant: a hash of the value would leak information about it, and these are never map keys.
    return 0;
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
