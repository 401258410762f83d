package com.bmo.learning.localaws.secretsmanager;

import static com.bmo.learning.localaws.secretsmanager.SecretsManagerEndpointIT.within2Minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** DeleteSecret with a recovery window or forced, RestoreSecret, and what a pending deletion blocks. */
@LocalAwsTest
class SecretsManagerDeletionIT {

  @Test
  void deletionWithRecoveryWindowBlocksReadsUntilRestored(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("recoverable");
    String arn = sm.createSecret(b -> b.name(name).secretString("keep me")).arn();
    Instant before = Instant.now();

    DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));

    assertThat(deleted.arn()).isEqualTo(arn);
    assertThat(deleted.name()).isEqualTo(name);
    assertThat(deleted.deletionDate()).isCloseTo(before.plus(Duration.ofDays(7)), within2Minutes());
    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("marked for deletion");
    assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNotNull();

    assertThat(sm.restoreSecret(b -> b.secretId(name)).arn()).isEqualTo(arn);

    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("keep me");
    assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNull();
  }

  @Test
  void defaultRecoveryWindowIsThirtyDays(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("default-window");
    sm.createSecret(b -> b.name(name).secretString("v"));
    Instant before = Instant.now();

    DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name));

    assertThat(deleted.deletionDate()).isCloseTo(before.plus(Duration.ofDays(30)), within2Minutes());
    sm.restoreSecret(b -> b.secretId(name));
  }

  @Test
  void secretPendingDeletionCannotBeChangedDeletedAgainOrRecreated(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("pending");
    sm.createSecret(b -> b.name(name).secretString("v"));
    sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));

    assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("new")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> sm.updateSecret(b -> b.secretId(name).description("d")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> sm.createSecret(b -> b.name(name).secretString("again")))
        .isInstanceOf(InvalidRequestException.class);
    sm.restoreSecret(b -> b.secretId(name));
  }

  @Test
  void recoveryWindowOutOfRangeOrCombinedWithForceIsAnInvalidParameter(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("bad-window");
    sm.createSecret(b -> b.name(name).secretString("v"));

    assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(6L)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(31L)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)
        .forceDeleteWithoutRecovery(true))).isInstanceOf(InvalidParameterException.class);
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v");
  }

  @Test
  void forcedDeletionRemovesAtOnceAndTheNameCanBeReusedWithANewArn(SecretsManagerClient sm,
      SecretPrefix prefix) {
    String name = prefix.name("forced");
    String oldArn = sm.createSecret(b -> b.name(name).secretString("old")).arn();

    sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));

    assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    String newArn = sm.createSecret(b -> b.name(name).secretString("new")).arn();
    assertThat(newArn).isNotEqualTo(oldArn).startsWith(oldArn.substring(0, oldArn.length() - 6));
    assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("new");
    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(oldArn)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void forcedDeletionAlsoRemovesASecretPendingDeletion(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("pending-then-forced");
    sm.createSecret(b -> b.name(name).secretString("v"));
    sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));

    sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));

    assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deletingOrRestoringAMissingSecretIsResourceNotFound(SecretsManagerClient sm, SecretPrefix prefix) {
    assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(prefix.name("absent"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sm.restoreSecret(b -> b.secretId(prefix.name("absent"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
