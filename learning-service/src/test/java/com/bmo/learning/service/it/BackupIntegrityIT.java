package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.backup.TarBombs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Backup integrity against whoever can write the backups bucket (issue 10 item 8): they can rewrite an
 * object together with its metadata, as here through the AWS SDK, but not the record the service keeps in
 * PostgreSQL. A forged or unrecorded backup, or a tar bomb in its place, is refused with 422 and the live
 * index keeps answering as before.
 */
class BackupIntegrityIT extends ServiceIT {

  @Test
  void aBackupRewrittenWithItsMetadataIsRefusedAndTheIndexKept(S3Client s3) {
    ApiClient api = api();
    String course = "integrity-" + System.nanoTime();
    index(api, course, "volcanoes.md", "# Volcanoes\nMagma rises through the crust and erupts as lava.");
    String first = backup(api);
    index(api, course, "glaciers.md", "# Glaciers\nGlaciers carve U-shaped valleys as the ice moves.");
    String second = backup(api);
    index(api, course, "deserts.md", "# Deserts\nDunes form where wind drops the sand it carried.");

    // The attacker puts the second (genuine, self-consistent) backup in place of the first, metadata and all:
    // the object's own SHA-256 matches, so only the service's record can tell.
    byte[] genuine = s3.getObjectAsBytes(b -> b.bucket(env.backupsBucket()).key(second)).asByteArray();
    Map<String, String> metadata = s3.headObject(b -> b.bucket(env.backupsBucket()).key(second)).metadata();
    assertForgeriesRefused(api, s3, first, "forged.tar.gz", genuine, metadata);
    assertThat(BackupRestoreIT.finds(api, "Where do dunes form?", course, "Dunes")).isTrue();
    assertThat(BackupRestoreIT.finds(api, "How are U-shaped valleys formed?", course, "Glaciers")).isTrue();
  }

  @Test
  void aTarBombInPlaceOfABackupIsRefusedBeforeItIsExtracted(S3Client s3) {
    ApiClient api = api();
    String course = "bomb-" + System.nanoTime();
    index(api, course, "tides.md", "# Tides\nThe moon's gravity raises the tides twice a day.");
    String key = backup(api);
    // 2 GiB of zeros (about 2 MB compressed) with metadata that vouches for it.
    byte[] bomb = TarBombs.zeros(2048);
    Map<String, String> metadata = new HashMap<>(
        s3.headObject(b -> b.bucket(env.backupsBucket()).key(key)).metadata());
    metadata.put("sha256", DigestUtils.sha256Hex(bomb));
    metadata.put("index-bytes", Long.toString(3L << 30));
    assertForgeriesRefused(api, s3, key, "bomb.tar.gz", bomb, metadata);
    assertThat(BackupRestoreIT.finds(api, "Why are there tides?", course, "moon")).isTrue();
  }

  private void index(ApiClient api, String course, String name, String text) {
    String id = api.upload(name, text.getBytes(), Map.of("course", course)).body().path("id").asText();
    assertThat(api.awaitTerminal(id, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("INDEXED");
  }

  private String backup(ApiClient api) {
    ApiClient.Response full = api.postJson("/api/v1/backups", Map.of("type", "full"), api.adminKey());
    assertThat(full.status()).as("%s", full.body()).isEqualTo(201);
    return full.body().path("key").asText();
  }

  /**
   * Puts {@code content} with {@code metadata} in place of the recorded backup {@code key} and as an unrecorded
   * object {@code unrecordedName} beside it: restoring either is refused (422), with no stack trace logged.
   */
  private static void assertForgeriesRefused(ApiClient api, S3Client s3, String key, String unrecordedName,
      byte[] content, Map<String, String> metadata) {
    put(s3, key, content, metadata);
    String unrecorded = key.substring(0, key.lastIndexOf('/') + 1) + unrecordedName;
    put(s3, unrecorded, content, metadata);
    try (LogCapture log = LogCapture.all()) {
      assertRefused(api, key, "recorded with");
      assertRefused(api, unrecorded, "no record");
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
  }

  private static void assertRefused(ApiClient api, String key, String detail) {
    ApiClient.Response refused = api.postJson("/api/v1/backups/restore", Map.of("key", key), api.adminKey());
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("detail").asText()).contains(detail);
  }

  private static void put(S3Client s3, String key, byte[] content, Map<String, String> metadata) {
    s3.putObject(b -> b.bucket(env.backupsBucket()).key(key).metadata(metadata), RequestBody.fromBytes(content));
  }
}
