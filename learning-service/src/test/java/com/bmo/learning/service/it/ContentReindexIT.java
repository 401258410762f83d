package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bmo.learning.ingestion.chunk.DocumentChunker;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The chunker's settings change between two runs of the service on the same database and index directory
 * (a model change works the same way: both are the index's content version). The second run does not mix
 * old chunks with new ones: it replaces the index, queues the document again by itself, and the document
 * is searchable again, chunked the new way — nobody has to do anything.
 */
@LocalAwsTest
class ContentReindexIT {

  private static final String TEXT = "Chlorophyll absorbs red and blue light and reflects green, which is why "
      + "leaves look green to us. The light reactions take place in the thylakoid membranes, where water is "
      + "split and oxygen is released as a by-product. The energy captured there is stored in ATP and NADPH. "
      + "In the Calvin cycle, which runs in the stroma, the enzyme RuBisCO fixes carbon dioxide into a "
      + "three-carbon sugar. Plants in hot, dry climates use C4 or CAM photosynthesis to limit water loss "
      + "while still fixing carbon. The rate of photosynthesis depends on light intensity, carbon dioxide "
      + "concentration and temperature, and the slowest of them limits it. Stomata open and close to balance "
      + "the uptake of carbon dioxide against the loss of water vapour through transpiration. At night the "
      + "plant respires, using part of the sugar it made during the day to power its growth and repair.";

  @Test
  void aChangedChunkerReindexesEveryDocumentAtStartUpWithoutManualAction(LocalAwsTarget aws, S3Client s3,
      SecretsManagerClient sm) {
    TestEnvironment env = TestEnvironment.create("reindex", aws, s3, sm);
    String id;
    int chunksBefore;
    ConfigurableApplicationContext first = ServiceInstances.start(env, "reindex-a",
        Map.of("learning.index.chunk-size", "800"));
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(first), env);
      id = api.upload("photosynthesis.pdf", TestDocuments.pdf(TEXT), Map.of("course", "reindex")).body()
          .path("id").asText();
      JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(90));
      assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
      chunksBefore = doc.path("chunk_count").asInt();
      JsonNode health = api.get("/actuator/health", api.adminKey()).body().path("components");
      assertThat(health.path("contentReindex").path("details").path("reindex").asText()).isEqualTo("none");
    } finally {
      first.close();
    }

    ConfigurableApplicationContext second = ServiceInstances.start(env, "reindex-b",
        Map.of("learning.index.chunk-size", "400"));
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(second), env);
      JsonNode reindex = api.get("/actuator/health", api.adminKey()).body().path("components")
          .path("contentReindex").path("details");
      String rules = DocumentChunker.VERSION;
      assertThat(reindex.path("cause").asText())
          .isEqualTo("chunker changed (" + rules + "/800/0 → " + rules + "/400/0)");
      assertThat(reindex.path("documentsQueued").asInt()).isEqualTo(1);

      JsonNode[] doc = new JsonNode[1];
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
        doc[0] = api.get("/api/v1/documents/" + id).body();
        return "INDEXED".equals(doc[0].path("status").asText());
      });
      assertThat(doc[0].path("chunk_count").asInt()).as("chunked again, smaller").isGreaterThan(chunksBefore);
      JsonNode hits = api.search("Which enzyme fixes carbon dioxide in the Calvin cycle?", 10,
          Map.of("course", "reindex")).body().path("hits");
      assertThat(hits).hasSize(doc[0].path("chunk_count").asInt())
          .allSatisfy(h -> assertThat(h.path("document_id").asText()).isEqualTo(id));
      assertThat(hits.get(0).path("text").asText()).contains("RuBisCO");
      await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(api.get("/actuator/health", api.adminKey())
          .body().path("components").path("contentReindex").path("details").path("reindex").asText()));
    } finally {
      second.close();
    }
  }
}
