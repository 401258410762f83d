package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes that once got a 500 (with a stack trace in the log) or were silently accepted: each is a
 * 400 problem that says what is wrong, and the log shows no stack trace for any of them.
 */
class ClientMistakesIT extends ServiceIT {

  private static final byte[] LESSON = "# Lesson\nSome text.".getBytes(StandardCharsets.UTF_8);

  private static JsonNode assertBadRequest(ApiClient.Response r) {
    assertThat(r.status()).as("status of %s", r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body().path("detail").asText()).isNotBlank();
    assertThat(r.body().toString()).doesNotContain("\tat ").doesNotContain("Exception");
    return r.body();
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  @Test
  void deeplyNestedJsonIs400() {
    ApiClient api = api();
    try (LogCapture log = LogCapture.all()) {
      JsonNode p = assertBadRequest(api.upload("a.md", LESSON, Map.of("metadata", nested(5000))));
      assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("metadata");
      assertBadRequest(api.upload("a.md", LESSON, Map.of("metadata", nested(50))));
      assertBadRequest(api.postJson("/api/v1/search", "{\"query\":\"x\",\"filters\":" + nested(5000) + "}",
          api.userKey()));
      assertBadRequest(api.postJson("/api/v1/documents/ingest", "{\"uri\":\"s3://" + env.documentsBucket()
          + "/x.md\",\"metadata\":" + nested(5000) + "}", api.userKey()));
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
  }

  @Test
  void controlCharactersAndBrokenEncodedFileNamesAre400() {
    ApiClient api = api();
    try (LogCapture log = LogCapture.all()) {
      for (String disposition : List.of(
          "name=\"file\"; filename=\"a\u0000b.md\"",
          "name=\"file\"; filename=\"line\u0001one.md\"",
          "name=\"file\"; filename*=UTF-8''%ZZlesson.md",
          "name=\"file\"; filename*=UTF-8''%E2%82.md",
          "name=\"file\"; filename*=UTF-8''a%00b.md")) {
        JsonNode p = assertBadRequest(api.multipart(List.of(new ApiClient.Part(disposition, LESSON)), api.userKey()));
        assertThat(p.path("detail").asText()).as(disposition).containsIgnoringCase("file");
      }
      // A well-formed RFC 5987 name is fine.
      assertThat(api.multipart(List.of(new ApiClient.Part("name=\"file\"; filename*=UTF-8''caf%C3%A9.md", LESSON)),
          api.userKey()).status()).isEqualTo(202);
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
  }

  @Test
  void anOverlongFileNameIs400NotFileTooLarge() {
    ApiClient api = api();
    try (LogCapture log = LogCapture.all()) {
      JsonNode p = assertBadRequest(api.upload("n".repeat(1000) + ".md", LESSON, Map.of()));
      assertThat(p.path("detail").asText()).contains("name");
      assertBadRequest(api.upload("é".repeat(3000) + ".md", LESSON, Map.of()));
      assertThat(api.upload("n".repeat(200) + ".md", LESSON, Map.of()).status()).isEqualTo(202);
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
  }

  @Test
  void twoFilePartsAre400() {
    ApiClient api = api();
    JsonNode p = assertBadRequest(api.multipart(List.of(
        new ApiClient.Part("name=\"file\"; filename=\"one.md\"", LESSON),
        new ApiClient.Part("name=\"file\"; filename=\"two.md\"", LESSON)), api.userKey()));
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("file");
  }

  @Test
  void aNonIntegerKIs400() {
    ApiClient api = api();
    try (LogCapture log = LogCapture.all()) {
      JsonNode p = assertBadRequest(api.postJson("/api/v1/search", "{\"query\":\"fractions\",\"k\":2.7}", api.userKey()));
      assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("k");
      assertBadRequest(api.postJson("/api/v1/search", "{\"query\":\"fractions\",\"k\":\"many\"}", api.userKey()));
      assertBadRequest(api.postJson("/api/v1/search", "{\"query\":\"fractions\",\"k\":true}", api.userKey()));
      assertThat(api.postJson("/api/v1/search", "{\"query\":\"fractions\",\"k\":3}", api.userKey()).status())
          .isEqualTo(200);
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
  }

  @Test
  void inputCannotForgeALogLine() {
    ApiClient api = api();
    String forged = "evil\u0000\n12:00:00.000 ERROR forged line " + System.nanoTime();
    String uri = "s3://" + env.documentsBucket() + "/mistakes/" + forged + ".md";
    try (LogCapture all = LogCapture.all(); LogCapture audit = LogCapture.of("audit")) {
      assertBadRequest(api.postJson("/api/v1/documents/ingest", Map.of("uri", uri), api.userKey()));
      // A NUL in a part header never reaches the service (the multipart body is refused); a line break does.
      String name = forged.replace("\u0000", "\r") + ".md";
      assertBadRequest(api.multipart(List.of(new ApiClient.Part("name=\"file\"; filename*=UTF-8''"
          + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), LESSON)), api.userKey()));

      List<ILoggingEvent> mentioning = all.events().stream()
          .filter(e -> e.getFormattedMessage().contains("forged line")).toList();
      assertThat(mentioning).as("the refused ingest and upload are logged (audit)").hasSizeGreaterThanOrEqualTo(2);
      assertThat(mentioning).allSatisfy(e -> assertThat(e.getFormattedMessage())
          .doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000").containsPattern("evil\\\\(u0000|r)\\\\n12:00"));
      assertThat(audit.events()).extracting(e -> ApiClient.JSON.readTree(e.getFormattedMessage()))
          .anySatisfy(line -> assertThat(line.path("target").asText()).isEqualTo(uri))
          .anySatisfy(line -> assertThat(line.path("target").asText()).isEqualTo("file:" + name));
    }
  }
}
