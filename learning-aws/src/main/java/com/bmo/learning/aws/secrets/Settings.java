package com.bmo.learning.aws.secrets;

/**
 * Sensitive settings (API keys, database credentials) resolved with the precedence Secrets Manager →
 * environment variable → default. Values come wrapped in {@link SecretString}, which prints redacted.
 */
public interface Settings {

  /** The setting from its own secret, else its environment variable, else its default. */
  ResolvedSetting resolve(String setting);

  /**
   * The setting from one field of a JSON secret, else its environment variable, else its default.
   *
   * @param secretName the secret holding the field, named like a setting (so it goes through the naming
   *     pattern) or a full ARN; {@code null} means the secret named after {@code setting}
   */
  ResolvedSetting resolveField(String setting, String field, String secretName);

  /** {@link #resolve}'s value. */
  default SecretString loadSecret(String setting) {
    return resolve(setting).value();
  }

  /** {@link #resolveField}'s value. */
  default SecretString loadSecretField(String setting, String field, String secretName) {
    return resolveField(setting, field, secretName).value();
  }
}
