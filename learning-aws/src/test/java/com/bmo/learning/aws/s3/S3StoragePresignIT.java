package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Presigned URLs used by a plain HTTP client, with no AWS SDK and no credentials. */
@LocalAwsTest
class S3StoragePresignIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void presignedGetDownloadsWithAPlainHttpClient(LocalAwsTarget target, TestBucket bucket) throws Exception {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "shared/lesson.txt", "shared lesson".getBytes(), UploadOptions.none());
      PresignedRequest p = storage.presignGet(bucket.name(), "shared/lesson.txt", Duration.ofMinutes(10));
      assertThat(p.method()).isEqualTo("GET");
      assertThat(p.expiration()).isBetween(Instant.now().plusSeconds(500), Instant.now().plusSeconds(700));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(p.url().toURI()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("shared lesson");
    }
  }

  @Test
  void presignedPutUploadsWithAPlainHttpClient(LocalAwsTarget target, TestBucket bucket) throws Exception {
    try (S3Storage storage = storage(target)) {
      PresignedRequest p = storage.presignPut(bucket.name(), "incoming/report.json", Duration.ofMinutes(5),
          null);
      assertThat(p.signedHeaders().get("content-type")).containsExactly("application/json");
      HttpRequest.Builder request = HttpRequest.newBuilder(p.url().toURI())
          .PUT(HttpRequest.BodyPublishers.ofString("{\"score\":97}"));
      p.signedHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("host")) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);

      assertThat(storage.readAllBytes(bucket.name(), "incoming/report.json"))
          .isEqualTo("{\"score\":97}".getBytes());
      assertThat(storage.head(bucket.name(), "incoming/report.json").contentType())
          .isEqualTo("application/json");
      // Uploaded without any checksum: a download says so instead of claiming it verified something.
      DownloadResult r = storage.download(bucket.name(), "incoming/report.json",
          java.io.OutputStream.nullOutputStream());
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.NO_CHECKSUM);
    }
  }
}
