package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precedence, naming and error reporting of settings, on an in-memory secret source and environment. */
class SettingsResolverTest {

  /** Secrets by name; a few names fail in particular ways. */
  private static final class MapSecrets implements SecretSource {
    final Map<String, String> values = new HashMap<>();
    final Map<String, RuntimeException> failures = new HashMap<>();

    @Override
    public SecretValue getSecret(String secretId) {
      return getSecret(secretId, null);
    }

    @Override
    public SecretValue getSecret(String secretId, String versionStage) {
      RuntimeException failure = failures.get(secretId);
      if (failure != null) {
        throw failure;
      }
      String value = values.get(secretId);
      if (value == null) {
        throw new SecretNotFoundException(secretId, "Secret '" + secretId + "' not found", null);
      }
      return SecretValue.ofText(secretId, null, "v1", List.of(StagingLabels.AWSCURRENT), null, value);
    }
  }

  private final MapSecrets secrets = new MapSecrets();
  private final Map<String, String> env = new HashMap<>();

  private SettingsResolver.Builder builder() {
    return SettingsResolver.builder().secrets(secrets).environment(env::get).environmentName("dev");
  }

  @Test
  void secretsManagerWinsOverEnvironmentAndDefault() {
    secrets.values.put("bmo-learning/dev/openai_api_key", "from-secret");
    env.put("OPENAI_API_KEY", "from-env");
    ResolvedSetting r = builder().defaultValue("openai_api_key", "from-default").build()
        .resolve("openai_api_key");
    assertThat(r.value().reveal()).isEqualTo("from-secret");
    assertThat(r.source()).isEqualTo(SettingSource.SECRETS_MANAGER);
    assertThat(r.location()).isEqualTo("bmo-learning/dev/openai_api_key");
  }

  @Test
  void environmentWinsOverDefaultWhenNoSecret() {
    env.put("OPENAI_API_KEY", "from-env");
    ResolvedSetting r = builder().defaultValue("openai_api_key", "from-default").build()
        .resolve("openai_api_key");
    assertThat(r.value().reveal()).isEqualTo("from-env");
    assertThat(r.source()).isEqualTo(SettingSource.ENVIRONMENT);
    assertThat(r.location()).isEqualTo("OPENAI_API_KEY");
  }

  @Test
  void defaultWhenNothingElse() {
    env.put("OPENAI_API_KEY", "   ");
    SettingsResolver settings = builder().defaultValue("openai_api_key", "from-default").build();
    assertThat(settings.loadSecret("openai_api_key").reveal()).isEqualTo("from-default");
    assertThat(settings.resolve("openai_api_key").source()).isEqualTo(SettingSource.DEFAULT);
  }

  @Test
  void notFoundAnywhereListsEveryPlace() {
    env.put("OPENAI_API_KEY", "");
    assertThatThrownBy(() -> builder().build().loadSecret("openai_api_key"))
        .isInstanceOfSatisfying(SettingNotFoundException.class, e -> {
          assertThat(e.setting()).isEqualTo("openai_api_key");
          assertThat(e.lookedAt()).containsExactly(
              "Secrets Manager secret 'bmo-learning/dev/openai_api_key' (not found)",
              "environment variable OPENAI_API_KEY (blank)",
              "defaults (no default for 'openai_api_key')");
          assertThat(e.getMessage()).contains("bmo-learning/dev/openai_api_key", "OPENAI_API_KEY",
              "defaults");
        });
  }

  @Test
  void fieldOfAJsonSecretWithItsOwnName() {
    secrets.values.put("bmo-learning/prod/database", "{\"username\":\"app\",\"password\":\"pw\"}");
    SettingsResolver settings = builder().environmentName("prod").build();
    ResolvedSetting r = settings.resolveField("database_password", "password", "database");
    assertThat(r.value().reveal()).isEqualTo("pw");
    assertThat(r.location()).isEqualTo("bmo-learning/prod/database#password");
    assertThat(settings.loadSecretField("database_user", "username", "database").reveal()).isEqualTo("app");
  }

  @Test
  void missingFieldFallsThroughAndIsListed() {
    secrets.values.put("bmo-learning/dev/database", "{\"username\":\"app\"}");
    env.put("DATABASE_PASSWORD", "env-pw");
    SettingsResolver settings = builder().build();
    assertThat(settings.loadSecretField("database_password", "password", "database").reveal())
        .isEqualTo("env-pw");

    env.remove("DATABASE_PASSWORD");
    assertThatThrownBy(() -> settings.loadSecretField("database_password", "password", "database"))
        .isInstanceOfSatisfying(SettingNotFoundException.class, e -> assertThat(e.lookedAt().get(0))
            .isEqualTo("field 'password' of Secrets Manager secret 'bmo-learning/dev/database'"
                + " (no such field)"));
  }

  @Test
  void fieldSecretDefaultsToTheSettingsOwnName() {
    secrets.values.put("bmo-learning/dev/smtp", "{\"password\":\"mail-pw\"}");
    assertThat(builder().build().loadSecretField("smtp", "password", null).reveal()).isEqualTo("mail-pw");
  }

  @Test
  void namingPatternAndEnvironmentAreConfigurable() {
    secrets.values.put("staging-secrets/openai_api_key", "staged");
    SettingsResolver settings = builder().secretNamePattern("{env}-secrets/{setting}")
        .environmentName("staging").build();
    assertThat(settings.loadSecret("openai_api_key").reveal()).isEqualTo("staged");
  }

  @Test
  void environmentNameComesFromTheEnvironmentWhenNotGiven() {
    env.put("BMO_LEARNING_ENV", "qa");
    SettingsResolver settings = SettingsResolver.builder().secrets(secrets).environment(env::get).build();
    assertThat(settings.naming().secretName("x")).isEqualTo("bmo-learning/qa/x");
    env.clear();
    assertThat(SettingsResolver.builder().environment(env::get).build().naming().secretName("x"))
        .isEqualTo("bmo-learning/dev/x");
  }

  @Test
  void environmentVariableNamesFollowTheSetting() {
    assertThat(SettingsResolver.environmentVariableFor("openai.api-key")).isEqualTo("OPENAI_API_KEY");
    env.put("LLM_KEY", "custom");
    assertThat(builder().environmentVariableName(s -> "LLM_KEY").build().loadSecret("anything").reveal())
        .isEqualTo("custom");
  }

  @Test
  void secretsManagerOutageIsThrownUnlessFallbackIsAllowed() {
    secrets.failures.put("bmo-learning/dev/openai_api_key",
        new SecretsUnavailableException("bmo-learning/dev/openai_api_key", "down", null));
    env.put("OPENAI_API_KEY", "from-env");
    assertThatThrownBy(() -> builder().build().loadSecret("openai_api_key"))
        .isInstanceOf(SecretsUnavailableException.class);
    ResolvedSetting r = builder().fallBackOnSecretsErrors(true).build().resolve("openai_api_key");
    assertThat(r.source()).isEqualTo(SettingSource.ENVIRONMENT);
  }

  @Test
  void pendingDeletionFallsThrough() {
    secrets.failures.put("bmo-learning/dev/k", new SecretPendingDeletionException("bmo-learning/dev/k",
        null, null));
    assertThatThrownBy(() -> builder().build().loadSecret("k"))
        .isInstanceOfSatisfying(SettingNotFoundException.class, e -> assertThat(e.lookedAt().get(0))
            .contains("scheduled for deletion"));
  }

  @Test
  void withoutASecretSourceOnlyEnvironmentAndDefaultsCount() {
    SettingsResolver offline = SettingsResolver.builder().environment(Map.of("K", "v")).build();
    assertThat(offline.resolve("k").source()).isEqualTo(SettingSource.ENVIRONMENT);
    assertThatThrownBy(() -> offline.loadSecret("other"))
        .isInstanceOfSatisfying(SettingNotFoundException.class, e -> assertThat(e.lookedAt().get(0))
            .contains("no secret source"));
  }

  @Test
  void badInputIsRejected() {
    SettingsResolver settings = builder().build();
    assertThatThrownBy(() -> settings.loadSecret(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.loadSecretField("x", "", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().secretNamePattern("bmo/{env}/fixed").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{setting}");
  }
}
