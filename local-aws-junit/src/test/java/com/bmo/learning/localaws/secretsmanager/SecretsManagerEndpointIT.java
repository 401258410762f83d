package com.bmo.learning.localaws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/**
 * Secrets Manager through the AWS SDK: create, read (by name, ARN, partial ARN, version, label), new
 * versions and their labels, idempotent request tokens, update, describe and tags. Every assertion is
 * AWS-documented behaviour, so the class also passes against LocalStack.
 */
@LocalAwsTest
class SecretsManagerEndpointIT {

  private static String token() {
    return UUID.randomUUID().toString();
  }

  @Test
  void stringSecretIsReadBackWithArnVersionAndCurrentLabel(SecretsManagerClient sm, SecretPrefix prefix,
      LocalAwsTarget target) {
    String name = prefix.name("db/password");
    CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("s3cr3t"));

    GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(name));

    assertThat(created.arn()).matches("arn:aws:secretsmanager:" + Pattern.quote(target.region())
        + ":\\d{12}:secret:" + Pattern.quote(name) + "-[A-Za-z0-9]{6}");
    assertThat(value.arn()).isEqualTo(created.arn());
    assertThat(value.name()).isEqualTo(name);
    assertThat(value.secretString()).isEqualTo("s3cr3t");
    assertThat(value.secretBinary()).isNull();
    assertThat(value.versionId()).isEqualTo(created.versionId());
    assertThat(value.versionStages()).containsExactly("AWSCURRENT");
    assertThat(value.createdDate()).isCloseTo(Instant.now(), within2Minutes());
  }

  @Test
  void binarySecretKeepsEveryByte(SecretsManagerClient sm, SecretPrefix prefix) {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    String name = prefix.name("keystore");
    sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

    GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(name));

    assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
    assertThat(value.secretString()).isNull();
  }

  @Test
  void secretIsFoundByFullArnAndByPartialArn(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("by-arn");
    String arn = sm.createSecret(b -> b.name(name).secretString("v")).arn();
    String partialArn = arn.substring(0, arn.length() - "-abcdef".length());

    assertThat(sm.getSecretValue(b -> b.secretId(arn)).secretString()).isEqualTo("v");
    assertThat(sm.getSecretValue(b -> b.secretId(partialArn)).secretString()).isEqualTo("v");
    assertThat(sm.describeSecret(b -> b.secretId(partialArn)).name()).isEqualTo(name);
  }

  @Test
  void clientRequestTokenBecomesTheVersionId(SecretsManagerClient sm, SecretPrefix prefix) {
    String token = token();
    String name = prefix.name("with-token");
    CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v")
        .clientRequestToken(token));

    assertThat(created.versionId()).isEqualTo(token);
    assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(token)).secretString()).isEqualTo("v");
  }

  @Test
  void creatingAnExistingNameFailsWithResourceExists(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("dup");
    sm.createSecret(b -> b.name(name).secretString("first"));

    assertThatThrownBy(() -> sm.createSecret(b -> b.name(name).secretString("second")))
        .isInstanceOf(ResourceExistsException.class);
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("first");
  }

  @Test
  void missingSecretIsResourceNotFound(SecretsManagerClient sm, SecretPrefix prefix) {
    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(prefix.name("never-created"))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(prefix.name("never-created"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void putSecretValueMakesTheNewVersionCurrentAndTheOldOnePrevious(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("rotating");
    String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
    PutSecretValueResponse put2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
    PutSecretValueResponse put3 = sm.putSecretValue(b -> b.secretId(name).secretString("three"));

    assertThat(put2.versionStages()).containsExactly("AWSCURRENT");
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("three");
    GetSecretValueResponse previous = sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS"));
    assertThat(previous.secretString()).isEqualTo("two");
    assertThat(previous.versionId()).isEqualTo(put2.versionId());

    // Only the two labelled versions are listed; the first one lost its last label.
    DescribeSecretResponse described = sm.describeSecret(b -> b.secretId(name));
    assertThat(described.versionIdsToStages())
        .containsOnlyKeys(put2.versionId(), put3.versionId())
        .containsEntry(put3.versionId(), List.of("AWSCURRENT"))
        .containsEntry(put2.versionId(), List.of("AWSPREVIOUS"));
    assertThat(described.versionIdsToStages()).doesNotContainKey(v1);
  }

  @Test
  void versionIdAndVersionStageSelectAVersion(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("versions");
    String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
    String v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two")).versionId();

    assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(v1)).secretString()).isEqualTo("one");
    assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(v2).versionStage("AWSCURRENT"))
        .secretString()).isEqualTo("two");
    assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(v1).versionStage("AWSPREVIOUS"))
        .versionStages()).containsExactly("AWSPREVIOUS");
  }

  @Test
  void versionIdWithAStageItDoesNotHaveIsAnInvalidRequest(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("mismatch");
    String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
    sm.putSecretValue(b -> b.secretId(name).secretString("two"));

    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name).versionId(v1)
        .versionStage("AWSCURRENT"))).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void unknownVersionIdOrStageIsResourceNotFound(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("unknown-version");
    sm.createSecret(b -> b.name(name).secretString("one"));

    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name).versionId(token())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void retryingPutWithTheSameTokenAndValueCreatesNoNewVersion(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("idempotent");
    sm.createSecret(b -> b.name(name).secretString("one"));
    String token = token();

    PutSecretValueResponse first = sm.putSecretValue(b -> b.secretId(name).secretString("two")
        .clientRequestToken(token));
    PutSecretValueResponse retry = sm.putSecretValue(b -> b.secretId(name).secretString("two")
        .clientRequestToken(token));

    assertThat(first.versionId()).isEqualTo(token);
    assertThat(retry.versionId()).isEqualTo(token);
    assertThat(sm.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(2);
    assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString())
        .isEqualTo("one");
  }

  @Test
  void reusingATokenForADifferentValueFailsWithResourceExists(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("immutable-version");
    sm.createSecret(b -> b.name(name).secretString("one"));
    String token = token();
    sm.putSecretValue(b -> b.secretId(name).secretString("two").clientRequestToken(token));

    assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("three")
        .clientRequestToken(token))).isInstanceOf(ResourceExistsException.class);
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("two");
  }

  @Test
  void customVersionStageLeavesTheCurrentVersionAlone(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("staged");
    sm.createSecret(b -> b.name(name).secretString("live"));
    PutSecretValueResponse staged = sm.putSecretValue(b -> b.secretId(name).secretString("candidate")
        .versionStages("STAGING"));

    assertThat(staged.versionStages()).containsExactly("STAGING");
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("live");
    assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("STAGING")).secretString())
        .isEqualTo("candidate");
  }

  @Test
  void updateSecretChangesDescriptionWithoutAVersionAndValueWithOne(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("updated");
    String v1 = sm.createSecret(b -> b.name(name).secretString("one").description("old")).versionId();

    UpdateSecretResponse described = sm.updateSecret(b -> b.secretId(name).description("new"));
    assertThat(described.versionId()).isNull();
    assertThat(sm.describeSecret(b -> b.secretId(name)).description()).isEqualTo("new");
    assertThat(sm.getSecretValue(b -> b.secretId(name)).versionId()).isEqualTo(v1);

    UpdateSecretResponse valued = sm.updateSecret(b -> b.secretId(name).secretString("two"));
    assertThat(valued.versionId()).isNotNull().isNotEqualTo(v1);
    GetSecretValueResponse current = sm.getSecretValue(b -> b.secretId(name));
    assertThat(current.secretString()).isEqualTo("two");
    assertThat(current.versionId()).isEqualTo(valued.versionId());
  }

  @Test
  void describeSecretShowsMetadataAndTheDayOfLastAccess(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("described");
    Instant before = Instant.now();
    CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v")
        .description("Payments database").tags(tag("team", "payments")));
    DescribeSecretResponse fresh = sm.describeSecret(b -> b.secretId(name));

    assertThat(fresh.arn()).isEqualTo(created.arn());
    assertThat(fresh.name()).isEqualTo(name);
    assertThat(fresh.description()).isEqualTo("Payments database");
    assertThat(fresh.tags()).containsExactly(tag("team", "payments"));
    assertThat(fresh.versionIdsToStages()).containsExactly(
        java.util.Map.entry(created.versionId(), List.of("AWSCURRENT")));
    assertThat(fresh.createdDate()).isCloseTo(before, within2Minutes());
    assertThat(fresh.lastChangedDate()).isCloseTo(before, within2Minutes());
    assertThat(fresh.deletedDate()).isNull();

    sm.getSecretValue(b -> b.secretId(name));
    Instant accessed = sm.describeSecret(b -> b.secretId(name)).lastAccessedDate();
    // Documented: the date only, no time of day.
    assertThat(accessed).isEqualTo(accessed.truncatedTo(ChronoUnit.DAYS));
    assertThat(accessed).isIn(before.truncatedTo(ChronoUnit.DAYS),
        Instant.now().truncatedTo(ChronoUnit.DAYS));
  }

  @Test
  void tagResourceAddsAndOverwritesAndUntagResourceRemoves(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("tagged");
    sm.createSecret(b -> b.name(name).secretString("v").tags(tag("env", "dev"), tag("team", "core")));

    sm.tagResource(b -> b.secretId(name).tags(tag("env", "prod"), tag("cost-center", "42")));
    assertThat(sm.describeSecret(b -> b.secretId(name)).tags())
        .containsExactlyInAnyOrder(tag("env", "prod"), tag("team", "core"), tag("cost-center", "42"));

    sm.untagResource(b -> b.secretId(name).tagKeys("team", "cost-center"));
    assertThat(sm.describeSecret(b -> b.secretId(name)).tags()).containsExactly(tag("env", "prod"));
  }

  @Test
  void taggingAMissingSecretIsResourceNotFound(SecretsManagerClient sm, SecretPrefix prefix) {
    assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(prefix.name("absent")).tags(tag("a", "b"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  static org.assertj.core.data.TemporalUnitOffset within2Minutes() {
    return org.assertj.core.api.Assertions.within(2, ChronoUnit.MINUTES);
  }
}
