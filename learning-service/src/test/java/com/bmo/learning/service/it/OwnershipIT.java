package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each key sees its own documents, its granted courses' and the shared ones; admins see all. Reads, lists,
 * deletes, content links, re-ingests and search results all follow it, and learner_id is shown only to the
 * document's owner and admins.
 */
class OwnershipIT extends ServiceIT {

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }

  private static List<String> sources(ApiClient.Response search) {
    List<String> sources = new ArrayList<>();
    search.body().path("hits").forEach(h -> sources.add(h.path("document_id").asText()));
    return sources;
  }

  @Test
  void usersReachOnlyTheirOwnAndTheirGrantedCoursesDocuments() {
    ApiClient api = api();
    String own = "ownership-" + System.nanoTime();
    String mine = api.upload("okapi.md", ("# Okapis\nThe okapi is a giraffid of the Congo rainforest, "
        + "with zebra stripes on its legs.").getBytes(StandardCharsets.UTF_8),
        Map.of("course", own, "learner_id", "learner-9")).body().path("id").asText();
    String granted = api.upload("quokka.md", ("# Quokkas\nThe quokka is a small wallaby of Rottnest "
        + "Island that seems to smile.").getBytes(StandardCharsets.UTF_8),
        Map.of("course", TestEnvironment.GRANTED_COURSE, "learner_id", "learner-5")).body().path("id").asText();
    assertThat(api.awaitTerminal(mine, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");
    assertThat(api.awaitTerminal(granted, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");
    String other = env.otherUserKey();
    String teacher = env.teacherKey();

    // The owner sees everything of its documents, learner_id included.
    assertThat(api.get("/api/v1/documents/" + mine).body().path("learner_id").asText()).isEqualTo("learner-9");
    assertThat(sources(api.search("striped giraffid of the rainforest", 5, null))).contains(mine);
    assertThat(api.search("striped giraffid of the rainforest", 5, Map.of("course", own)).body().path("hits")
        .get(0).path("metadata").path("learner_id").asText()).isEqualTo("learner-9");

    // Another user: as if they did not exist.
    for (String id : List.of(mine, granted)) {
      assertThat(api.get("/api/v1/documents/" + id, other).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/documents/" + id + "/content-url", other).status()).isEqualTo(404);
      assertThat(api.delete("/api/v1/documents/" + id, other).status()).isEqualTo(404);
    }
    assertThat(ids(api.get("/api/v1/documents?size=100", other).body().path("items"))).doesNotContain(mine, granted);
    assertThat(sources(api.search("striped giraffid of the rainforest", 10, null, other))).doesNotContain(mine);
    assertThat(sources(api.search("smiling wallaby of Rottnest Island", 10, null, other))).doesNotContain(granted);
    String mineUri = api.get("/api/v1/documents/" + mine).body().path("source_uri").asText();
    assertThat(api.postJson("/api/v1/documents/ingest", Map.of("uri", mineUri), other).status()).isEqualTo(403);

    // A user granted the course: that course's documents, without their learner_id; not the rest.
    assertThat(api.get("/api/v1/documents/" + mine, teacher).status()).isEqualTo(404);
    JsonNode seen = api.get("/api/v1/documents/" + granted, teacher).body();
    assertThat(seen.path("id").asText()).isEqualTo(granted);
    assertThat(seen.has("learner_id")).isFalse();
    assertThat(ids(api.get("/api/v1/documents?size=100", teacher).body().path("items"))).contains(granted)
        .doesNotContain(mine);
    ApiClient.Response found = api.search("smiling wallaby of Rottnest Island", 5, null, teacher);
    assertThat(sources(found)).contains(granted).doesNotContain(mine);
    found.body().path("hits").forEach(h -> assertThat(h.path("metadata").has("learner_id")).isFalse());

    // Admins see all, learner_id included.
    assertThat(api.get("/api/v1/documents/" + granted, api.adminKey()).body().path("learner_id").asText())
        .isEqualTo("learner-5");
    assertThat(sources(api.search("striped giraffid of the rainforest", 5, null, api.adminKey()))).contains(mine);

    // Deletes: the granted course's user may delete it; the owner its own.
    assertThat(api.delete("/api/v1/documents/" + granted, teacher).status()).isEqualTo(204);
    assertThat(api.delete("/api/v1/documents/" + mine).status()).isEqualTo(204);
  }

  @Test
  void clientsCannotClaimAnOwnerThroughMetadata() {
    ApiClient api = api();
    ApiClient.Response r = api.upload("a.md", "# A\nText.".getBytes(StandardCharsets.UTF_8),
        Map.of("metadata", "{\"uploaded_by\":\"key:it-other\"}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("errors").get(0).path("field").asText()).isEqualTo("metadata.uploaded_by");
  }
}
