package com.bmo.learning.aws.secrets;

import java.util.Optional;

/**
 * Base of every error this package raises about a secret. It carries the secret id as the caller gave it
 * (name or ARN) and never the secret's value.
 */
public class SecretsException extends RuntimeException {

  private final String secretId;

  public SecretsException(String secretId, String message, Throwable cause) {
    super(message, cause);
    this.secretId = secretId;
  }

  public SecretsException(String secretId, String message) {
    this(secretId, message, null);
  }

  /** The secret's name or ARN as the caller passed it; empty when the call named no secret (list). */
  public Optional<String> secretId() {
    return Optional.ofNullable(secretId);
  }
}
