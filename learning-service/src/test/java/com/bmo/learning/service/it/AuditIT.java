package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads, ingests and deletes leave one JSON audit line each: who, what, on which target, how it ended. */
class AuditIT extends ServiceIT {

  static List<JsonNode> lines(LogCapture audit) {
    return audit.events().stream().map(e -> {
      try {
        return ApiClient.JSON.readTree(e.getFormattedMessage());
      } catch (java.io.IOException x) {
        throw new AssertionError("not a JSON audit line: " + e.getFormattedMessage(), x);
      }
    }).toList();
  }

  static void assertLine(List<JsonNode> lines, String principal, String action, String target, String outcome) {
    assertThat(lines).as("audit lines").anySatisfy(l -> {
      assertThat(l.path("principal").asText()).isEqualTo(principal);
      assertThat(l.path("action").asText()).isEqualTo(action);
      assertThat(l.path("target").asText()).startsWith(target);
      assertThat(l.path("outcome").asText()).isEqualTo(outcome);
    });
  }

  @Test
  void uploadsIngestsAndDeletesAreAudited(S3Client s3) {
    ApiClient api = api();
    String key = "audit/" + System.nanoTime() + "/lesson.md";
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(key), RequestBody.fromString("# Audit\nWho did it."));
    try (LogCapture audit = LogCapture.of("audit")) {
      String uploaded = api.upload("audited.md", "# Audited\nText.".getBytes(StandardCharsets.UTF_8), Map.of())
          .body().path("id").asText();
      String uri = "s3://" + env.documentsBucket() + "/" + key;
      String ingested = api.postJson("/api/v1/documents/ingest", Map.of("uri", uri), api.adminKey())
          .body().path("documents").get(0).path("id").asText();
      assertThat(api.delete("/api/v1/documents/" + uploaded).status()).isEqualTo(204);
      assertThat(api.postJson("/api/v1/documents/ingest", Map.of("uri", uri + ".missing"), api.userKey()).status())
          .isEqualTo(422);

      List<JsonNode> lines = lines(audit);
      assertLine(lines, "it-user", "upload", "document:" + uploaded, "success");
      assertLine(lines, "it-admin", "ingest", uri, "success");
      assertLine(lines, "it-user", "delete", "document:" + uploaded, "success");
      assertLine(lines, "it-user", "ingest", uri + ".missing", "failed");
      assertThat(lines).allSatisfy(l -> assertThat(l.toString()).doesNotContain(api.userKey())
          .doesNotContain(api.adminKey()));
      assertThat(ingested).isNotBlank();
    }
  }

  @Test
  void refusedRequestsAreAuditedWithoutTheKey() {
    ApiClient api = api();
    String wrongKey = "not-a-valid-key-" + System.nanoTime();
    try (LogCapture audit = LogCapture.of("audit")) {
      assertThat(api.get("/api/v1/documents", null).status()).isEqualTo(401);
      assertThat(api.postJson("/api/v1/search", Map.of("query", "budgets"), wrongKey).status()).isEqualTo(401);
      assertThat(api.postJson("/api/v1/backups", Map.of("type", "full"), api.userKey()).status()).isEqualTo(403);
      assertThat(api.get("/actuator/metrics", api.userKey()).status()).isEqualTo(403);

      List<JsonNode> lines = lines(audit);
      assertLine(lines, "anonymous", "access", "GET /api/v1/documents", "denied");
      assertLine(lines, "anonymous", "access", "POST /api/v1/search", "denied");
      assertLine(lines, "it-user", "access", "POST /api/v1/backups", "denied");
      assertLine(lines, "it-user", "access", "GET /actuator/metrics", "denied");
      assertThat(lines).anySatisfy(l -> assertThat(l.path("detail").asText()).isEqualTo("401: API key not valid"));
      assertThat(lines).anySatisfy(l -> assertThat(l.path("detail").asText()).isEqualTo("403: needs the admin role"));
      assertThat(lines).allSatisfy(l -> assertThat(l.toString()).doesNotContain(wrongKey)
          .doesNotContain(api.userKey()));
    }
  }
}
