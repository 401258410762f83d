package com.bmo.learning.aws.secrets;

/** The caller may not perform this operation on the secret (IAM, resource policy or KMS key). */
public final class SecretAccessDeniedException extends SecretsException {
  public SecretAccessDeniedException(String secretId, String message, Throwable cause) {
    super(secretId, message, cause);
  }
}
