package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Transient failures are retried with backoff; past the attempt limit the document is FAILED with the reason. */
@LocalAwsTest
@Tag("slow")
class RetryIT {

  @Test
  void transientFailuresAreRetriedAndGivenUpAfterTheLimit(LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    TestEnvironment env = TestEnvironment.create("retry", aws, s3, sm);
    ControllableIngestion ingestion = new ControllableIngestion()
        .failFirstAttempts("recovers.md", 2)
        .failEveryAttempt("never-recovers.md");
    ConfigurableApplicationContext ctx = ServiceInstances.start(env, "retry", ingestion);
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(ctx), env);
      byte[] lesson = "# Rivers\nRivers carry sediment from mountains to the sea.".getBytes();
      String recovers = api.upload("recovers.md", lesson, Map.of()).body().path("id").asText();
      String neverRecovers = api.upload("never-recovers.md", lesson, Map.of()).body().path("id").asText();

      JsonNode ok = api.awaitTerminal(recovers, Duration.ofSeconds(60));
      assertThat(ok.path("status").asText()).isEqualTo("INDEXED");
      assertThat(ok.path("attempts").asInt()).isEqualTo(3);
      assertThat(ok.has("error")).isFalse();
      assertThat(ingestion.attempts("recovers.md")).isEqualTo(3);

      JsonNode failed = api.awaitTerminal(neverRecovers, Duration.ofSeconds(60));
      assertThat(failed.path("status").asText()).isEqualTo("FAILED");
      assertThat(failed.path("attempts").asInt()).isEqualTo(3);  // learning.jobs.max-attempts
      assertThat(failed.path("error").asText()).startsWith("Gave up after 3 attempts: ")
          .contains("simulated S3 outage");
      // Backoff: 200 ms, then 400 ms between the three attempts.
      Duration took = Duration.between(Instant.parse(failed.path("created_at").asText()),
          Instant.parse(failed.path("failed_at").asText()));
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    } finally {
      ctx.close();
    }
  }
}
