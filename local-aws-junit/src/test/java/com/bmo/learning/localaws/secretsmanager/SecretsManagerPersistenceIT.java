package com.bmo.learning.localaws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets survive a restart of the embedded endpoint when it has a data directory. This test starts
 * its own endpoints (the point is the restart), whatever endpoint the rest of the suite uses.
 */
@LocalAwsTest
class SecretsManagerPersistenceIT {

  @Test
  void secretsVersionsTagsAndDeletionsSurviveARestart(@TempDir Path dataDirectory) {
    String arn;
    String previousVersion;
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).dataDirectory(dataDirectory).start();
        SecretsManagerClient sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      arn = sm.createSecret(b -> b.name("app/db").secretString("one").description("db")
          .tags(SecretsManagerEndpointIT.tag("env", "dev"))).arn();
      previousVersion = sm.putSecretValue(b -> b.secretId("app/db").secretString("two")).versionId();
      sm.putSecretValue(b -> b.secretId("app/db").secretString("three"));
      sm.createSecret(b -> b.name("app/key").secretBinary(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
      sm.createSecret(b -> b.name("app/pending").secretString("p"));
      sm.deleteSecret(b -> b.secretId("app/pending").recoveryWindowInDays(7L));
      sm.createSecret(b -> b.name("app/gone").secretString("g"));
      sm.deleteSecret(b -> b.secretId("app/gone").forceDeleteWithoutRecovery(true));
    }

    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).dataDirectory(dataDirectory).start();
        SecretsManagerClient sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      assertThat(sm.getSecretValue(b -> b.secretId(arn)).secretString()).isEqualTo("three");
      assertThat(sm.getSecretValue(b -> b.secretId("app/db").versionStage("AWSPREVIOUS")).versionId())
          .isEqualTo(previousVersion);
      DescribeSecretResponse described = sm.describeSecret(b -> b.secretId("app/db"));
      assertThat(described.description()).isEqualTo("db");
      assertThat(described.tags()).containsExactly(SecretsManagerEndpointIT.tag("env", "dev"));
      assertThat(sm.getSecretValue(b -> b.secretId("app/key")).secretBinary().asByteArray())
          .containsExactly(0, 1, 2);
      assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("app/pending")))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId("app/gone")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void withoutADataDirectorySecretsAreGoneAfterARestart() {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
        SecretsManagerClient sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      sm.createSecret(b -> b.name("ephemeral").secretString("v"));
    }
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
        SecretsManagerClient sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId("ephemeral")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }
}
