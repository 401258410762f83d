package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Failure paths a real S3 endpoint produces but the local one cannot: 403, throttling until the retries
 * run out, a connection dropped mid-body, a body that does not match its checksum. Real SDK, real HTTP.
 */
class S3StorageFailureTest {

  private static S3Storage storage(URI endpoint, int maxAttempts) {
    return S3Storage.create(S3StorageConfig.builder()
        .endpoint(endpoint)
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .maxAttempts(maxAttempts)
        .environment(Map.of())
        .build());
  }

  @Test
  void throttlingIsRetriedByTheSdkThenReportedAsTransient() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) ->
            FakeS3Endpoint.error(ex, 503, "SlowDown", "Please reduce your request rate."));
        S3Storage storage = storage(fake.endpoint(), 2)) {
      TransientStorageException e = catchThrowableOfType(
          () -> storage.upload("lessons", "a.txt", "hi".getBytes(), UploadOptions.none()),
          TransientStorageException.class);
      assertThat(e.attempts()).isEqualTo(2);
      assertThat(fake.requests()).hasSize(2);
      assertThat(e.awsErrorCode()).contains("SlowDown");
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.bucket()).isEqualTo("lessons");
      assertThat(e.key()).contains("a.txt");
    }
  }

  @Test
  void maxAttemptsIsConfigurable() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) ->
            FakeS3Endpoint.error(ex, 500, "InternalError", "We encountered an internal error."));
        S3Storage storage = storage(fake.endpoint(), 3)) {
      TransientStorageException e = catchThrowableOfType(() -> storage.readAllBytes("lessons", "a.txt"),
          TransientStorageException.class);
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(fake.requests()).hasSize(3);
    }
  }

  @Test
  void aServerErrorFollowedBySuccessIsInvisibleToTheCaller() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) -> {
          if (n == 1) {
            FakeS3Endpoint.error(ex, 500, "InternalError", "try again");
          } else {
            FakeS3Endpoint.ok(ex, new byte[0]);
          }
        });
        S3Storage storage = storage(fake.endpoint(), 3)) {
      UploadResult r = storage.upload("lessons", "a.txt", "hello".getBytes(), UploadOptions.none());
      assertThat(r.eTag()).isEqualTo("fake-etag");
      assertThat(fake.requests()).hasSize(2);
      // The retry sent the body again (over http the SDK signs it in aws-chunked encoding) with the same
      // checksum.
      assertThat(new String(fake.requests().get(1).body(), StandardCharsets.UTF_8)).contains("\r\nhello\r\n");
      assertThat(fake.requests().get(1).header("x-amz-checksum-crc32c"))
          .isEqualTo(fake.requests().get(0).header("x-amz-checksum-crc32c"))
          .isEqualTo(Crc32c.of("hello".getBytes(), 0, 5));
    }
  }

  @Test
  void accessDeniedIsTypedAndNotRetried() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) ->
            FakeS3Endpoint.error(ex, 403, "AccessDenied", "Access Denied"));
        S3Storage storage = storage(fake.endpoint(), 3)) {
      AccessDeniedException e = catchThrowableOfType(
          () -> storage.upload("lessons", "secret/a.txt", "x".getBytes(), UploadOptions.none()),
          AccessDeniedException.class);
      assertThat(fake.requests()).hasSize(1);
      assertThat(e.getMessage()).contains("s3://lessons/secret/a.txt").contains("AccessDenied")
          .contains("HTTP 403").contains("FAKE-REQ");
    }
  }

  @Test
  void accessDeniedOnHeadWithoutBodyIsTyped() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) -> FakeS3Endpoint.error(ex, 403, "", ""));
        S3Storage storage = storage(fake.endpoint(), 3)) {
      assertThat(catchThrowableOfType(() -> storage.exists("lessons", "a.txt"), AccessDeniedException.class))
          .isNotNull();
    }
  }

  @Test
  void corruptedBodyFailsTheDownloadAndLeavesNoFile(@TempDir Path dir) throws Exception {
    byte[] body = "the real lesson content".getBytes(StandardCharsets.UTF_8);
    String wrong = Crc32c.of("something else".getBytes(), 0, 14);
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) -> {
          ex.getResponseHeaders().add("x-amz-checksum-crc32c", wrong);
          FakeS3Endpoint.ok(ex, body);
        });
        S3Storage storage = storage(fake.endpoint(), 1)) {
      Path target = dir.resolve("lesson.txt");
      ChecksumMismatchException e = catchThrowableOfType(() -> storage.download("lessons", "l.txt", target),
          ChecksumMismatchException.class);
      assertThat(e.key()).contains("l.txt");
      assertThat(target).doesNotExist();
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
      assertThat(catchThrowableOfType(() -> storage.readAllBytes("lessons", "l.txt"),
          ChecksumMismatchException.class)).isNotNull();
    }
  }

  @Test
  void aConnectionDroppedMidBodyIsRetriedFromTheStart(@TempDir Path dir) throws Exception {
    byte[] body = new byte[200_000];
    new Random(7).nextBytes(body);
    String crc = Crc32c.of(body, 0, body.length);
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) -> {
          ex.getResponseHeaders().add("x-amz-checksum-crc32c", crc);
          ex.getResponseHeaders().add("ETag", "\"e\"");
          ex.sendResponseHeaders(200, body.length);
          OutputStream out = ex.getResponseBody();
          // The first answer stops half-way: the client sees the connection end early.
          out.write(body, 0, n == 1 ? body.length / 2 : body.length);
          out.flush();
        });
        S3Storage storage = storage(fake.endpoint(), 3)) {
      Path target = dir.resolve("big.bin");
      DownloadResult r = storage.download("lessons", "big.bin", target);
      assertThat(fake.requests()).hasSize(2);
      assertThat(Files.readAllBytes(target)).isEqualTo(body);
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.VERIFIED);
      assertThat(r.size()).isEqualTo(body.length);
    }
  }

  @Test
  void endpointComesFromTheEnvironmentWithPathStyle() throws Exception {
    try (FakeS3Endpoint fake = new FakeS3Endpoint((n, ex) -> FakeS3Endpoint.ok(ex, "hi".getBytes()))) {
      S3StorageConfig config = S3StorageConfig.builder()
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .environment(Map.of(
              "AWS_ENDPOINT_URL", "http://127.0.0.1:9", // the generic one loses to the S3-specific one
              "AWS_ENDPOINT_URL_S3", fake.endpoint().toString(),
              "AWS_REGION", "eu-west-1"))
          .build();
      try (S3Storage storage = S3Storage.create(config)) {
        assertThat(storage.readAllBytes("lessons", "dir/a.txt")).isEqualTo("hi".getBytes());
      }
      assertThat(fake.requests()).hasSize(1);
      assertThat(fake.requests().get(0).path()).isEqualTo("/lessons/dir/a.txt");
      assertThat(fake.requests().get(0).header("Authorization")).contains("/eu-west-1/s3/");
    }
  }
}
