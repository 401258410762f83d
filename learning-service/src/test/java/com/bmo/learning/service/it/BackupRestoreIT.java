package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full and incremental backups of the index through the API, and restores that bring the index back to them. */
class BackupRestoreIT extends ServiceIT {

  static boolean finds(ApiClient api, String question, String course, String expected) {
    JsonNode hits = api.search(question, 5, Map.of("course", course)).body().path("hits");
    for (JsonNode h : hits) {
      if (h.path("text").asText().contains(expected)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void backupThenRestoreBringsTheIndexBackToTheBackup(software.amazon.awssdk.services.s3.S3Client s3) {
    ApiClient api = api();
    String course = "backup-" + System.nanoTime();
    String first = api.upload("volcanoes.md", "# Volcanoes\nMagma rises through the crust and erupts as lava."
        .getBytes(), Map.of("course", course)).body().path("id").asText();
    assertThat(api.awaitTerminal(first, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");

    LogCapture audit = LogCapture.of("audit");
    ApiClient.Response full = api.postJson("/api/v1/backups", Map.of("type", "full"), api.adminKey());
    assertThat(full.status()).isEqualTo(201);
    String fullKey = full.body().path("key").asText();
    assertThat(full.body().path("kind").asText()).isEqualTo("FULL");
    assertThat(full.body().path("bucket").asText()).isEqualTo(env.backupsBucket());
    assertThat(full.body().path("chunk_count").asLong()).isPositive();

    String second = api.upload("glaciers.md", "# Glaciers\nGlaciers carve U-shaped valleys as the ice moves."
        .getBytes(), Map.of("course", course)).body().path("id").asText();
    assertThat(api.awaitTerminal(second, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");

    ApiClient.Response incremental = api.postJson("/api/v1/backups", Map.of("type", "INCREMENTAL"), api.adminKey());
    assertThat(incremental.status()).isEqualTo(201);
    String incrementalKey = incremental.body().path("key").asText();
    assertThat(incremental.body().path("kind").asText()).isEqualTo("INCREMENTAL");
    assertThat(incremental.body().path("chunk_count").asLong())
        .isGreaterThan(full.body().path("chunk_count").asLong());

    JsonNode listed = api.get("/api/v1/backups", api.adminKey()).body().path("backups");
    assertThat(listed).extracting(b -> b.path("key").asText()).contains(fullKey, incrementalKey);

    assertThat(finds(api, "How are U-shaped valleys formed?", course, "Glaciers")).isTrue();

    ApiClient.Response restored = api.postJson("/api/v1/backups/restore", Map.of("key", fullKey), api.adminKey());
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.body().path("chunk_count").asLong()).isEqualTo(full.body().path("chunk_count").asLong());
    assertThat(finds(api, "How are U-shaped valleys formed?", course, "Glaciers")).isFalse();
    audit.close();
    java.util.List<JsonNode> lines = AuditIT.lines(audit);
    AuditIT.assertLine(lines, "it-admin", "backup", "backup:" + fullKey, "success");
    AuditIT.assertLine(lines, "it-admin", "backup", "backup:" + incrementalKey, "success");
    AuditIT.assertLine(lines, "it-admin", "restore", "backup:" + fullKey, "success");
    assertThat(finds(api, "What comes out of a volcano?", course, "Magma")).isTrue();

    assertThat(api.postJson("/api/v1/backups/restore", Map.of("key", incrementalKey), api.adminKey()).status())
        .isEqualTo(200);
    assertThat(finds(api, "How are U-shaped valleys formed?", course, "Glaciers")).isTrue();

    // A backup whose bytes were replaced (same metadata, so the recorded hash no longer matches): 422.
    var head = s3.headObject(b -> b.bucket(env.backupsBucket()).key(fullKey));
    String tampered = fullKey.replace(".tar.gz", "-tampered.tar.gz");
    s3.putObject(b -> b.bucket(env.backupsBucket()).key(tampered).metadata(head.metadata()),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[(int) Math.min(head.contentLength(), 4096)]));
    try (LogCapture log = LogCapture.all()) {
      ApiClient.Response refused = api.postJson("/api/v1/backups/restore", Map.of("key", tampered), api.adminKey());
      assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
    assertThat(finds(api, "How are U-shaped valleys formed?", course, "Glaciers")).isTrue();

    ApiClient.Response missing = api.postJson("/api/v1/backups/restore",
        Map.of("key", "index/lessons/full/19990101T000000000Z.tar.gz"), api.adminKey());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(api.postJson("/api/v1/backups", Map.of("type", "weekly"), api.adminKey()).status()).isEqualTo(400);
  }
}
