package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Upload → job → INDEXED → search → delete, and ingestion of objects already in S3, over real HTTP. */
class DocumentLifecycleIT extends ServiceIT {

  @Autowired
  SearchIndex index;

  @Test
  void uploadedPdfIsIndexedAndItsChunkIsFoundBySearch(S3Client s3) {
    ApiClient api = api();
    // Two pages of about 600 characters each: more than one 800-character chunk, one topic per page.
    byte[] pdf = TestDocuments.pdf(
        "Chapter one. The mitochondria is the powerhouse of the cell and produces ATP through respiration. "
            + "Glucose is broken down in the cytoplasm first; the products then enter the organelle, where the "
            + "citric acid cycle and the electron transport chain release most of the energy. The inner "
            + "membrane is folded into cristae, which gives the enzymes of the chain a large surface. Cells "
            + "that need a lot of energy, such as muscle cells, contain many of these organelles. They also "
            + "carry their own small circular genome, inherited from the mother in most animals.",
        "Chapter two. Tectonic plates drift slowly over the mantle, causing earthquakes along fault lines. "
            + "Where two plates move apart, magma rises and forms new crust along mid-ocean ridges. Where they "
            + "collide, one plate may sink beneath the other in a subduction zone, building deep trenches and "
            + "chains of volcanoes. Where they slide past each other, stress builds up over decades and is "
            + "released suddenly. Geologists measure the motion with satellite positioning, a few centimetres "
            + "each year, about as fast as fingernails grow.");

    ApiClient.Response accepted = api.upload("../Cell Biology (v2).pdf", pdf,
        Map.of("course", "bio-101", "learner_id", "learner-7", "metadata", "{\"unit\":\"4\",\"level\":2}"));

    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().path("id").asText();
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/documents/" + id);
    assertThat(accepted.body().path("status_url").asText()).isEqualTo("/api/v1/documents/" + id);

    JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(60));
    assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
    assertThat(doc.path("chunk_count").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(doc.path("file_name").asText()).isEqualTo("Cell-Biology-v2.pdf");
    assertThat(doc.path("content_type").asText()).isEqualTo("application/pdf");
    assertThat(doc.path("course").asText()).isEqualTo("bio-101");
    assertThat(doc.path("learner_id").asText()).isEqualTo("learner-7");
    assertThat(doc.path("metadata").path("unit").asText()).isEqualTo("4");
    assertThat(doc.path("created_at").asText()).isNotBlank();
    assertThat(doc.path("indexed_at").asText()).isNotBlank();
    assertThat(doc.has("error")).isFalse();

    // Stored where the issue says, with the metadata on the object.
    String sourceUri = doc.path("source_uri").asText();
    assertThat(sourceUri).matches("s3://" + env.documentsBucket() + "/uploads/\\d{4}/\\d{2}/" + id
        + "/Cell-Biology-v2\\.pdf");
    String key = sourceUri.substring(("s3://" + env.documentsBucket() + "/").length());
    var head = s3.headObject(b -> b.bucket(env.documentsBucket()).key(key));
    assertThat(head.metadata()).containsEntry("course", "bio-101").containsEntry("learner_id", "learner-7")
        .containsEntry("service_document_id", id);

    ApiClient.Response found = api.search("Which organelle makes ATP for the cell?", 3,
        Map.of("course", "bio-101"));
    assertThat(found.status()).isEqualTo(200);
    JsonNode top = found.body().path("hits").get(0);
    assertThat(top.path("text").asText()).contains("mitochondria");
    assertThat(top.path("source_uri").asText()).isEqualTo(sourceUri);
    assertThat(top.path("page").asInt()).isEqualTo(1);
    assertThat(top.path("document_id").asText()).isEqualTo(id);
    assertThat(top.path("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(found.body().path("mode").asText()).isEqualTo("hybrid");
    // One document id: the service's, never the pipeline's content-derived one beside it.
    assertThat(top.path("metadata").has("document_id")).isFalse();
    assertThat(top.path("metadata").has("service_document_id")).isFalse();
    assertThat(top.path("metadata").path("course").asText()).isEqualTo("bio-101");

    // Keyword mode finds the exact term and marks it in the snippet.
    ApiClient.Response keyword = api.postJson("/api/v1/search", Map.of("query", "mitochondria", "k", 1,
        "mode", "keyword", "filters", Map.of("course", "bio-101")), api.userKey());
    assertThat(keyword.status()).isEqualTo(200);
    JsonNode exact = keyword.body().path("hits").get(0);
    assertThat(exact.path("document_id").asText()).isEqualTo(id);
    assertThat(exact.path("snippet").asText()).contains("<mark>");
    assertThat(exact.path("snippet_markup").asText()).isEqualTo("html-mark");
    ApiClient.Response vector = api.postJson("/api/v1/search", Map.of("query", "Which organelle makes ATP?",
        "k", 1, "mode", "vector", "filters", Map.of("course", "bio-101")), api.userKey());
    assertThat(vector.body().path("hits").get(0).path("text").asText()).contains("mitochondria");

    // The answer is on page 2; a passage that starts on page 1 and runs onto it says so with its page range.
    ApiClient.Response page2 = api.search("What causes earthquakes?", 1, Map.of("course", "bio-101"));
    JsonNode quake = page2.body().path("hits").get(0);
    assertThat(quake.path("text").asText()).contains("earthquakes");
    int first = quake.path("page").asInt();
    int last = quake.path("page_end").isMissingNode() || quake.path("page_end").isNull() ? first
        : quake.path("page_end").asInt();
    assertThat(2).isBetween(first, last);

    ApiClient.Response listed = api.get("/api/v1/documents?course=bio-101&status=INDEXED");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().path("items")).extracting(n -> n.path("id").asText()).contains(id);
    assertThat(api.get("/api/v1/documents?course=bio-101&status=FAILED").body().path("total").asLong())
        .isZero();

    // Delete: object, chunks and record go.
    assertThat(api.delete("/api/v1/documents/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/documents/" + id).status()).isEqualTo(404);
    assertThat(index.countSource(sourceUri)).isZero();
    assertThat(api.search("Which organelle makes ATP for the cell?", 3, Map.of("course", "bio-101"))
        .body().path("hits")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> s3.headObject(b -> b.bucket(env.documentsBucket()).key(key)))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void objectsAlreadyInS3AreIngestedByPrefixAndReingestingLeavesNoDuplicates(S3Client s3) {
    ApiClient api = api();
    String prefix = "library/geometry-" + System.nanoTime() + "/";
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(prefix + "triangles.md"), RequestBody.fromString(
        "# Triangles\nThe angles of a triangle always add up to one hundred and eighty degrees."));
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(prefix + "circles.txt"), RequestBody.fromString(
        "The circumference of a circle is two times pi times the radius.", StandardCharsets.UTF_8));

    ApiClient.Response accepted = api.postJson("/api/v1/documents/ingest",
        Map.of("uri", "s3://" + env.documentsBucket() + "/" + prefix, "course", "geo-1"), api.userKey());
    assertThat(accepted.status()).isEqualTo(202);
    List<String> ids = new ArrayList<>();
    accepted.body().path("documents").forEach(d -> ids.add(d.path("id").asText()));
    assertThat(ids).hasSize(2);
    for (String id : ids) {
      assertThat(api.awaitTerminal(id, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");
    }
    String triangles = "s3://" + env.documentsBucket() + "/" + prefix + "triangles.md";
    long chunks = index.countSource(triangles);
    assertThat(chunks).isPositive();

    // The same object again, forced: same document, re-ingested, same chunks — no duplicates.
    ApiClient.Response again = api.postJson("/api/v1/documents/ingest",
        Map.of("uri", triangles, "course", "geo-1", "force", true), api.userKey());
    assertThat(again.status()).isEqualTo(202);
    String sameId = again.body().path("documents").get(0).path("id").asText();
    assertThat(ids).contains(sameId);
    JsonNode reindexed = api.awaitTerminal(sameId, Duration.ofSeconds(60));
    assertThat(reindexed.path("status").asText()).isEqualTo("INDEXED");
    assertThat(index.countSource(triangles)).isEqualTo(chunks);
    assertThat(api.search("sum of the angles of a triangle", 10, Map.of("course", "geo-1")).body().path("hits"))
        .filteredOn(h -> h.path("source_uri").asText().equals(triangles)).hasSize((int) chunks);

    // Deleting a document that was already in S3 leaves the object (the service did not create it).
    assertThat(api.delete("/api/v1/documents/" + sameId).status()).isEqualTo(204);
    assertThat(s3.headObject(b -> b.bucket(env.documentsBucket()).key(prefix + "triangles.md")).contentLength())
        .isPositive();
  }

  @Test
  void corruptPdfEndsFailedWithTheReasonWithoutRetrying() {
    ApiClient api = api();
    byte[] corrupt = "%PDF-1.7\nthis is not really a PDF at all, just its header".getBytes(StandardCharsets.US_ASCII);
    String id = api.upload("broken.pdf", corrupt, Map.of()).body().path("id").asText();
    JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(60));
    assertThat(doc.path("status").asText()).isEqualTo("FAILED");
    assertThat(doc.path("error").asText()).isNotBlank();
    assertThat(doc.path("attempts").asInt()).isEqualTo(1);
    assertThat(doc.path("failed_at").asText()).isNotBlank();
  }

  @Test
  void healthReportsEveryDependencyAndTheOpenApiDocumentDescribesTheApi() {
    ApiClient api = api();
    JsonNode health = api.get("/actuator/health", api.adminKey()).body();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    for (String component : new String[] {"db", "s3", "secretsManager", "index", "dbScheduler"}) {
      assertThat(health.path("components").path(component).path("status").asText()).as(component)
          .isEqualTo("UP");
    }
    JsonNode openApi = api.get("/v3/api-docs", null).body();
    assertThat(openApi.path("paths").has("/api/v1/documents")).isTrue();
    assertThat(openApi.path("paths").has("/api/v1/search")).isTrue();
    assertThat(openApi.path("paths").has("/api/v1/backups/restore")).isTrue();
  }
}
