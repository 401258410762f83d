package com.bmo.learning.aws.secrets;

/** A secret with this name already exists. */
public final class SecretAlreadyExistsException extends SecretsException {
  public SecretAlreadyExistsException(String secretId, Throwable cause) {
    super(secretId, "Secret '" + secretId + "' already exists", cause);
  }
}
