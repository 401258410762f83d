package com.bmo.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code learning documents upload|ingest|list|status|delete} against the running service. */
class DocumentsCliIT extends CliIT {

  @Test
  void uploadADirectoryInParallelAndWaitUntilEveryFileIsIndexed(@TempDir Path dir) throws Exception {
    write(dir, "algebra.md", "# Algebra\nA variable stands for an unknown number.");
    write(dir, "units/geometry.txt", "A right angle measures ninety degrees.");
    Files.write(dir.resolve("units/cells.pdf"), TestDocuments.pdf("Cells divide by mitosis."));
    write(dir, ".notes/secret.md", "not a lesson");

    Run run = cli("documents", "upload", dir.toString(), "--course", "cli-upload", "--parallel", "3", "--wait",
        "--poll-interval", "200");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("uploaded " + dir.resolve("algebra.md"))
        .contains("uploaded " + dir.resolve("units/cells.pdf")).doesNotContain("secret.md")
        .contains("3 uploaded, 0 refused; 3 indexed, 0 failed");
    assertThat(run.out().lines().filter(l -> l.startsWith("INDEXED")).count()).isEqualTo(3);
    JsonNode listed = api(env.userKey()).get("/api/v1/documents?course=cli-upload&status=INDEXED");
    assertThat(listed.path("total").asInt()).isEqualTo(3);
  }

  @Test
  void refusedFilesAreReportedAndSetTheExitCode(@TempDir Path dir) throws Exception {
    write(dir, "fine.md", "# Fine\nA fine lesson.");
    Files.write(dir.resolve("archive.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 9, 9, 9});

    Run mixed = cli("documents", "upload", dir.toString(), "--course", "cli-refused", "--json");
    assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(ExitCode.FAILED);
    JsonNode result = mixed.json();
    assertThat(result.path("uploaded")).hasSize(1);
    assertThat(result.path("uploaded").get(0).path("status").asText()).isEqualTo("PENDING");
    assertThat(result.path("refused").get(0).path("status").asInt()).isEqualTo(415);
    assertThat(result.path("refused").get(0).path("file").asText()).endsWith("archive.zip");
    assertThat(mixed.err()).contains("refused  " + dir.resolve("archive.zip")).contains("HTTP 415");

    Run onlyRefused = cli("documents", "upload", dir.resolve("archive.zip").toString());
    assertThat(onlyRefused.exitCode()).as(onlyRefused.toString()).isEqualTo(ExitCode.REJECTED);

    Run missing = cli("documents", "upload", dir.resolve("nope.md").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("no such file or directory");
  }

  @Test
  void listStatusAndDeleteADocument(@TempDir Path dir) {
    Run upload = cli("documents", "upload", write(dir, "to-list.md", "# Listing\nLists are ordered.").toString(),
        "--course", "cli-list", "--json");
    String id = upload.json().path("uploaded").get(0).path("id").asText();
    awaitTerminal(id);

    Run list = cli("documents", "list", "--course", "cli-list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("ID").contains("STATUS").contains(id).contains("INDEXED").contains("to-list.md")
        .contains("1 of 1 document(s)");
    JsonNode json = cli("documents", "list", "--course", "cli-list", "--status", "INDEXED", "--json").json();
    assertThat(json.path("total").asInt()).isEqualTo(1);
    assertThat(json.path("items").get(0).path("id").asText()).isEqualTo(id);

    Run status = cli("documents", "status", id);
    assertThat(status.out()).startsWith("INDEXED  " + id + "  to-list.md (");
    assertThat(cli("documents", "status", id, "--json").json().path("course").asText()).isEqualTo("cli-list");

    Run delete = cli("documents", "delete", id);
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).contains("deleted " + id);
    Run gone = cli("documents", "status", id);
    assertThat(gone.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(gone.err()).contains("Document not found").contains("HTTP 404");
  }

  @Test
  void ingestFollowsEveryObjectAndAgainSkipsTheUnchangedOnes(S3Client s3) {
    String prefix = "cli-ingest-" + System.nanoTime() + "/";
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(prefix + "tides.md"),
        RequestBody.fromString("# Tides\nThe moon's gravity raises the tides."));
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(prefix + "winds.txt"),
        RequestBody.fromString("Trade winds blow toward the equator."));
    String uri = "s3://" + env.documentsBucket() + "/" + prefix;

    Run first = cli("documents", "ingest", uri, "--course", "cli-ingest", "--poll-interval", "200");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("queued 2, skipped 0 unchanged").contains("2 indexed, 0 failed, 0 skipped");
    assertThat(first.out().lines().filter(l -> l.startsWith("INDEXED"))).hasSize(2);

    Run again = cli("documents", "ingest", uri, "--course", "cli-ingest", "--json");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.json().path("queued").asInt()).isZero();
    assertThat(again.json().path("skipped").asInt()).isEqualTo(2);
    assertThat(again.err()).contains("queued 0, skipped 2 unchanged");

    s3.putObject(b -> b.bucket(env.documentsBucket()).key(prefix + "winds.txt"),
        RequestBody.fromString("Trade winds blow toward the equator; westerlies blow further north."));
    Run changed = cli("documents", "ingest", uri, "--course", "cli-ingest", "--poll-interval", "200");
    assertThat(changed.out()).contains("queued 1, skipped 1 unchanged").contains("1 indexed, 0 failed, 1 skipped");

    Run forced = cli("documents", "ingest", uri, "--course", "cli-ingest", "--force", "--no-wait");
    assertThat(forced.out()).contains("queued 2, skipped 0 unchanged");
  }

  @Test
  void aDocumentThatFailsIngestionMakesIngestExitWithOneAndShowsWhy(S3Client s3) {
    String key = "cli-broken-" + System.nanoTime() + "/broken.pdf";
    s3.putObject(b -> b.bucket(env.documentsBucket()).key(key), RequestBody.fromString("%PDF-1.7\nbroken"));

    Run run = cli("documents", "ingest", "s3://" + env.documentsBucket() + "/" + key, "--poll-interval", "200");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
    List<String> failed = new ArrayList<>(run.out().lines().filter(l -> l.startsWith("FAILED")).toList());
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0)).contains("broken.pdf: ");
    assertThat(run.out()).contains("0 indexed, 1 failed");

    Run nothing = cli("documents", "ingest", "s3://" + env.documentsBucket() + "/no-such-prefix/");
    assertThat(nothing.exitCode()).isEqualTo(ExitCode.REJECTED);
    assertThat(nothing.err()).contains("Nothing to ingest");
  }
}
