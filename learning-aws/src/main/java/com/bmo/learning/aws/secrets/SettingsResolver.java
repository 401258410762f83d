package com.bmo.learning.aws.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Settings} over a {@link SecretSource} (normally a {@link SecretCache}), the process environment
 * and a map of defaults.
 *
 * <ol>
 *   <li>Secrets Manager: the secret {@code bmo-learning/{env}/{setting}} (pattern overridable), or one
 *       field of a JSON secret. A secret that does not exist or is scheduled for deletion passes on to the
 *       next place; so does one that exists but lacks the field (logged, as that is usually a mistake).
 *       Any other failure (access denied, Secrets Manager unreachable) is thrown, because silently
 *       running on an environment value instead of the real credential hides an outage; opt into falling
 *       back with {@link Builder#fallBackOnSecretsErrors(boolean)}.</li>
 *   <li>The environment variable: the setting upper-cased with every other character as {@code _}
 *       ({@code openai.api-key} → {@code OPENAI_API_KEY}); blank counts as unset.</li>
 *   <li>The default given to the builder.</li>
 * </ol>
 * Found nowhere, a {@link SettingNotFoundException} lists each place and why it gave nothing. Without a
 * secret source (offline), step 1 is skipped.
 */
public final class SettingsResolver implements Settings {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsResolver.class);

  /** The environment variable naming the environment when the builder is not told. */
  public static final String ENVIRONMENT_NAME_VARIABLE = "BMO_LEARNING_ENV";
  public static final String DEFAULT_ENVIRONMENT_NAME = "dev";

  private final SecretSource secrets;
  private final SecretNaming naming;
  private final Function<String, String> environment;
  private final Function<String, String> variableName;
  private final Map<String, String> defaults;
  private final boolean fallBackOnSecretsErrors;

  private SettingsResolver(Builder b) {
    this.secrets = b.secrets;
    this.environment = b.environment;
    String env = b.environmentName != null ? b.environmentName
        : nonBlank(environment.apply(ENVIRONMENT_NAME_VARIABLE), DEFAULT_ENVIRONMENT_NAME);
    this.naming = new SecretNaming(b.pattern, env);
    this.variableName = b.variableName;
    this.defaults = Map.copyOf(b.defaults);
    this.fallBackOnSecretsErrors = b.fallBackOnSecretsErrors;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SecretNaming naming() {
    return naming;
  }

  @Override
  public ResolvedSetting resolve(String setting) {
    checkSetting(setting);
    List<String> lookedAt = new ArrayList<>();
    String secretName = naming.secretName(setting);
    if (secrets != null) {
      String where = "Secrets Manager secret '" + secretName + "'";
      try {
        SecretValue value = secrets.getSecret(secretName);
        return new ResolvedSetting(setting, value.asSecretString(), SettingSource.SECRETS_MANAGER,
            secretName);
      } catch (SecretsException e) {
        lookedAt.add(where + " (" + reason(setting, secretName, e) + ")");
      }
    } else {
      lookedAt.add("Secrets Manager (no secret source configured)");
    }
    return fromEnvironmentOrDefault(setting, lookedAt);
  }

  @Override
  public ResolvedSetting resolveField(String setting, String field, String secretName) {
    checkSetting(setting);
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("A field name is required for setting '" + setting + "'");
    }
    List<String> lookedAt = new ArrayList<>();
    String name = naming.secretName(secretName == null ? setting : secretName);
    if (secrets != null) {
      String where = "field '" + field + "' of Secrets Manager secret '" + name + "'";
      try {
        String value = secrets.getSecret(name).field(field);
        return new ResolvedSetting(setting, SecretString.of(value), SettingSource.SECRETS_MANAGER,
            name + "#" + field);
      } catch (SecretsException e) {
        lookedAt.add(where + " (" + reason(setting, name, e) + ")");
      }
    } else {
      lookedAt.add("Secrets Manager (no secret source configured)");
    }
    return fromEnvironmentOrDefault(setting, lookedAt);
  }

  private ResolvedSetting fromEnvironmentOrDefault(String setting, List<String> lookedAt) {
    String variable = variableName.apply(setting);
    String value = environment.apply(variable);
    if (value != null && !value.isBlank()) {
      return new ResolvedSetting(setting, SecretString.of(value), SettingSource.ENVIRONMENT, variable);
    }
    lookedAt.add("environment variable " + variable + (value == null ? " (not set)" : " (blank)"));
    String fallback = defaults.get(setting);
    if (fallback != null) {
      return new ResolvedSetting(setting, SecretString.of(fallback), SettingSource.DEFAULT, "default");
    }
    lookedAt.add("defaults (no default for '" + setting + "')");
    throw new SettingNotFoundException(setting, lookedAt);
  }

  /** Why the secret gave nothing — or the exception itself when that must not be passed over. */
  private String reason(String setting, String secretName, SecretsException e) {
    if (e instanceof SecretPendingDeletionException) {
      return "scheduled for deletion";
    }
    if (e instanceof SecretNotFoundException) {
      return "not found";
    }
    if (e instanceof SecretFormatException f) {
      // The secret exists but is unusable: worth a warning even if a later source answers.
      LOG.warn("Setting {}: secret {} is unusable ({}); trying the environment", setting, secretName,
          f.reason());
      return switch (f.reason()) {
        case NOT_TEXT -> "binary, not text";
        case NOT_BINARY -> "text, not binary";
        case NOT_JSON_OBJECT -> "not a JSON object";
        case FIELD_MISSING -> "no such field";
      };
    }
    if (fallBackOnSecretsErrors) {
      LOG.warn("Setting {}: reading secret {} failed ({}); trying the environment", setting, secretName,
          e.getClass().getSimpleName());
      return "failed: " + e.getClass().getSimpleName();
    }
    throw e;
  }

  private static void checkSetting(String setting) {
    if (setting == null || setting.isBlank()) {
      throw new IllegalArgumentException("A setting name is required");
    }
  }

  private static String nonBlank(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.trim();
  }

  /** {@code openai.api-key} → {@code OPENAI_API_KEY}. */
  public static String environmentVariableFor(String setting) {
    return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** Configures a {@link SettingsResolver}. */
  public static final class Builder {
    private SecretSource secrets;
    private String environmentName;
    private String pattern = SecretNaming.DEFAULT_PATTERN;
    private Function<String, String> environment = System::getenv;
    private Function<String, String> variableName = SettingsResolver::environmentVariableFor;
    private final Map<String, String> defaults = new HashMap<>();
    private boolean fallBackOnSecretsErrors;

    private Builder() {
    }

    /** Where secrets come from, normally a {@link SecretCache}; none (offline) skips Secrets Manager. */
    public Builder secrets(SecretSource secrets) {
      this.secrets = secrets;
      return this;
    }

    /**
     * The {@code {env}} of the naming pattern (dev, staging, prod, ...). Default: the environment
     * variable {@code BMO_LEARNING_ENV}, else {@code dev}.
     */
    public Builder environmentName(String environmentName) {
      this.environmentName = Objects.requireNonNull(environmentName, "environmentName");
      return this;
    }

    /** The secret name pattern, with {@code {setting}} and optionally {@code {env}}. */
    public Builder secretNamePattern(String pattern) {
      this.pattern = Objects.requireNonNull(pattern, "pattern");
      return this;
    }

    /** The environment variables, as a lookup; default {@code System::getenv}. Tests pass a map. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder environment(Map<String, String> environment) {
      Map<String, String> copy = Map.copyOf(environment);
      return environment(copy::get);
    }

    /** How a setting maps to its environment variable; default {@link #environmentVariableFor}. */
    public Builder environmentVariableName(Function<String, String> variableName) {
      this.variableName = Objects.requireNonNull(variableName, "variableName");
      return this;
    }

    public Builder defaultValue(String setting, String value) {
      defaults.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder defaults(Map<String, String> defaults) {
      defaults.forEach(this::defaultValue);
      return this;
    }

    /** Fall through to the environment on any Secrets Manager failure, not only on absent secrets. */
    public Builder fallBackOnSecretsErrors(boolean fallBack) {
      this.fallBackOnSecretsErrors = fallBack;
      return this;
    }

    public SettingsResolver build() {
      return new SettingsResolver(this);
    }
  }
}
