package com.bmo.learning.aws.secrets;

/** Where secret values come from: Secrets Manager itself ({@link SecretsClient}) or a {@link SecretCache}. */
public interface SecretSource {

  /** The AWSCURRENT version of the secret named by {@code secretId} (name or ARN). */
  SecretValue getSecret(String secretId);

  /** The version of the secret carrying {@code versionStage}; AWSCURRENT when it is null. */
  SecretValue getSecret(String secretId, String versionStage);

  /** The current value as text. */
  default String getString(String secretId) {
    return getSecret(secretId).asString();
  }

  /** The current value as bytes. */
  default byte[] getBinary(String secretId) {
    return getSecret(secretId).asBinary();
  }

  /** One field of a JSON object secret; see {@link SecretValue#field(String)}. */
  default String getField(String secretId, String field) {
    return getSecret(secretId).field(field);
  }
}
