package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every typed error the local endpoint can produce, through the real SDK. (AccessDeniedException needs an
 * endpoint that checks credentials: see S3StorageFailureTest.)
 */
@LocalAwsTest
class S3StorageErrorsIT {

  @Test
  void missingObjectIsObjectNotFoundEverywhere(LocalAwsTarget target, TestBucket bucket,
      @TempDir Path dir) {
    String b = bucket.name();
    try (S3Storage storage = storage(target)) {
      for (ObjectNotFoundException e : List.of(
          catchThrowableOfType(() -> storage.readAllBytes(b, "nope.txt"), ObjectNotFoundException.class),
          catchThrowableOfType(() -> storage.head(b, "nope.txt"), ObjectNotFoundException.class),
          catchThrowableOfType(() -> storage.download(b, "nope.txt", dir.resolve("x")),
              ObjectNotFoundException.class),
          catchThrowableOfType(() -> storage.download(b, "nope.txt", new ByteArrayOutputStream()),
              ObjectNotFoundException.class),
          catchThrowableOfType(() -> storage.copy(b, "nope.txt", b, "copy.txt"),
              ObjectNotFoundException.class))) {
        assertThat(e.bucket()).isEqualTo(b);
        assertThat(e.key()).contains("nope.txt");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.getMessage()).contains("s3://" + b + "/nope.txt");
      }
    }
  }

  @Test
  void missingBucketIsBucketNotFoundEverywhere(LocalAwsTarget target, TestBucket bucket) {
    String missing = bucket.name().substring(0, Math.min(50, bucket.name().length())) + "-absent";
    try (S3Storage storage = storage(target)) {
      List<BucketNotFoundException> errors = List.of(
          catchThrowableOfType(() -> storage.upload(missing, "a.txt", new byte[] {1}, UploadOptions.none()),
              BucketNotFoundException.class),
          catchThrowableOfType(() -> storage.readAllBytes(missing, "a.txt"), BucketNotFoundException.class),
          // HEAD answers 404 without a body: the client asks the bucket to tell the two apart.
          catchThrowableOfType(() -> storage.head(missing, "a.txt"), BucketNotFoundException.class),
          catchThrowableOfType(() -> storage.exists(missing, "a.txt"), BucketNotFoundException.class),
          catchThrowableOfType(() -> storage.list(missing, null).toList(), BucketNotFoundException.class),
          catchThrowableOfType(() -> storage.deleteAll(missing, List.of("a")), BucketNotFoundException.class));
      for (BucketNotFoundException e : errors) {
        assertThat(e.bucket()).isEqualTo(missing);
        assertThat(e.getMessage()).contains(missing);
      }
    }
  }

  @Test
  void copyToAMissingBucketNamesTheDestination(LocalAwsTarget target, TestBucket bucket) {
    String missing = bucket.name().substring(0, Math.min(50, bucket.name().length())) + "-nodest";
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "a.txt", new byte[] {1}, UploadOptions.none());
      BucketNotFoundException e = catchThrowableOfType(
          () -> storage.copy(bucket.name(), "a.txt", missing, "b.txt"), BucketNotFoundException.class);
      assertThat(e.bucket()).isEqualTo(missing);
      assertThat(e.key()).contains("b.txt");
    }
  }

  @Test
  void invalidBucketNameIsRefusedBeforeAnyRequest(LocalAwsTarget target) {
    try (S3Storage storage = storage(target)) {
      InvalidBucketNameException e = catchThrowableOfType(
          () -> storage.upload("My_Bucket", "a.txt", new byte[] {1}, UploadOptions.none()),
          InvalidBucketNameException.class);
      assertThat(e.rule()).isEqualTo(BucketName.Rule.CHARACTERS);
      assertThat(e.bucket()).isEqualTo("My_Bucket");
      assertThat(catchThrowableOfType(() -> storage.list("192.168.5.4", null),
          InvalidBucketNameException.class).rule()).isEqualTo(BucketName.Rule.IP_ADDRESS);
    }
  }

  @Test
  void invalidKeyIsRefusedBeforeAnyRequest(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      InvalidKeyException e = catchThrowableOfType(
          () -> storage.upload(bucket.name(), "é".repeat(513), new byte[] {1}, UploadOptions.none()),
          InvalidKeyException.class);
      assertThat(e.bucket()).isEqualTo(bucket.name());
      assertThat(catchThrowableOfType(() -> storage.readAllBytes(bucket.name(), ""),
          InvalidKeyException.class)).isNotNull();
      assertThat(catchThrowableOfType(() -> storage.presignGet(bucket.name(), "", Duration.ofMinutes(1)),
          InvalidKeyException.class)).isNotNull();
    }
  }

  @Test
  void checksumMismatchOnUploadIsTyped(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      ChecksumMismatchException e = catchThrowableOfType(() -> storage.upload(bucket.name(), "c.txt",
          "content".getBytes(), UploadOptions.builder().expectedCrc32c("AAAAAA==").build()),
          ChecksumMismatchException.class);
      assertThat(e.key()).contains("c.txt");
      assertThat(e.expected()).contains("AAAAAA==");
    }
  }

  @Test
  void unreachableEndpointIsTransientAfterTheConfiguredAttempts(LocalAwsTarget target) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (S3Storage storage = S3Storage.create(S3StorageConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + closedPort))
        .region(target.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        .maxAttempts(3)
        .connectionTimeout(Duration.ofSeconds(1))
        .build())) {
      TransientStorageException e = catchThrowableOfType(() -> storage.readAllBytes("lessons", "a.txt"),
          TransientStorageException.class);
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.statusCode()).isZero();
      assertThat(e.getMessage()).contains("s3://lessons/a.txt").contains("3 attempts");
    }
  }

  @Test
  void missingSourceFileIsALocalError(LocalAwsTarget target, TestBucket bucket, @TempDir Path dir) {
    try (S3Storage storage = storage(target)) {
      LocalIoException e = catchThrowableOfType(
          () -> storage.upload(bucket.name(), "a.txt", dir.resolve("absent.txt")), LocalIoException.class);
      assertThat(e.getMessage()).contains("absent.txt").contains("s3://" + bucket.name() + "/a.txt");
    }
  }

  @Test
  void closedClientRefusesWork(LocalAwsTarget target, TestBucket bucket) {
    S3Storage storage = storage(target);
    storage.close();
    storage.close(); // idempotent
    assertThat(catchThrowableOfType(() -> storage.exists(bucket.name(), "a"), IllegalStateException.class))
        .hasMessageContaining("closed");
  }
}
