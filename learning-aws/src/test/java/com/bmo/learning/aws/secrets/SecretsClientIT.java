package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** {@link SecretsClient} through the real SDK against the local endpoint. */
@LocalAwsTest
class SecretsClientIT {

  private SecretsClient client;

  private SecretsClient client(LocalAwsTarget target) {
    client = ItClients.client(target);
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void createsAndReadsTextByNameAndByArn(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("openai_api_key");
    SecretVersion created = secrets.createString(name, "sk-test-1");

    assertThat(created.name()).isEqualTo(name);
    assertThat(created.arn()).startsWith("arn:aws:secretsmanager:").contains(name);
    SecretValue byName = secrets.getSecret(name);
    assertThat(byName.asString()).isEqualTo("sk-test-1");
    assertThat(byName.versionId()).isEqualTo(created.versionId());
    assertThat(byName.versionStages()).contains(StagingLabels.AWSCURRENT);
    assertThat(secrets.getString(created.arn())).isEqualTo("sk-test-1");
  }

  @Test
  void storesAndReadsBinarySecrets(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    byte[] keystore = {0, 1, 2, (byte) 0xff, 42};
    secrets.create(NewSecret.binary(prefix.name("keystore"), keystore));
    assertThat(secrets.getBinary(prefix.name("keystore"))).containsExactly(keystore);
    assertThatThrownBy(() -> secrets.getString(prefix.name("keystore")))
        .isInstanceOfSatisfying(SecretFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.NOT_TEXT));
  }

  @Test
  void extractsFieldsOfJsonSecretsWithTypedErrors(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String db = prefix.name("database");
    String plain = prefix.name("plain");
    secrets.createString(db, "{\"username\":\"learning\",\"password\":\"pg-pass\",\"port\":5432}");
    secrets.createString(plain, "not-json-at-all");

    assertThat(secrets.getField(db, "username")).isEqualTo("learning");
    assertThat(secrets.getField(db, "password")).isEqualTo("pg-pass");
    assertThat(secrets.getField(db, "port")).isEqualTo("5432");
    assertThatThrownBy(() -> secrets.getField(db, "host"))
        .isInstanceOfSatisfying(SecretFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.FIELD_MISSING);
          assertThat(e.getMessage()).contains(db, "host").doesNotContain("pg-pass");
        });
    assertThatThrownBy(() -> secrets.getField(plain, "password"))
        .isInstanceOfSatisfying(SecretFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.NOT_JSON_OBJECT);
          assertThat(e.getMessage()).contains(plain, "password").doesNotContain("not-json-at-all");
        });
  }

  @Test
  void updateMakesANewCurrentVersionAndKeepsThePreviousOne(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient sdk) {
    SecretsClient secrets = client(target);
    String name = prefix.name("api_key");
    SecretVersion v1 = secrets.createString(name, "key-v1");
    SecretVersion v2 = secrets.rotate(name, "key-v2");

    assertThat(v2.versionId()).isNotEqualTo(v1.versionId());
    assertThat(secrets.getString(name)).isEqualTo("key-v2");
    SecretValue previous = secrets.getSecret(name, StagingLabels.AWSPREVIOUS);
    assertThat(previous.asString()).isEqualTo("key-v1");
    assertThat(previous.versionId()).isEqualTo(v1.versionId());

    SecretVersion v3 = secrets.updateString(name, "key-v3");
    assertThat(secrets.getSecret(name, StagingLabels.AWSPREVIOUS).asString()).isEqualTo("key-v2");
    // Checked with the plain SDK: AWS's bookkeeping of the labels.
    DescribeSecretResponse d = sdk.describeSecret(b -> b.secretId(name));
    assertThat(d.versionIdsToStages().get(v3.versionId())).containsExactly(StagingLabels.AWSCURRENT);
    assertThat(d.versionIdsToStages().get(v2.versionId())).containsExactly(StagingLabels.AWSPREVIOUS);
    assertThat(secrets.describe(name).versionWithLabel(StagingLabels.AWSPREVIOUS)).contains(v2.versionId());
  }

  @Test
  void missingSecretAndMissingLabelAreDifferentErrors(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String missing = prefix.name("nope");
    assertThatThrownBy(() -> secrets.getSecret(missing))
        .isExactlyInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining(missing)
        .satisfies(e -> assertThat(((SecretsException) e).secretId()).contains(missing));

    String single = prefix.name("single");
    secrets.createString(single, "only-one-version");
    assertThatThrownBy(() -> secrets.getSecret(single, StagingLabels.AWSPREVIOUS))
        .isInstanceOfSatisfying(SecretVersionNotFoundException.class, e -> {
          assertThat(e.versionStage()).isEqualTo(StagingLabels.AWSPREVIOUS);
          assertThat(e.getMessage()).contains(single, "AWSPREVIOUS");
        });
  }

  @Test
  void deleteWithRecoveryWindowThenRestore(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient sdk) {
    SecretsClient secrets = client(target);
    String name = prefix.name("restorable");
    secrets.createString(name, "keep-me");

    SecretDeletion deletion = secrets.delete(name, DeleteOptions.recoveryWindow(7));
    assertThat(deletion.name()).isEqualTo(name);
    assertThat(deletion.deletionDate()).hasValueSatisfying(date -> assertThat(date)
        .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(1, ChronoUnit.HOURS)));
    assertThat(secrets.describe(name).pendingDeletion()).isTrue();
    assertThatThrownBy(() -> secrets.getSecret(name))
        .isInstanceOfSatisfying(SecretPendingDeletionException.class, e -> {
          assertThat(e.secretId()).contains(name);
          assertThat(e.deletedDate()).isPresent();
        });
    assertThatThrownBy(() -> secrets.updateString(name, "x"))
        .isInstanceOf(SecretPendingDeletionException.class);

    SecretMetadata restored = secrets.restore(name);
    assertThat(restored.pendingDeletion()).isFalse();
    assertThat(secrets.getString(name)).isEqualTo("keep-me");
    assertThat(sdk.describeSecret(b -> b.secretId(name)).deletedDate()).isNull();
  }

  @Test
  void forcedDeletionIsImmediateAndFreesTheName(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient sdk) {
    SecretsClient secrets = client(target);
    String name = prefix.name("gone");
    secrets.createString(name, "v1");
    secrets.delete(name, DeleteOptions.force());

    assertThatThrownBy(() -> sdk.describeSecret(b -> b.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> secrets.getSecret(name)).isInstanceOf(SecretNotFoundException.class);
    assertThatThrownBy(() -> secrets.restore(name)).isInstanceOf(SecretNotFoundException.class);
    secrets.createString(name, "v2");
    assertThat(secrets.getString(name)).isEqualTo("v2");
  }

  @Test
  void nameOfASecretPendingDeletionCannotBeReused(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("held");
    secrets.createString(name, "v1");
    secrets.delete(name); // AWS's default 30-day window
    assertThatThrownBy(() -> secrets.createString(name, "v2"))
        .isInstanceOf(SecretPendingDeletionException.class).hasMessageContaining(name);
  }

  @Test
  void duplicateNamesAreRejected(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("dup");
    secrets.createString(name, "v1");
    assertThatThrownBy(() -> secrets.createString(name, "v2"))
        .isInstanceOf(SecretAlreadyExistsException.class).hasMessageContaining(name);
    assertThat(secrets.getString(name)).isEqualTo("v1");
  }

  @Test
  void invalidDeletionsAreRejectedAndTheSecretStays(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient sdk) {
    SecretsClient secrets = client(target);
    String name = prefix.name("stays");
    secrets.createString(name, "v1");
    assertThatThrownBy(() -> secrets.delete(name, new DeleteOptions(OptionalInt.of(10), true)))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining(name);
    assertThatThrownBy(() -> secrets.delete(name, DeleteOptions.recoveryWindow(3)))
        .isInstanceOf(InvalidSecretRequestException.class);
    assertThat(sdk.describeSecret(b -> b.secretId(name)).deletedDate()).isNull();
  }

  @Test
  void requestsAwsRejectsBecomeInvalidRequestErrors(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("labels");
    secrets.createString(name, "v1");
    // Passes local checks; Secrets Manager limits a staging label to 256 characters.
    assertThatThrownBy(() -> secrets.getSecret(name, "L".repeat(300)))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining(name);
  }

  @Test
  void describesTagsDescriptionAndVersions(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("described");
    SecretVersion v1 = secrets.create(NewSecret.builder(name).text("v").description("LLM key")
        .tag("team", "ai").tag("env", "test").build());
    SecretMetadata m = secrets.describe(name);
    assertThat(m.name()).isEqualTo(name);
    assertThat(m.arn()).isEqualTo(v1.arn());
    assertThat(m.description()).isEqualTo("LLM key");
    assertThat(m.tags()).containsEntry("team", "ai").containsEntry("env", "test");
    assertThat(m.versionStages()).containsKey(v1.versionId());
    assertThat(m.pendingDeletion()).isFalse();
  }

  @Test
  void listsWithFiltersAcrossAllPages(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    for (int i = 0; i < 7; i++) {
      secrets.create(NewSecret.builder(prefix.name("svc/key-" + i)).text("v" + i)
          .tag("team", i % 2 == 0 ? "ai" : "web").build());
    }
    secrets.createString(prefix.name("other/x"), "x");
    secrets.delete(prefix.name("svc/key-6"), DeleteOptions.recoveryWindow(7));

    // Page size 2: four ListSecrets calls for the six live svc secrets.
    List<SecretMetadata> svc = secrets.list(SecretQuery.of(SecretFilter.name(prefix.name("svc/")))
        .withPageSize(2));
    assertThat(svc).extracting(SecretMetadata::name).containsExactlyInAnyOrder(
        prefix.name("svc/key-0"), prefix.name("svc/key-1"), prefix.name("svc/key-2"),
        prefix.name("svc/key-3"), prefix.name("svc/key-4"), prefix.name("svc/key-5"));

    List<SecretMetadata> aiTeam = secrets.list(SecretQuery.of(SecretFilter.name(prefix.value()),
        SecretFilter.tagValue("ai")).withPageSize(1));
    assertThat(aiTeam).extracting(SecretMetadata::name).containsExactlyInAnyOrder(
        prefix.name("svc/key-0"), prefix.name("svc/key-2"), prefix.name("svc/key-4"));

    List<SecretMetadata> withDeleted = secrets.list(SecretQuery.of(SecretFilter.name(prefix.name("svc/")))
        .withPageSize(3).withPlannedDeletion());
    assertThat(withDeleted).hasSize(7)
        .filteredOn(SecretMetadata::pendingDeletion).extracting(SecretMetadata::name)
        .containsExactly(prefix.name("svc/key-6"));
  }

  @Test
  void unreachableEndpointIsUnavailableNamingTheSecret(LocalAwsTarget target) {
    // A port nothing listens on: the SDK's connection error, mapped.
    try (SecretsClient down = SecretsClient.owning(SecretsManagerClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:1"))
        .region(Region.of(target.region()))
        .credentialsProvider(com.bmo.learning.localaws.LocalAwsClients.TEST_CREDENTIALS)
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build())) {
      assertThatThrownBy(() -> down.getSecret("bmo-learning/dev/openai_api_key"))
          .isInstanceOf(SecretsUnavailableException.class)
          .hasMessageContaining("bmo-learning/dev/openai_api_key");
    }
  }

  @Test
  void binaryValuesAreUpdatedToo(LocalAwsTarget target, SecretPrefix prefix) {
    SecretsClient secrets = client(target);
    String name = prefix.name("cert");
    secrets.create(NewSecret.binary(name, "one".getBytes(StandardCharsets.UTF_8)));
    secrets.updateBinary(name, "two".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(secrets.getBinary(name), StandardCharsets.UTF_8)).isEqualTo("two");
    assertThat(new String(secrets.getSecret(name, StagingLabels.AWSPREVIOUS).asBinary(),
        StandardCharsets.UTF_8)).isEqualTo("one");
  }
}
