package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A restore started while a big document is being embedded: searches and health keep answering, and the
 * restore itself completes, both while the embedding is still running (it is held until the end). Before
 * the fix, embedding ran under the index's read lock, the restore's write lock queued behind it and every
 * search queued behind the restore. Bounded waits only: a blocked search fails the test, no timing asserted.
 */
@LocalAwsTest
class RestoreDuringIngestionIT {

  @Test
  void searchesAndTheRestoreGoOnWhileABigDocumentIsEmbedded(LocalAwsTarget aws, S3Client s3,
      SecretsManagerClient sm) throws Exception {
    TestEnvironment env = TestEnvironment.create("restore-ingest", aws, s3, sm);
    ControllableIngestion ingestion = new ControllableIngestion();
    ControllableIngestion.Gate embedding = ingestion.holdEmbedding("big-manual.md");
    ConfigurableApplicationContext ctx = ServiceInstances.start(env, "restore-ingest", ingestion);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(ctx), env);
      String course = "restore-ingest";
      String first = api.upload("volcanoes.md", "# Volcanoes\nMagma rises through the crust and erupts as lava."
          .getBytes(), Map.of("course", course)).body().path("id").asText();
      assertThat(api.awaitTerminal(first, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");
      String backupKey = api.postJson("/api/v1/backups", Map.of("type", "full"), api.adminKey()).body()
          .path("key").asText();

      // A big document whose embedding is held: the job is inside the model call.
      StringBuilder big = new StringBuilder("# Big manual\n");
      for (int i = 0; i < 600; i++) {
        big.append("Paragraph ").append(i).append(" explains arrays, loops and conditions in detail.\n\n");
      }
      String held = api.upload("big-manual.md", big.toString().getBytes(), Map.of("course", course)).body()
          .path("id").asText();
      assertThat(embedding.awaitEntered(Duration.ofSeconds(120))).as("the big document's embedding started").isTrue();

      CompletableFuture<ApiClient.Response> restore = CompletableFuture.supplyAsync(() ->
          api.postJson("/api/v1/backups/restore", Map.of("key", backupKey), api.adminKey()), pool);

      // Searches (each with the client's bounded timeout) and health answer throughout.
      for (int i = 0; i < 5; i++) {
        ApiClient.Response search = pool.submit(() -> api.search("What comes out of a volcano?", 3,
            Map.of("course", course))).get(60, TimeUnit.SECONDS);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().path("hits").get(0).path("text").asText()).contains("Magma");
        assertThat(pool.submit(() -> api.get("/actuator/health", null).status()).get(60, TimeUnit.SECONDS))
            .isEqualTo(200);
      }
      // The restore does not wait for the embedding either.
      ApiClient.Response restored = restore.get(120, TimeUnit.SECONDS);
      assertThat(restored.status()).isEqualTo(200);
      assertThat(api.get("/api/v1/documents/" + held).body().path("status").asText()).isEqualTo("PROCESSING");

      embedding.open();
      JsonNode done = api.awaitTerminal(held, Duration.ofSeconds(180));
      assertThat(done.path("status").asText()).isEqualTo("INDEXED");
      assertThat(api.search("arrays loops", 3, Map.of("course", course)).body().path("hits").get(0)
          .path("title").asText()).isEqualTo("Big manual");
    } finally {
      embedding.open();
      pool.shutdownNow();
      ctx.close();
    }
  }
}
