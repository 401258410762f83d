package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, through real HTTP: every route with no key, a user key and an admin key; and the path
 * spellings that once skipped the key check ({@code ;}, percent-encoding, {@code //}, {@code ..}).
 */
class AccessControlIT extends ServiceIT {

  /** One route and the status each caller gets. */
  record Route(String method, String path, String body, int anonymous, int user, int admin) {
  }

  private static final String NONE = null;

  private List<Route> routes() {
    String missingDoc = "/api/v1/documents/" + UUID.randomUUID();
    return List.of(
        new Route("GET", "/api/v1/documents", null, 401, 200, 200),
        new Route("GET", missingDoc, null, 401, 404, 404),
        new Route("DELETE", missingDoc, null, 401, 404, 404),
        new Route("POST", "/api/v1/documents/ingest",
            "{\"uri\":\"s3://" + env.documentsBucket() + "/no/such/object.md\"}", 401, 422, 422),
        new Route("POST", "/api/v1/search", "{\"query\":\"fractions\",\"k\":1}", 401, 200, 200),
        new Route("GET", "/api/v1/backups", null, 401, 403, 200),
        new Route("POST", "/api/v1/backups", "{\"type\":\"weekly\"}", 401, 403, 400),
        new Route("POST", "/api/v1/backups/restore", "{\"key\":\"index/none/full/x.tar.gz\"}", 401, 403, 404),
        new Route("GET", "/actuator/metrics", null, 401, 403, 200),
        new Route("GET", "/actuator/info", null, 401, 403, 200),
        new Route("GET", "/actuator/health", null, 200, 200, 200),
        new Route("GET", "/actuator/health/liveness", null, 200, 200, 200),
        new Route("GET", "/actuator/health/readiness", null, 200, 200, 200),
        new Route("GET", "/v3/api-docs", null, 200, 200, 200),
        new Route("GET", "/swagger-ui/index.html", null, 200, 200, 200),
        // Deny by default: a path nobody declared is refused before anything looks it up.
        new Route("GET", "/internal/anything", null, 401, 403, 403),
        new Route("GET", "/api/v1/nothing-here", null, 401, 404, 404));
  }

  @Test
  void everyRouteAnswersEachKindOfCallerAsDeclared() {
    ApiClient api = api();
    List<String> wrong = new ArrayList<>();
    for (Route r : routes()) {
      check(api, r, NONE, r.anonymous(), wrong);
      check(api, r, api.userKey(), r.user(), wrong);
      check(api, r, api.adminKey(), r.admin(), wrong);
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(ApiClient api, Route r, String key, int expected, List<String> wrong) {
    ApiClient.RawResponse response = api.raw(r.method(), r.path(), key, r.body());
    String who = key == null ? "anonymous" : key.equals(api.adminKey()) ? "admin" : "user";
    if (response.status() != expected) {
      wrong.add(r.method() + " " + r.path() + " as " + who + ": " + response.status() + " (expected " + expected
          + ") " + response.body());
    } else if (expected >= 400 && !response.headers().getOrDefault("content-type", "")
        .startsWith("application/problem+json")) {
      wrong.add(r.method() + " " + r.path() + " as " + who + ": not problem+json");
    } else if (expected == 401 && !response.headers().getOrDefault("www-authenticate", "").contains("X-API-Key")) {
      wrong.add(r.method() + " " + r.path() + " as " + who + ": 401 without WWW-Authenticate");
    }
  }

  @Test
  void uploadNeedsAUserKey() {
    ApiClient api = api();
    byte[] lesson = "# Keys\nOnly callers with a key may upload.".getBytes(StandardCharsets.UTF_8);
    assertThat(api.upload("keys.md", lesson, Map.of(), null).status()).isEqualTo(401);
    assertThat(api.upload("keys.md", lesson, Map.of(), "bmo_not-a-real-key").status()).isEqualTo(401);
    assertThat(api.upload("keys.md", lesson, Map.of(), api.userKey()).status()).isEqualTo(202);
    assertThat(api.upload("keys.md", lesson, Map.of(), api.adminKey()).status()).isEqualTo(202);
  }

  @Test
  void anonymousHealthShowsTheStatusOnlyAndAdminsSeeTheComponents() {
    ApiClient api = api();
    JsonNode anonymous = api.get("/actuator/health", null).body();
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
    assertThat(anonymous.toString()).doesNotContain(env.documentsBucket()).doesNotContain("api-keys");
    assertThat(api.get("/actuator/health", api.userKey()).body().has("components")).isFalse();
    JsonNode admin = api.get("/actuator/health", api.adminKey()).body();
    assertThat(admin.path("components").path("s3").path("status").asText()).isEqualTo("UP");
    // A component by name is not a way around it.
    assertThat(api.get("/actuator/health/s3", null).status()).isEqualTo(401);
  }

  @Test
  void pathSpellingsThatOnceSkippedTheKeyAreRefused() {
    ApiClient api = api();
    String id = UUID.randomUUID().toString();
    List<String> wrong = new ArrayList<>();
    try (LogCapture log = LogCapture.all()) {
      // The firewall refuses what is not a plain, normalised path: 400, whoever asks.
      for (String[] trick : new String[][] {
          {"GET", "/api;/v1/documents"},
          {"POST", "/api;/v1/documents"},
          {"DELETE", "/api;/v1/documents/" + id},
          {"GET", "/api/v1;x=1/documents"},
          {"GET", "//api/v1/documents"},
          {"GET", "/api//v1/documents"},
          {"GET", "/api/v1/backups/../documents"},
          {"GET", "/api/v1/%2e%2e/v1/documents"},
          {"GET", "/api%2Fv1/documents"},
          {"GET", "/api/v1/documents%00"},
          {"POST", "/api;/v1/backups"}}) {
        for (String key : new String[] {null, api.userKey()}) {
          ApiClient.RawResponse r = api.raw(trick[0], trick[1], key, trick[0].equals("POST") ? "{}" : null);
          String got = r.status() + " " + r.headers().get("content-type");
          if (!got.startsWith("400 application/problem+json") || r.json().path("status").asInt() != 400) {
            wrong.add(trick[0] + " " + trick[1] + (key == null ? " anonymous: " : " user: ") + got);
          }
        }
      }
      assertThat(wrong).isEmpty();
      // Percent-encoded letters decode to the real path, and the rules match the decoded path.
      ApiClient.RawResponse encoded = api.raw("POST", "/%61pi/v1/search", null, "{\"query\":\"x\"}");
      assertThat(encoded.status()).isEqualTo(401);
      assertThat(api.raw("GET", "/%61pi/v1/backups", api.userKey(), null).status()).isEqualTo(403);
      assertThat(api.raw("GET", "/api/v1/%62ackups", api.userKey(), null).status()).isEqualTo(403);
      assertThat(api.raw("GET", "/API/v1/documents", null, null).status()).isIn(401, 404);

      assertThat(log.stackTracesAndErrors()).as("client mistakes are not server errors").isEmpty();
    }
  }

  @Test
  void ingestReadsOnlyFromTheDocumentsBucket() {
    ApiClient api = api();
    try (LogCapture audit = LogCapture.of("audit")) {
      for (String uri : List.of("s3://" + env.backupsBucket() + "/index/", "s3://" + env.backupsBucket()
          + "/index/lessons/full/x.tar.gz", "s3://another-teams-bucket/secrets/", "s3://" + env.documentsBucket()
          + "-other/x.md")) {
        for (String key : List.of(api.userKey(), api.adminKey())) {
          ApiClient.Response r = api.postJson("/api/v1/documents/ingest", Map.of("uri", uri), key);
          assertThat(r.status()).as("%s", uri).isEqualTo(403);
          assertThat(r.contentType()).startsWith("application/problem+json");
          assertThat(r.body().path("detail").asText()).contains(env.documentsBucket());
        }
      }
      assertThat(AuditIT.lines(audit)).anySatisfy(l -> {
        assertThat(l.path("action").asText()).isEqualTo("ingest");
        assertThat(l.path("outcome").asText()).isEqualTo("denied");
        assertThat(l.path("target").asText()).startsWith("s3://" + env.backupsBucket());
      });
    }
  }

  @Test
  void responsesCarrySecurityHeaders() {
    ApiClient api = api();
    for (ApiClient.RawResponse r : List.of(api.raw("GET", "/api/v1/documents", api.userKey(), null),
        api.raw("GET", "/api/v1/documents", null, null), api.raw("GET", "/actuator/health", null, null))) {
      assertThat(r.headers()).containsEntry("x-content-type-options", "nosniff")
          .containsEntry("x-frame-options", "DENY");
      assertThat(r.headers().get("cache-control")).contains("no-store");
    }
  }

  @Test
  void theOpenApiDocumentDeclaresTheApiKey() {
    JsonNode doc = api().get("/v3/api-docs", null).body();
    JsonNode scheme = doc.path("components").path("securitySchemes").path("apiKey");
    assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
    assertThat(scheme.path("in").asText()).isEqualTo("header");
    assertThat(scheme.path("name").asText()).isEqualTo("X-API-Key");
    assertThat(doc.path("security").get(0).has("apiKey")).isTrue();
  }
}
