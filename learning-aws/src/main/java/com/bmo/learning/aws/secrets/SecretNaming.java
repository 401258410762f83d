package com.bmo.learning.aws.secrets;

import java.util.Objects;

/**
 * How a setting maps to a secret name: a pattern with {@code {env}} and {@code {setting}}, by default
 * {@value #DEFAULT_PATTERN}, so {@code openai_api_key} in {@code prod} is the secret
 * {@code bmo-learning/prod/openai_api_key}.
 */
public record SecretNaming(String pattern, String environment) {

  public static final String DEFAULT_PATTERN = "bmo-learning/{env}/{setting}";

  public SecretNaming {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(environment, "environment");
    if (!pattern.contains("{setting}")) {
      throw new IllegalArgumentException("The secret name pattern must contain {setting}: " + pattern);
    }
    if (pattern.contains("{env}") && environment.isBlank()) {
      throw new IllegalArgumentException("The pattern " + pattern + " needs a non-blank environment");
    }
  }

  public static SecretNaming of(String environment) {
    return new SecretNaming(DEFAULT_PATTERN, environment);
  }

  /** The secret name for {@code setting}; an ARN is taken as it is. */
  public String secretName(String setting) {
    if (setting.startsWith("arn:")) {
      return setting;
    }
    return pattern.replace("{env}", environment).replace("{setting}", setting);
  }
}
