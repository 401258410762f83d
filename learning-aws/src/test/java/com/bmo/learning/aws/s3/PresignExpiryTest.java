package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Presigning is local computation; no endpoint needs to answer. */
class PresignExpiryTest {

  private static S3Storage storage() {
    return S3Storage.create(S3StorageConfig.builder().endpoint(URI.create("http://127.0.0.1:9"))
        .region("us-east-1").environment(Map.of())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
        .build());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 999, -1000, 604_800_001})
  void rejectsExpiriesOutsideOneSecondToSevenDays(long millis) {
    try (S3Storage storage = storage()) {
      assertThatThrownBy(() -> storage.presignGet("lessons", "a.txt", Duration.ofMillis(millis)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("between 1 second and 7 days").hasMessageContaining("s3://lessons/a.txt");
      assertThatThrownBy(() -> storage.presignPut("lessons", "a.txt", Duration.ofMillis(millis), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rejectsNullExpiry() {
    try (S3Storage storage = storage()) {
      assertThatThrownBy(() -> storage.presignGet("lessons", "a.txt", null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void acceptsTheBoundsThemselves() {
    try (S3Storage storage = storage()) {
      PresignedRequest min = storage.presignGet("lessons", "a.txt", Duration.ofSeconds(1));
      PresignedRequest max = storage.presignGet("lessons", "a.txt", Duration.ofDays(7));
      assertThat(min.url().getQuery()).contains("X-Amz-Expires=1&").contains("X-Amz-Signature=");
      assertThat(max.url().getQuery()).contains("X-Amz-Expires=604800");
      assertThat(max.url().getPath()).isEqualTo("/lessons/a.txt");
    }
  }

  @Test
  void toStringHidesTheSignature() {
    try (S3Storage storage = storage()) {
      PresignedRequest p = storage.presignPut("lessons", "a.pdf", Duration.ofMinutes(5), null);
      assertThat(p.toString()).doesNotContain("X-Amz-Signature").doesNotContain("AKIDEXAMPLE")
          .contains("/lessons/a.pdf");
      assertThat(p.signedHeaders()).containsKey("content-type");
      assertThat(p.signedHeaders().get("content-type")).containsExactly("application/pdf");
    }
  }
}
