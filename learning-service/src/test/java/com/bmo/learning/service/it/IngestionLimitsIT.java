package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.testsupport.GatedIngestion;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Per-document ingestion limits and fair scheduling, through HTTP against a running service with low
 * limits: a PDF bomb and an over-long text fail at once with their reason (one attempt, no retry); a
 * small upload is indexed while large ones hold the workers. One instance of its own (two workers, one
 * large-document slot; documents named {@code hold…} are held by {@link GatedIngestion} until released).
 */
@LocalAwsTest
class IngestionLimitsIT {

  private static TestEnvironment env;
  private static ConfigurableApplicationContext service;
  private static ApiClient api;

  @BeforeAll
  static void start(LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    env = TestEnvironment.create("limits", aws, s3, sm);
    GatedIngestion.reset();
    service = ServiceInstances.start(env, "limits", Map.of(
        "learning.ingestion.max-decompressed-size", "1MB",
        "learning.ingestion.max-characters", "10000",
        "learning.jobs.large-document-size", "16KB",
        "learning.jobs.max-concurrent-large", "1",
        "db-scheduler.threads", "2"), GatedIngestion.class);
    api = new ApiClient(ServiceInstances.url(service), env);
  }

  @AfterAll
  static void stop() {
    GatedIngestion.release();
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aPdfBombFailsWithItsReasonAfterOneAttempt() {
    byte[] bomb = TestDocuments.pdfBomb("Interest compounds yearly.", 16L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(64 * 1024);  // 16 MiB of streams in a few kilobytes
    String id = api.upload("bomb.pdf", bomb, Map.of()).body().path("id").asText();

    JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(60));
    assertThat(doc.path("status").asText()).isEqualTo("FAILED");
    assertThat(doc.path("attempts").asInt()).isEqualTo(1);
    assertThat(doc.path("error").asText())
        .endsWith("the document has more than 1,048,576 bytes of decompressed PDF streams; the limit is 1,048,576");
  }

  @Test
  void aTextOverTheCharacterLimitFailsWithItsReasonAfterOneAttempt() {
    String text = "Diversify your savings. ".repeat(500);  // 12,000 characters
    String id = api.upload("long.txt", text.getBytes(StandardCharsets.UTF_8), Map.of()).body().path("id").asText();

    JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(60));
    assertThat(doc.path("status").asText()).isEqualTo("FAILED");
    assertThat(doc.path("attempts").asInt()).isEqualTo(1);
    assertThat(doc.path("error").asText()).endsWith("the document has 11,999 characters of text; the limit is 10,000");
  }

  @Test
  void aSmallUploadIsIndexedWhileLargeOnesHoldTheirSlot() throws Exception {
    // Two large documents (over 16 KB: a photo) for two workers: without the one-slot cap both workers
    // would be held and the small upload would wait for them.
    byte[] large = TestDocuments.pdfWithImage("Budgets balance income and spending.", 90);
    assertThat(large.length).isGreaterThan(16 * 1024);
    String large1 = api.upload("hold-large-1.pdf", large, Map.of()).body().path("id").asText();
    String large2 = api.upload("hold-large-2.pdf", large, Map.of()).body().path("id").asText();
    assertThat(GatedIngestion.awaitEntered(60)).as("a large document is being ingested").isTrue();

    String small = api.upload("small.txt", "Emergency funds cover three months of costs."
        .getBytes(StandardCharsets.UTF_8), Map.of()).body().path("id").asText();
    JsonNode smallDoc = api.awaitTerminal(small, Duration.ofSeconds(60));
    assertThat(smallDoc.path("status").asText()).isEqualTo("INDEXED");

    // Meanwhile one large document holds the slot and the other waits for it, not yet attempted.
    JsonNode first = api.get("/api/v1/documents/" + large1).body();
    JsonNode second = api.get("/api/v1/documents/" + large2).body();
    assertThat(java.util.List.of(first.path("status").asText(), second.path("status").asText()))
        .containsExactlyInAnyOrder("PROCESSING", "PENDING");
    JsonNode waiting = first.path("status").asText().equals("PENDING") ? first : second;
    assertThat(waiting.path("attempts").asInt()).isZero();

    GatedIngestion.release();
    for (String id : new String[] {large1, large2}) {
      JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(90));
      assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
      assertThat(doc.path("attempts").asInt()).isEqualTo(1);  // waiting for the slot is not an attempt
    }
  }
}
