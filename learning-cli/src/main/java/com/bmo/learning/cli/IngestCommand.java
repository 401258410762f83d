package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learning documents ingest s3://bucket/prefix/}: queue objects already in S3, then follow them. */
@Command(name = "ingest", description = {"Ingest an object (s3://bucket/key) or every object under a prefix "
    + "(s3://bucket/prefix/) already in S3, then show progress until each is INDEXED or FAILED.",
    "Objects indexed before and unchanged since (same ETag, same course and metadata) are skipped; "
        + "--force ingests them anyway. Exit code 1 if any document FAILED."})
final class IngestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "S3_URI", description = "s3://bucket/key or s3://bucket/prefix/")
  String uri;

  @Option(names = "--course", description = "Course of every document.")
  String course;

  @Option(names = "--learner-id", description = "Learner of every document.")
  String learnerId;

  @Option(names = "--force", description = "Ingest unchanged objects too.")
  boolean force;

  @Option(names = "--no-wait", description = "Return once the objects are queued.")
  boolean noWait;

  @Mixin
  DocumentsCommand.WaitOptions waiting;

  @Override
  public Integer call() throws InterruptedException {
    if (!uri.startsWith("s3://")) {
      throw new LearningCli.UsageException("expected s3://bucket/key or s3://bucket/prefix/, not " + uri);
    }
    LearningCli cli = DocumentsCommand.root(spec);
    ServiceClient client = cli.client();
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode request = Output.object();
    request.put("uri", uri);
    request.put("course", course);
    request.put("learner_id", learnerId);
    request.put("force", force);
    JsonNode accepted = client.post("/api/v1/documents/ingest", request);
    List<String> ids = new ArrayList<>();
    accepted.path("documents").forEach(d -> ids.add(d.path("id").asText()));
    int skipped = accepted.path("skipped").asInt();
    try (Progress progress = Progress.of(cli, out, spec.commandLine().getErr())) {
      progress.line("queued " + ids.size() + ", skipped " + skipped + " unchanged");
    }
    DocumentWaiter.Result waited = null;
    if (!noWait && !ids.isEmpty()) {
      try (Progress progress = Progress.of(cli, out, spec.commandLine().getErr())) {
        waited = new DocumentWaiter(client, progress, waiting.interval()).await(ids, waiting.timeout());
      }
    }
    if (cli.json()) {
      ObjectNode result = Output.object();
      result.put("queued", ids.size());
      result.put("skipped", skipped);
      ArrayNode documents = result.putArray("documents");
      if (waited != null) {
        waited.documents().values().forEach(d -> {
          if (d != null) {
            documents.add(d);
          }
        });
      } else {
        accepted.path("documents").forEach(documents::add);
      }
      result.set("skipped_documents", accepted.path("skipped_documents"));
      Output.json(out, result);
    } else if (waited != null) {
      out.println(waited.indexed() + " indexed, " + waited.failed() + " failed, " + skipped + " skipped unchanged"
          + (waited.timedOut() ? "; gave up waiting after " + waiting.timeoutSeconds + " s" : ""));
      out.flush();
    }
    return waited == null || waited.allIndexed() ? ExitCode.OK : ExitCode.FAILED;
  }
}
