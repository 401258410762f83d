package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * What the client does before and around AWS: local validation (no call made) and the mapping of errors
 * a local endpoint cannot produce (throttling, 5xx, network, access denied, KMS).
 */
class SecretsClientTest {

  private final SecretsManagerClient sdk = mock(SecretsManagerClient.class);
  private final SecretsClient client = SecretsClient.create(sdk);

  @Test
  void forcedDeletionWithARecoveryWindowIsRejectedBeforeCallingAws() {
    DeleteOptions both = new DeleteOptions(OptionalInt.of(7), true);
    assertThatThrownBy(() -> client.delete("app/key", both))
        .isInstanceOf(InvalidSecretRequestException.class)
        .hasMessageContaining("app/key").hasMessageContaining("exclude each other");
    verifyNoInteractions(sdk);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 6, 31, 365})
  void recoveryWindowOutsideSevenToThirtyDaysIsRejectedBeforeCallingAws(int days) {
    assertThatThrownBy(() -> client.delete("app/key", DeleteOptions.recoveryWindow(days)))
        .isInstanceOf(InvalidSecretRequestException.class)
        .hasMessageContaining("7 to 30 days, not " + days);
    verifyNoInteractions(sdk);
  }

  @Test
  void blankOrOverlongIdsAreRejectedBeforeCallingAws() {
    assertThatThrownBy(() -> client.getSecret(null)).isInstanceOf(InvalidSecretRequestException.class);
    assertThatThrownBy(() -> client.getSecret("")).isInstanceOf(InvalidSecretRequestException.class);
    assertThatThrownBy(() -> client.describe("  ")).isInstanceOf(InvalidSecretRequestException.class);
    assertThatThrownBy(() -> client.getSecret("a".repeat(2049)))
        .isInstanceOf(InvalidSecretRequestException.class);
    assertThatThrownBy(() -> client.getSecret("app/key", " "))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining("version stage");
    assertThatThrownBy(() -> client.list(SecretQuery.of().withPageSize(101)))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining("page size");
    verifyNoInteractions(sdk);
  }

  @Test
  void invalidNewSecretsAreRejectedBeforeCallingAws() {
    assertThatThrownBy(() -> client.createString("has space", "v"))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining("has space");
    assertThatThrownBy(() -> client.createString("x".repeat(513), "v"))
        .isInstanceOf(InvalidSecretRequestException.class);
    assertThatThrownBy(() -> client.create(NewSecret.builder("app/empty").build()))
        .isInstanceOf(InvalidSecretRequestException.class).hasMessageContaining("exactly one value");
    assertThatThrownBy(() -> client.create(NewSecret.builder("app/both").text("a").binary(new byte[] {1})
        .build())).isInstanceOf(InvalidSecretRequestException.class);
    verifyNoInteractions(sdk);
  }

  @Test
  void throttlingServerErrorsAndNetworkFailuresMeanUnavailable() {
    AwsServiceException throttled = SecretsManagerException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
    assertUnavailable(throttled);
    assertUnavailable(InternalServiceErrorException.builder().statusCode(500).build());
    assertUnavailable(SecretsManagerException.builder().statusCode(503).build());
    assertUnavailable(SdkClientException.create("Unable to execute HTTP request: Connection refused"));
  }

  private void assertUnavailable(RuntimeException sdkError) {
    when(sdk.getSecretValue(any(GetSecretValueRequest.class))).thenThrow(sdkError);
    assertThatThrownBy(() -> client.getSecret("app/key"))
        .isInstanceOf(SecretsUnavailableException.class)
        .hasMessageContaining("app/key")
        .hasCause(sdkError);
  }

  @Test
  void accessDeniedAndKmsFailuresMeanAccessDenied() {
    when(sdk.getSecretValue(any(GetSecretValueRequest.class))).thenThrow(SecretsManagerException.builder()
        .statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
            .errorMessage("not authorized").build()).build());
    assertThatThrownBy(() -> client.getSecret("app/key"))
        .isInstanceOf(SecretAccessDeniedException.class).hasMessageContaining("app/key");

    when(sdk.getSecretValue(any(GetSecretValueRequest.class)))
        .thenThrow(DecryptionFailureException.builder().message("KMS says no").build());
    assertThatThrownBy(() -> client.getSecret("app/key"))
        .isInstanceOf(SecretAccessDeniedException.class).hasMessageContaining("decrypted");
  }

  @Test
  void writeListenersHearOfFailedWritesToo() {
    List<Set<String>> heard = new ArrayList<>();
    client.addWriteListener(heard::add);
    when(sdk.putSecretValue(any(PutSecretValueRequest.class)))
        .thenThrow(SdkClientException.create("read timed out"));
    // The write may have happened before the timeout: caches must drop the entry anyway.
    assertThatThrownBy(() -> client.updateString("app/key", "v2"))
        .isInstanceOf(SecretsUnavailableException.class);
    assertThat(heard).containsExactly(Set.of("app/key"));
  }

  @Test
  void closesOnlyAnSdkClientItOwns() {
    SecretsManagerClient owned = mock(SecretsManagerClient.class);
    SecretsClient.create(sdk).close();
    SecretsClient.owning(owned).close();
    verifyNoInteractions(sdk);
    org.mockito.Mockito.verify(owned).close();
  }
}
