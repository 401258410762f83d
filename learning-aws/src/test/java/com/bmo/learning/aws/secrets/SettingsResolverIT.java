package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Settings resolution with Secrets Manager as the local endpoint, an in-memory environment, defaults. */
@LocalAwsTest
class SettingsResolverIT {

  /** The project's naming convention under the test's unique prefix. */
  private static SettingsResolver.Builder settings(SecretCache cache, SecretPrefix prefix,
      Map<String, String> env) {
    return SettingsResolver.builder().secrets(cache).environment(env::get).environmentName("test")
        .secretNamePattern(prefix.value() + SecretNaming.DEFAULT_PATTERN);
  }

  @Test
  void secretsManagerThenEnvironmentThenDefault(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient sdk) {
    Map<String, String> env = new HashMap<>(Map.of("OPENAI_API_KEY", "env-key"));
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      SettingsResolver resolver = settings(cache, prefix, env).defaultValue("openai_api_key", "default-key")
          .build();

      assertThat(resolver.resolve("openai_api_key").source()).isEqualTo(SettingSource.ENVIRONMENT);
      assertThat(resolver.loadSecret("openai_api_key").reveal()).isEqualTo("env-key");

      env.remove("OPENAI_API_KEY");
      ResolvedSetting fromDefault = resolver.resolve("openai_api_key");
      assertThat(fromDefault.source()).isEqualTo(SettingSource.DEFAULT);
      assertThat(fromDefault.value().reveal()).isEqualTo("default-key");

      String secretName = prefix.name("bmo-learning/test/openai_api_key");
      sdk.createSecret(b -> b.name(secretName).secretString("sm-key"));
      ResolvedSetting fromSecrets = resolver.resolve("openai_api_key");
      assertThat(fromSecrets.source()).isEqualTo(SettingSource.SECRETS_MANAGER);
      assertThat(fromSecrets.location()).isEqualTo(secretName);
      assertThat(fromSecrets.value().reveal()).isEqualTo("sm-key");
      assertThat(fromSecrets.toString()).doesNotContain("sm-key");
    }
  }

  @Test
  void fieldOfADatabaseSecret(LocalAwsTarget target, SecretPrefix prefix, SecretsManagerClient sdk) {
    sdk.createSecret(b -> b.name(prefix.name("bmo-learning/test/database"))
        .secretString("{\"username\":\"learning\",\"password\":\"pg-secret\"}"));
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      SettingsResolver resolver = settings(cache, prefix, Map.of("DATABASE_HOST", "db.local")).build();
      assertThat(resolver.loadSecretField("database_password", "password", "database").reveal())
          .isEqualTo("pg-secret");
      assertThat(resolver.loadSecretField("database_user", "username", "database").reveal())
          .isEqualTo("learning");
      // The secret lacks this field: the environment answers.
      ResolvedSetting host = resolver.resolveField("database_host", "host", "database");
      assertThat(host.source()).isEqualTo(SettingSource.ENVIRONMENT);
      assertThat(host.value().reveal()).isEqualTo("db.local");
    }
  }

  @Test
  void aSecretPendingDeletionFallsBackToTheEnvironment(LocalAwsTarget target, SecretPrefix prefix) {
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("bmo-learning/test/smtp_password");
      client.createString(name, "old");
      client.delete(name, DeleteOptions.recoveryWindow(7));
      SettingsResolver resolver = settings(cache, prefix, Map.of("SMTP_PASSWORD", "from-env")).build();
      assertThat(resolver.resolve("smtp_password").source()).isEqualTo(SettingSource.ENVIRONMENT);
    }
  }

  @Test
  void foundNowhereListsEveryPlaceLookedAt(LocalAwsTarget target, SecretPrefix prefix) {
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      SettingsResolver resolver = settings(cache, prefix, Map.of()).build();
      assertThatThrownBy(() -> resolver.loadSecret("anthropic_api_key"))
          .isInstanceOfSatisfying(SettingNotFoundException.class, e -> assertThat(e.lookedAt())
              .containsExactly(
                  "Secrets Manager secret '" + prefix.name("bmo-learning/test/anthropic_api_key")
                      + "' (not found)",
                  "environment variable ANTHROPIC_API_KEY (not set)",
                  "defaults (no default for 'anthropic_api_key')"));
    }
  }
}
