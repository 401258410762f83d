package com.bmo.learning.aws.secrets;

/** The secret does not exist (or was deleted for good). */
public class SecretNotFoundException extends SecretsException {
  public SecretNotFoundException(String secretId, String message, Throwable cause) {
    super(secretId, message, cause);
  }
}
