package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.opensearch.junit.OpenSearchTarget;
import com.bmo.learning.opensearch.junit.OpenSearchTest;
import com.bmo.learning.opensearch.junit.TestIndex;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Two service instances on one database and one OpenSearch index (learning.search.backend=opensearch):
 * what is indexed, deleted or restored through one instance is what the other one's searches see.
 */
@LocalAwsTest
@OpenSearchTest
class OpenSearchSharedIndexIT {

  private static boolean finds(ApiClient api, String question, String course, String expected) {
    for (JsonNode hit : api.search(question, 5, Map.of("course", course)).body().path("hits")) {
      if (hit.path("text").asText().contains(expected)) {
        return true;
      }
    }
    return false;
  }

  private static String indexed(ApiClient api, String name, String text, String course) {
    String id = api.upload(name, text.getBytes(), Map.of("course", course)).body().path("id").asText();
    assertThat(api.awaitTerminal(id, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("INDEXED");
    return id;
  }

  @Test
  void whatOneInstanceIndexesDeletesOrRestoresTheOtherOneSees(LocalAwsTarget aws, S3Client s3,
      SecretsManagerClient sm, OpenSearchTarget node, TestIndex index) throws Exception {
    TestEnvironment env = TestEnvironment.create("os-shared", aws, s3, sm);
    TestEnvironment second = new TestEnvironment(env.name(), aws, env.documentsBucket(), env.backupsBucket(),
        env.userKey(), env.adminKey(), env.jdbcUrl(), Files.createTempDirectory("service-it-index-b-"));
    Map<String, Object> openSearch = Map.of(
        "learning.search.backend", "opensearch",
        "learning.search.opensearch.url", node.endpoint().toString(),
        "learning.search.opensearch.index", index.name(),
        "learning.search.opensearch.replicas", "0");
    ConfigurableApplicationContext a = ServiceInstances.start(env, "instance-a", openSearch);
    ConfigurableApplicationContext b = ServiceInstances.start(second, "instance-b", openSearch);
    try {
      ApiClient apiA = new ApiClient(ServiceInstances.url(a), env);
      ApiClient apiB = new ApiClient(ServiceInstances.url(b), second);
      String course = "shared-" + System.nanoTime();

      // Indexed through A (its worker or B's: one queue), searchable on B the moment it is INDEXED.
      String volcanoes = indexed(apiA, "volcanoes.md", "# Volcanoes\nMagma rises through the crust and erupts as lava.",
          course);
      assertThat(finds(apiB, "What comes out of a volcano?", course, "Magma")).isTrue();

      // A backup through A; a document added after it; a restore through B: both see the backup's index.
      ApiClient.Response backup = apiA.postJson("/api/v1/backups", Map.of("type", "full"), apiA.adminKey());
      assertThat(backup.status()).isEqualTo(201);
      String glaciers = indexed(apiA, "glaciers.md", "# Glaciers\nGlaciers carve U-shaped valleys as the ice moves.",
          course);
      assertThat(finds(apiB, "How are U-shaped valleys formed?", course, "Glaciers")).isTrue();
      ApiClient.Response restored = apiB.postJson("/api/v1/backups/restore",
          Map.of("key", backup.body().path("key").asText()), apiB.adminKey());
      assertThat(restored.status()).isEqualTo(200);
      assertThat(restored.body().path("chunk_count").asLong()).isEqualTo(backup.body().path("chunk_count").asLong());
      assertThat(finds(apiA, "How are U-shaped valleys formed?", course, "Glaciers")).isFalse();
      assertThat(finds(apiB, "How are U-shaped valleys formed?", course, "Glaciers")).isFalse();
      assertThat(finds(apiA, "What comes out of a volcano?", course, "Magma")).isTrue();
      assertThat(apiB.get("/api/v1/backups", apiB.adminKey()).body().path("backups"))
          .extracting(x -> x.path("key").asText()).contains(backup.body().path("key").asText());

      // Deleted through B: gone from A's searches.
      assertThat(apiB.delete("/api/v1/documents/" + volcanoes).status()).isEqualTo(204);
      assertThat(finds(apiA, "What comes out of a volcano?", course, "Magma")).isFalse();
      assertThat(glaciers).isNotBlank();
    } finally {
      b.close();
      a.close();
    }
  }
}
