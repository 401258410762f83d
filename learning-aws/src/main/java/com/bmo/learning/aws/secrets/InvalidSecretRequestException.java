package com.bmo.learning.aws.secrets;

/**
 * The request is malformed: rejected here before any call to AWS (blank id, bad recovery window, both a
 * recovery window and forced deletion, ...), or rejected by Secrets Manager as an invalid parameter or
 * request.
 */
public final class InvalidSecretRequestException extends SecretsException {
  public InvalidSecretRequestException(String secretId, String message, Throwable cause) {
    super(secretId, message, cause);
  }

  public InvalidSecretRequestException(String secretId, String message) {
    super(secretId, message);
  }
}
