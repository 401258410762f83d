package com.bmo.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learning search} and {@code learning backups create|list|restore}. */
class SearchAndBackupsCliIT extends CliIT {

  @Test
  void searchPrintsRankedHitsWithPageAndSourceOrTheServicesJson(@TempDir Path dir) throws Exception {
    Path pdf = Files.write(dir.resolve("weather.pdf"), TestDocuments.pdf(
        "Page one. Clouds form when water vapour condenses around dust.",
        "Page two. Lightning is a discharge of static electricity inside a storm cloud."));
    Run upload = cli("documents", "upload", pdf.toString(), "--course", "cli-search", "--wait", "--poll-interval",
        "200");
    assertThat(upload.exitCode()).as(upload.toString()).isZero();

    Run run = cli("search", "What causes lightning?", "--course", "cli-search", "-k", "2");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String first = run.out().lines().findFirst().orElseThrow();
    JsonNode top = cli("search", "What causes lightning?", "--course", "cli-search", "-k", "2", "--json").json()
        .path("hits").get(0);
    String pages = top.path("page").asText() + (top.hasNonNull("page_end")
        && top.path("page_end").asInt() != top.path("page").asInt() ? "-" + top.path("page_end").asText() : "");
    assertThat(first).startsWith("1. ").contains("page " + pages);
    assertThat(run.out()).containsPattern("\\*?Lightning\\*? is a discharge").contains("s3://" + env.documentsBucket() + "/uploads/");

    JsonNode json = cli("search", "What causes lightning?", "--filter", "course=cli-search", "--json").json();
    assertThat(json.path("hits").get(0).path("page").asInt()).isPositive();
    assertThat(json.path("hits").get(0).path("text").asText()).contains("Lightning");

    Run none = cli("search", "What causes lightning?", "--course", "no-such-course");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).contains("no hits");
  }

  @Test
  void anAdminBacksUpListsAndRestoresWhileAUserIsRefused(@TempDir Path dir) {
    cli("documents", "upload", write(dir, "backup-me.md", "# Backups\nCopies kept elsewhere.").toString(),
        "--course", "cli-backup", "--wait");
    Map<String, String> admin = Map.of("LEARNING_ENDPOINT", url, "LEARNING_API_KEY", env.adminKey());

    Run created = cliWith(admin, "backups", "create", "--type", "full", "--json");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    String key = created.json().path("key").asText();
    assertThat(key).isNotBlank();
    assertThat(created.json().path("chunk_count").asLong()).isPositive();

    Run listed = cliWith(admin, "backups", "list");
    assertThat(listed.out()).contains("KEY").contains(key);

    Run restored = cliWith(admin, "backups", "restore", key);
    assertThat(restored.exitCode()).as(restored.toString()).isZero();
    assertThat(restored.out()).startsWith("restored " + key + ": ").contains("chunks in the index");

    Run missing = cliWith(admin, "backups", "restore", "index/no-such-backup.tar.gz");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.NOT_FOUND);

    Run asUser = cli("backups", "create");
    assertThat(asUser.exitCode()).as(asUser.toString()).isEqualTo(ExitCode.AUTH);
    assertThat(asUser.err()).contains("HTTP 403");
  }
}
