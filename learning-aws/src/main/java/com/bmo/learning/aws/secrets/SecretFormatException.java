package com.bmo.learning.aws.secrets;

import java.util.Optional;

/**
 * The secret exists but its value does not have the shape the caller asked for: text instead of binary
 * (or the reverse), not a JSON object, or no such field. Names the secret and the field, never the value.
 */
public final class SecretFormatException extends SecretsException {

  /** What was wrong with the value. */
  public enum Reason {
    /** Asked for text, the secret holds binary. */
    NOT_TEXT,
    /** Asked for binary, the secret holds text. */
    NOT_BINARY,
    /** Asked for a field, the value is not a JSON object. */
    NOT_JSON_OBJECT,
    /** The JSON object has no such field (or it is null). */
    FIELD_MISSING
  }

  private final Reason reason;
  private final String field;

  public SecretFormatException(String secretId, Reason reason, String field) {
    super(secretId, message(secretId, reason, field));
    this.reason = reason;
    this.field = field;
  }

  private static String message(String secretId, Reason reason, String field) {
    String secret = "Secret '" + secretId + "'";
    return switch (reason) {
      case NOT_TEXT -> secret + " holds binary data, not text";
      case NOT_BINARY -> secret + " holds text, not binary data";
      case NOT_JSON_OBJECT -> secret + " is not a JSON object, so it has no field '" + field + "'";
      case FIELD_MISSING -> secret + " has no field '" + field + "'";
    };
  }

  public Reason reason() {
    return reason;
  }

  /** The field asked for, when the caller asked for one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
