package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class StorageErrorsTest {

  private static S3Exception s3Error(int status, String code) {
    return (S3Exception) S3Exception.builder()
        .statusCode(status)
        .requestId("REQ123")
        .numAttempts(3)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("message from S3")
            .serviceName("S3").build())
        .message("raw")
        .build();
  }

  @ParameterizedTest
  @CsvSource({
      "404, NoSuchKey, ObjectNotFoundException",
      "404, NoSuchBucket, BucketNotFoundException",
      "403, AccessDenied, AccessDeniedException",
      "403, InvalidAccessKeyId, AccessDeniedException",
      "403, SignatureDoesNotMatch, AccessDeniedException",
      "400, ExpiredToken, AccessDeniedException",
      "403, InvalidObjectState, StorageRequestException",
      "400, BadDigest, ChecksumMismatchException",
      "400, XAmzContentChecksumMismatch, ChecksumMismatchException",
      "503, SlowDown, TransientStorageException",
      "500, InternalError, TransientStorageException",
      "503, ServiceUnavailable, TransientStorageException",
      "400, RequestTimeout, TransientStorageException",
      "429, TooManyRequests, TransientStorageException",
      "416, InvalidRange, StorageRequestException",
      "412, PreconditionFailed, StorageRequestException",
      "400, EntityTooLarge, StorageRequestException"})
  void mapsServiceErrorsByCodeAndStatus(int status, String code, String type) {
    StorageException e = StorageErrors.map("GetObject", "lessons", "a/b.txt", s3Error(status, code));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.bucket()).isEqualTo("lessons");
    assertThat(e.key()).contains("a/b.txt");
    assertThat(e.operation()).contains("GetObject");
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorCode()).contains(code);
    assertThat(e.requestId()).contains("REQ123");
    assertThat(e.getMessage()).contains("GetObject s3://lessons/a/b.txt").contains(code)
        .contains("HTTP " + status).contains("REQ123");
    assertThat(e.getCause()).isInstanceOf(S3Exception.class);
  }

  @Test
  void headWithoutBodyMapsByStatusAndWhetherThereIsAKey() {
    S3Exception noBody = (S3Exception) S3Exception.builder().statusCode(404).build();
    assertThat(StorageErrors.map("HeadObject", "b1b", "k", noBody)).isInstanceOf(ObjectNotFoundException.class);
    assertThat(StorageErrors.map("HeadBucket", "b1b", null, noBody))
        .isInstanceOf(BucketNotFoundException.class);
    S3Exception forbidden = (S3Exception) S3Exception.builder().statusCode(403).build();
    assertThat(StorageErrors.map("HeadObject", "b1b", "k", forbidden)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void transientErrorReportsTheSdkAttemptCount() {
    TransientStorageException e = (TransientStorageException) StorageErrors.map("PutObject", "lessons", "k",
        s3Error(503, "SlowDown"));
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("gave up after 3 attempts");
  }

  @Test
  void networkFailureIsTransient() {
    SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new ConnectException("Connection refused")).numAttempts(4).build();
    StorageException e = StorageErrors.map("PutObject", "lessons", "k", refused);
    assertThat(e).isInstanceOf(TransientStorageException.class);
    assertThat(((TransientStorageException) e).attempts()).isEqualTo(4);
    assertThat(e.getMessage()).contains("Connection refused");
    assertThat(e.statusCode()).isZero();
  }

  @Test
  void sdkChecksumValidationFailureIsChecksumMismatch() {
    SdkClientException sdk = SdkClientException.create(
        "Data read has a different checksum than expected. Was 0x1234, but expected 0x5678");
    assertThat(StorageErrors.map("GetObject", "lessons", "k", sdk))
        .isInstanceOf(ChecksumMismatchException.class);
  }

  @Test
  void nonTransientClientFailureIsARequestFailure() {
    SdkClientException noCredentials = SdkClientException.create("Unable to load credentials from any of"
        + " the providers in the chain");
    StorageException e = StorageErrors.map("PutObject", "lessons", "k", noCredentials);
    assertThat(e).isInstanceOf(StorageRequestException.class);
    assertThat(e.getMessage()).contains("Unable to load credentials");
  }

  @Test
  void ioExceptionDeepInTheCauseChainIsTransient() {
    SdkClientException sdk = SdkClientException.builder().message("wrapped")
        .cause(new RuntimeException(new IOException("reset"))).build();
    assertThat(StorageErrors.map("GetObject", "lessons", "k", sdk))
        .isInstanceOf(TransientStorageException.class);
  }

  @Test
  void typedExceptionsPassThroughUnchanged() {
    StorageException original = new ObjectNotFoundException(
        StorageException.Context.of("GetObject", "lessons", "k"), "object not found", null);
    assertThat(StorageErrors.map("Other", "x1x", "y", original)).isSameAs(original);
  }
}
