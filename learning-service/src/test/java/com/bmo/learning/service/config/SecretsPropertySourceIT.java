package com.bmo.learning.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.service.LearningServiceApplication;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets from Secrets Manager reach Spring configuration as {@code ${secrets.…}} placeholders. */
@LocalAwsTest
class SecretsPropertySourceIT {

  private static StandardEnvironment environment(LocalAwsTarget aws, String env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
        "learning.aws.endpoint", aws.endpoint().toString(),
        "learning.aws.region", aws.region(),
        "learning.aws.static-credentials", "true",
        "learning.environment", env)));
    new SecretsEnvironmentPostProcessor().postProcessEnvironment(environment,
        new SpringApplication(LearningServiceApplication.class));
    return environment;
  }

  @Test
  void placeholdersResolveWholeSecretsAndJsonFields(LocalAwsTarget aws, SecretsManagerClient sm) {
    String env = "it-" + UUID.randomUUID().toString().substring(0, 8);
    sm.createSecret(b -> b.name("bmo-learning/" + env + "/database")
        .secretString("{\"username\":\"app\",\"password\":\"s3cret\"}"));
    sm.createSecret(b -> b.name("bmo-learning/" + env + "/openai-api-key").secretString("sk-test"));
    StandardEnvironment environment = environment(aws, env);
    try {
      assertThat(environment.resolvePlaceholders("${secrets.database#username}:${secrets.database#password}"))
          .isEqualTo("app:s3cret");
      assertThat(environment.getProperty("secrets.openai-api-key")).isEqualTo("sk-test");
      // Properties that are not secrets are never looked up.
      assertThat(environment.getProperty("server.port")).isNull();
      // Nothing in Secrets Manager, the environment or defaults: a clear error naming where it looked.
      assertThatThrownBy(() -> environment.getProperty("secrets.no-such-setting"))
          .hasMessageContaining("bmo-learning/" + env + "/no-such-setting")
          .hasMessageContaining("NO_SUCH_SETTING");
    } finally {
      ((SecretsPropertySource) environment.getPropertySources().get(SecretsPropertySource.NAME)).access().close();
      sm.deleteSecret(b -> b.secretId("bmo-learning/" + env + "/database").forceDeleteWithoutRecovery(true));
      sm.deleteSecret(b -> b.secretId("bmo-learning/" + env + "/openai-api-key").forceDeleteWithoutRecovery(true));
    }
  }

  @Test
  void otherApplicationsInTheJvmAreLeftAlone(LocalAwsTarget aws) {
    StandardEnvironment environment = new StandardEnvironment();
    new SecretsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication(Object.class));
    assertThat(environment.getPropertySources().contains(SecretsPropertySource.NAME)).isFalse();
  }
}
