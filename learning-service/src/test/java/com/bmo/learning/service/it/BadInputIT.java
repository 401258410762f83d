package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets its status and an RFC 7807 problem body that says what is wrong. */
class BadInputIT extends ServiceIT {

  private static final byte[] LESSON = "# Lesson\nSome text.".getBytes(StandardCharsets.UTF_8);

  /** Status, problem content type, the fields RFC 7807 defines, and nothing of the server's insides. */
  private static JsonNode assertProblem(ApiClient.Response r, int status) {
    assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = r.body();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(body.has("type")).isTrue();
    assertThat(body.has("trace")).isFalse();
    assertThat(body.has("exception")).isFalse();
    assertThat(body.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
    return body;
  }

  @Test
  void tooLargeFileIs413() {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    JsonNode p = assertProblem(api().upload("big.txt", big, Map.of()), 413);
    assertThat(p.path("type").asText()).isEqualTo("urn:bmo-learning:problem:file-too-large");
  }

  @Test
  void wrongTypesAre415WhateverTheirNameSays() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    JsonNode p = assertProblem(api().upload("lesson.pdf", png, Map.of()), 415);
    assertThat(p.path("detail").asText()).contains("PNG");
    assertThat(p.path("type").asText()).isEqualTo("urn:bmo-learning:problem:unsupported-file-type");

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("word/document.xml"));
      z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(assertProblem(api().upload("notes.docx", zip.toByteArray(), Map.of()), 415)
        .path("detail").asText()).contains("ZIP");

    byte[] latin1 = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(api().upload("menu.txt", latin1, Map.of()), 415);
  }

  @Test
  void missingFileOrEmptyFileIs400() {
    JsonNode p = assertProblem(api().upload(null, null, Map.of("course", "x")), 400);
    assertThat(p.path("detail").asText()).contains("file");
    assertProblem(api().upload("empty.txt", new byte[0], Map.of()), 400);
  }

  @Test
  void badMetadataIs400WithEveryFieldListed() {
    JsonNode p = assertProblem(api().upload("a.md", LESSON, Map.of("metadata", "{not json")), 400);
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("metadata");

    p = assertProblem(api().upload("a.md", LESSON, Map.of("metadata", "[1,2]")), 400);
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("metadata");

    p = assertProblem(api().upload("a.md", LESSON, Map.of(
        "course", "bad/course!",
        "learner_id", "",
        "metadata", "{\"Unit\":\"1\",\"page\":\"2\",\"nested\":{\"a\":1},\"note\":\"caf\u00e9\"}")), 400);
    assertThat(p.path("type").asText()).isEqualTo("urn:bmo-learning:problem:invalid-request");
    assertThat(p.path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("course", "metadata.Unit", "metadata.page", "metadata.nested", "metadata.note");
  }

  @Test
  void missingOrUnknownApiKeyIs401AndNonAdminOnBackupsIs403() {
    ApiClient api = api();
    ApiClient.Response none = api.get("/api/v1/documents", null);
    assertProblem(none, 401);
    assertThat(none.header("WWW-Authenticate")).contains("X-API-Key");
    assertProblem(api.get("/api/v1/documents", "bmo_not-a-real-key"), 401);
    assertProblem(api.upload("a.md", LESSON, Map.of(), "bmo_not-a-real-key"), 401);
    assertProblem(api.get("/api/v1/documents", ""), 401);

    assertThat(assertProblem(api.postJson("/api/v1/backups", Map.of("type", "full"), api.userKey()), 403)
        .path("type").asText()).isEqualTo("urn:bmo-learning:problem:forbidden");
    assertProblem(api.get("/api/v1/backups", api.userKey()), 403);
    assertProblem(api.postJson("/api/v1/backups/restore", Map.of("key", "x"), api.userKey()), 403);
    assertProblem(api.postJson("/api/v1/backups", Map.of("type", "full"), null), 401);
  }

  @Test
  void unknownDocumentsPathsAndMethodsGetProblems() {
    ApiClient api = api();
    assertThat(assertProblem(api.get("/api/v1/documents/" + java.util.UUID.randomUUID()), 404)
        .path("type").asText()).isEqualTo("urn:bmo-learning:problem:document-not-found");
    assertProblem(api.get("/api/v1/documents/not-a-uuid"), 400);
    assertProblem(api.get("/api/v1/documents?status=DONE"), 400);
    assertProblem(api.get("/api/v1/documents?size=1000"), 400);
    assertProblem(api.get("/api/v1/nothing-here"), 404);
    assertProblem(api.get("/nothing-here", null), 401);  // deny by default, before any lookup
    assertProblem(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search"))
        .header("X-API-Key", api.userKey()).PUT(HttpRequest.BodyPublishers.noBody())), 405);
    // A JSON body where a multipart upload is expected.
    assertProblem(api.postJson("/api/v1/documents", Map.of("file", "x"), api.userKey()), 415);
  }

  @Test
  void badSearchesAndIngestRequestsAre400Or422() {
    ApiClient api = api();
    JsonNode p = assertProblem(api.postJson("/api/v1/search", Map.of("query", " ", "k", 500), api.userKey()), 400);
    assertThat(p.path("errors")).extracting(e -> e.path("field").asText()).contains("query", "k");
    assertProblem(api.postJson("/api/v1/search", "{\"query\": ", api.userKey()), 400);
    JsonNode mode = assertProblem(api.postJson("/api/v1/search", Map.of("query", "arrays", "mode", "fuzzy"),
        api.userKey()), 400);
    assertThat(mode.path("errors").get(0).path("field").asText()).isEqualTo("mode");

    assertThat(assertProblem(api.postJson("/api/v1/documents/ingest", Map.of("uri", "http://example.com/x.pdf"),
        api.userKey()), 400).path("errors").get(0).path("field").asText()).isEqualTo("uri");
    assertProblem(api.postJson("/api/v1/documents/ingest", Map.of(), api.userKey()), 400);
    assertThat(assertProblem(api.postJson("/api/v1/documents/ingest",
        Map.of("uri", "s3://" + env.documentsBucket() + "/no/such/lesson.pdf"), api.userKey()), 422)
        .path("type").asText()).isEqualTo("urn:bmo-learning:problem:source-not-found");
    assertProblem(api.postJson("/api/v1/documents/ingest",
        Map.of("uri", "s3://" + env.documentsBucket() + "/empty-prefix-" + System.nanoTime() + "/"), api.userKey()),
        422);
  }
}
