package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ingesting a prefix again queues only the objects that changed since they were indexed. */
class ReingestIT extends ServiceIT {

  @Test
  void reingestingAPrefixQueuesOnlyChangedObjectsAndReportsTheSkippedOnes(S3Client s3) {
    ApiClient api = api();
    String prefix = "reingest-" + System.nanoTime() + "/";
    String bucket = env.documentsBucket();
    s3.putObject(b -> b.bucket(bucket).key(prefix + "a.md"), RequestBody.fromString("# Alpha\nAlpha lesson text."));
    s3.putObject(b -> b.bucket(bucket).key(prefix + "b.md"), RequestBody.fromString("# Beta\nBeta lesson text."));
    s3.putObject(b -> b.bucket(bucket).key(prefix + "c.md"), RequestBody.fromString("# Gamma\nGamma lesson."));
    Map<String, Object> request = Map.of("uri", "s3://" + bucket + "/" + prefix, "course", "reingest");

    ApiClient.Response first = api.postJson("/api/v1/documents/ingest", request, api.userKey());
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body().path("skipped").asInt()).isZero();
    List<String> ids = ids(first.body().path("documents"));
    assertThat(ids).hasSize(3);
    ids.forEach(id -> assertThat(api.awaitTerminal(id, Duration.ofSeconds(60)).path("status").asText())
        .isEqualTo("INDEXED"));

    // Nothing changed: nothing queued, all three reported as skipped, still INDEXED.
    ApiClient.Response unchanged = api.postJson("/api/v1/documents/ingest", request, api.userKey());
    assertThat(unchanged.status()).isEqualTo(202);
    assertThat(unchanged.body().path("documents")).isEmpty();
    assertThat(unchanged.body().path("skipped").asInt()).isEqualTo(3);
    assertThat(ids(unchanged.body().path("skipped_documents"))).containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      assertThat(api.get("/api/v1/documents/" + id).body().path("attempts").asInt()).isEqualTo(1);
    }

    // One object rewritten (new ETag): only that one is queued, under its old document id.
    s3.putObject(b -> b.bucket(bucket).key(prefix + "b.md"),
        RequestBody.fromString("# Beta\nBeta lesson text, second edition with more words."));
    ApiClient.Response changed = api.postJson("/api/v1/documents/ingest", request, api.userKey());
    assertThat(changed.body().path("skipped").asInt()).isEqualTo(2);
    List<String> requeued = ids(changed.body().path("documents"));
    assertThat(requeued).hasSize(1);
    assertThat(ids).contains(requeued.get(0));
    JsonNode b = api.awaitTerminal(requeued.get(0), Duration.ofSeconds(60));
    assertThat(b.path("source_uri").asText()).endsWith(prefix + "b.md");
    assertThat(b.path("status").asText()).isEqualTo("INDEXED");
    assertThat(api.search("second edition", 3, Map.of("course", "reingest")).body().path("hits").get(0)
        .path("text").asText()).contains("second edition");

    // Other metadata asked for: the chunks carry it, so that counts as a change.
    ApiClient.Response recoursed = api.postJson("/api/v1/documents/ingest",
        Map.of("uri", "s3://" + bucket + "/" + prefix + "a.md", "course", "reingest-2"), api.userKey());
    assertThat(recoursed.body().path("documents")).hasSize(1);
    assertThat(recoursed.body().path("skipped").asInt()).isZero();

    // force queues even unchanged objects.
    api.awaitTerminal(ids(recoursed.body().path("documents")).get(0), Duration.ofSeconds(60));
    ApiClient.Response forced = api.postJson("/api/v1/documents/ingest",
        Map.of("uri", "s3://" + bucket + "/" + prefix + "c.md", "course", "reingest", "force", true),
        api.userKey());
    assertThat(forced.body().path("documents")).hasSize(1);
    assertThat(forced.body().path("skipped").asInt()).isZero();
  }

  @Test
  void contentUrlReadsTheOriginalFileWithoutAKeyForAFewMinutes() throws Exception {
    ApiClient api = api();
    byte[] pdf = TestDocuments.pdf("Page one about ratios.", "Page two about proportions.");
    String id = api.upload("ratios.pdf", pdf, Map.of("course", "content-url")).body().path("id").asText();

    ApiClient.Response url = api.get("/api/v1/documents/" + id + "/content-url");
    assertThat(url.status()).isEqualTo(200);
    assertThat(url.body().path("file_name").asText()).isEqualTo("ratios.pdf");
    assertThat(url.body().path("content_type").asText()).isEqualTo("application/pdf");
    java.time.Instant expires = java.time.Instant.parse(url.body().path("expires_at").asText());
    assertThat(expires).isBetween(java.time.Instant.now().plusSeconds(200), java.time.Instant.now().plusSeconds(301));

    var http = java.net.http.HttpClient.newHttpClient();
    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.body().path("url").asText()))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pdf);

    assertThat(api.get("/api/v1/documents/" + id + "/content-url", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/documents/" + java.util.UUID.randomUUID() + "/content-url").status())
        .isEqualTo(404);
  }

  private static List<String> ids(JsonNode documents) {
    List<String> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.path("id").asText()));
    return ids;
  }
}
