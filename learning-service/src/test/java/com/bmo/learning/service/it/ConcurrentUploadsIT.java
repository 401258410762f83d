package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Fifty uploads at once: every one accepted, recorded once, stored once, indexed once. */
@Tag("slow")
class ConcurrentUploadsIT extends ServiceIT {

  private static final int UPLOADS = 50;

  @Autowired
  SearchIndex index;

  @Autowired
  JdbcClient jdbc;

  @Test
  void fiftyConcurrentUploadsAllReachATerminalStateWithNothingLostOrDuplicated(S3Client s3) throws Exception {
    ApiClient api = api();
    String course = "load-" + System.nanoTime();
    List<Future<ApiClient.Response>> futures = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      for (int i = 0; i < UPLOADS; i++) {
        int n = i;
        byte[] pdf = TestDocuments.pdf("Lesson " + n + " of the concurrency course: topic number " + n
            + " explains queue item " + n + " in detail.");
        futures.add(clients.submit(() -> api.upload("lesson-" + n + ".pdf", pdf, Map.of("course", course))));
      }
      Set<String> ids = new HashSet<>();
      for (Future<ApiClient.Response> f : futures) {
        ApiClient.Response r = f.get();
        assertThat(r.status()).as("%s", r.body()).isEqualTo(202);
        ids.add(r.body().path("id").asText());
      }
      assertThat(ids).hasSize(UPLOADS);

      for (String id : ids) {
        JsonNode doc = api.awaitTerminal(id, Duration.ofMinutes(3));
        assertThat(doc.path("status").asText()).as("document %s: %s", id, doc).isEqualTo("INDEXED");
        assertThat(index.countSource(doc.path("source_uri").asText()))
            .as("chunks of %s", id).isEqualTo(doc.path("chunk_count").asLong()).isPositive();
      }

      // Recorded once each, and nothing else under this course.
      assertThat(api.get("/api/v1/documents?course=" + course + "&size=100").body().path("total").asLong())
          .isEqualTo(UPLOADS);
      assertThat(jdbc.sql("select count(*) from documents where course = :c").param("c", course)
          .query(Long.class).single()).isEqualTo(UPLOADS);
      // Every job finished and left the queue.
      assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance in (:ids)")
          .param("ids", ids).query(Long.class).single()).isZero();
      // One object per document.
      for (String id : ids) {
        String prefix = s3.listObjectsV2(b -> b.bucket(env.documentsBucket()).prefix("uploads/")).contents().stream()
            .filter(o -> o.key().contains("/" + id + "/")).map(o -> o.key()).findFirst().orElse(null);
        assertThat(prefix).as("object of %s", id).isNotNull();
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
