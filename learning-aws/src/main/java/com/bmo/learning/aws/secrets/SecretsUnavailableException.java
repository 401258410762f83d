package com.bmo.learning.aws.secrets;

/**
 * Secrets Manager could not be reached or did not answer properly (network error, throttling, 5xx) after
 * the SDK's own retries. The only failure a {@link SecretCache} bridges with a stale value.
 */
public final class SecretsUnavailableException extends SecretsException {
  public SecretsUnavailableException(String secretId, String message, Throwable cause) {
    super(secretId, message, cause);
  }
}
