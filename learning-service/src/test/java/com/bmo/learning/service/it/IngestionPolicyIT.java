package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What ingestion accepts, through HTTP against a running service configured for it: per-document limits
 * (a PDF bomb and an over-long text fail at once with their reason, one attempt, no retry), fair
 * scheduling (a small upload is indexed while large ones hold the workers) and the ingest allow-list
 * (users only under {@code learning.ingest.user-prefixes}, admins also from
 * {@code learning.ingest.allowed-sources}). One instance of its own: low limits, two workers, one
 * large-document slot; the two large documents are held by a {@link ControllableIngestion} until released.
 */
@LocalAwsTest
class IngestionPolicyIT {

  private static TestEnvironment env;
  private static ConfigurableApplicationContext service;
  private static ApiClient api;
  private static String extraBucket;
  private static ControllableIngestion.Gate largeDocuments;

  @BeforeAll
  static void start(LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    env = TestEnvironment.create("limits", aws, s3, sm);
    extraBucket = "it-shared-library-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(extraBucket));
    ControllableIngestion ingestion = new ControllableIngestion();
    largeDocuments = ingestion.holdIngestion("large-1.pdf", "large-2.pdf");
    service = ServiceInstances.start(env, "limits", Map.of(
        "learning.ingest.user-prefixes", "lessons/",
        "learning.ingest.allowed-sources", "s3://" + extraBucket + "/shared/",
        "learning.ingestion.max-decompressed-size", "1MB",
        "learning.ingestion.max-characters", "10000",
        "learning.jobs.large-document-size", "16KB",
        "learning.jobs.max-concurrent-large", "1",
        "db-scheduler.threads", "2"), ingestion);
    api = new ApiClient(ServiceInstances.url(service), env);
  }

  @AfterAll
  static void stop() {
    if (largeDocuments != null) {
      largeDocuments.open();
    }
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
    assertThat(doc.path("error").asText()).endsWith("the document has 12,000 characters of text; the limit is 10,000");
  }

  @Test
  void aSmallUploadIsIndexedWhileLargeOnesHoldTheirSlot() throws Exception {
    // Two large documents (over 16 KB: a photo) for two workers: without the one-slot cap both workers
    // would be held and the small upload would wait for them.
    byte[] large = TestDocuments.pdfWithImage("Budgets balance income and spending.", 90);
    assertThat(large.length).isGreaterThan(16 * 1024);
    String large1 = api.upload("large-1.pdf", large, Map.of()).body().path("id").asText();
    String large2 = api.upload("large-2.pdf", large, Map.of()).body().path("id").asText();
    assertThat(largeDocuments.awaitEntered(Duration.ofSeconds(60))).as("a large document is being ingested").isTrue();

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

    largeDocuments.open();
    for (String id : new String[] {large1, large2}) {
      JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(90));
      assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
      assertThat(doc.path("attempts").asInt()).isEqualTo(1);  // waiting for the slot is not an attempt
    }
  }

  private static ApiClient.Response ingest(String uri, String key) {
    return api.postJson("/api/v1/documents/ingest", Map.of("uri", uri), key);
  }

  @Test
  void usersIngestOnlyUnderTheConfiguredPrefixesAdminsTheWholeDocumentsBucket(S3Client s3) {
    String docs = env.documentsBucket();
    s3.putObject(b -> b.bucket(docs).key("lessons/allowed.md"), RequestBody.fromString("# Allowed\nSaving."));
    s3.putObject(b -> b.bucket(docs).key("private/other.md"), RequestBody.fromString("# Other\nSpending."));

    ApiClient.Response outside = ingest("s3://" + docs + "/private/other.md", api.userKey());
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.body().path("detail").asText()).contains("'lessons/'");
    assertThat(ingest("s3://" + docs + "/", api.userKey()).status()).isEqualTo(403);
    assertThat(ingest("s3://" + docs + "/lessons/allowed.md", api.userKey()).status()).isEqualTo(202);
    assertThat(ingest("s3://" + docs + "/private/other.md", api.adminKey()).status()).isEqualTo(202);
  }

  @Test
  void adminsIngestFromAnAllowedExtraSourceAndItIsIndexed(S3Client s3) {
    s3.putObject(b -> b.bucket(extraBucket).key("shared/pensions.md"),
        RequestBody.fromString("# Pensions\nA pension pays an income after retirement."));
    s3.putObject(b -> b.bucket(extraBucket).key("private/notes.md"), RequestBody.fromString("# Notes\nDraft."));
    String uri = "s3://" + extraBucket + "/shared/pensions.md";

    assertThat(ingest(uri, api.userKey()).status()).isEqualTo(403);
    assertThat(ingest("s3://" + extraBucket + "/private/notes.md", api.adminKey()).status()).isEqualTo(403);
    ApiClient.Response accepted = ingest(uri, api.adminKey());
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().path("documents").get(0).path("id").asText();
    // The admin's document: read as the admin (a user sees only its own and shared ones).
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Set.of("INDEXED", "FAILED")
        .contains(api.get("/api/v1/documents/" + id, api.adminKey()).body().path("status").asText()));
    JsonNode doc = api.get("/api/v1/documents/" + id, api.adminKey()).body();
    assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
    assertThat(doc.path("chunk_count").asInt()).isPositive();
  }
}
