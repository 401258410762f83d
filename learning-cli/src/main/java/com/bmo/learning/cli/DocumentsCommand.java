package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learning documents …}: upload, ingest, list, status, delete. */
@Command(name = "documents", description = "Lesson documents: upload, ingest from S3, list, status, delete.",
    subcommands = {UploadCommand.class, IngestCommand.class, DocumentsCommand.ListCommand.class,
        DocumentsCommand.StatusCommand.class, DocumentsCommand.DeleteCommand.class})
final class DocumentsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: upload, ingest, list, status or delete");
  }

  /** Options of the commands that can wait for documents to be indexed. */
  static final class WaitOptions {
    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "1800",
        description = "Give up waiting after this long (default ${DEFAULT-VALUE} s; exit code 1).")
    int timeoutSeconds;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "500",
        description = "How often to ask for the documents' status (default ${DEFAULT-VALUE} ms).")
    int intervalMillis;

    Duration timeout() {
      return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    Duration interval() {
      return Duration.ofMillis(Math.max(50, intervalMillis));
    }
  }

  static LearningCli root(CommandSpec spec) {
    return (LearningCli) spec.root().userObject();
  }

  @Command(name = "list", description = "Documents, newest first.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--course", description = "Only this course.")
    String course;

    @Option(names = "--status", description = "Only this status: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--page", defaultValue = "0", description = "Page (from 0).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Page size, 1..100 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--all", description = "Every page.")
    boolean all;

    enum Status { PENDING, PROCESSING, INDEXED, FAILED }

    @Override
    public Integer call() {
      LearningCli cli = root(spec);
      ServiceClient client = cli.client();
      ArrayNode items = ServiceClient.JSON.createArrayNode();
      long total;
      int p = all ? 0 : page;
      int s = all ? 100 : size;
      while (true) {
        JsonNode answer = client.get("/api/v1/documents?page=" + p + "&size=" + s
            + ServiceClient.query("course", course) + ServiceClient.query("status", status == null ? null : status.name()));
        answer.path("items").forEach(items::add);
        total = answer.path("total").asLong();
        if (!all || answer.path("items").isEmpty() || items.size() >= total) {
          break;
        }
        p++;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        ObjectNode result = Output.object();
        result.set("items", items);
        result.put("total", total);
        if (!all) {
          result.put("page", p);
          result.put("size", s);
        }
        Output.json(out, result);
        return ExitCode.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      items.forEach(d -> rows.add(List.of(Output.text(d, "id"), Output.text(d, "status"),
          Output.text(d, "chunk_count"), Output.text(d, "course"), Output.text(d, "updated_at"),
          Output.text(d, "file_name"))));
      Output.table(out, List.of("ID", "STATUS", "CHUNKS", "COURSE", "UPDATED", "FILE"), rows);
      out.println(items.size() + " of " + total + " document(s)");
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "status", description = "The status of documents (PENDING, PROCESSING, INDEXED, FAILED).")
  static final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Document ids.")
    List<String> ids;

    @Option(names = "--wait", description = "Wait until each is INDEXED or FAILED; exit code 1 if any FAILED.")
    boolean waitForThem;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() throws InterruptedException {
      LearningCli cli = root(spec);
      ServiceClient client = cli.client();
      PrintWriter out = spec.commandLine().getOut();
      ArrayNode docs = ServiceClient.JSON.createArrayNode();
      int code = ExitCode.OK;
      if (waitForThem) {
        DocumentWaiter.Result result;
        try (Progress progress = Progress.of(cli, out, spec.commandLine().getErr())) {
          result = new DocumentWaiter(client, progress, waiting.interval()).await(ids, waiting.timeout());
        }
        result.documents().values().forEach(d -> {
          if (d != null) {
            docs.add(d);
          }
        });
        if (result.missing() > 0) {
          code = ExitCode.NOT_FOUND;
        } else if (!result.allIndexed()) {
          code = ExitCode.FAILED;
        }
        if (result.timedOut()) {
          spec.commandLine().getErr().println("learning: gave up waiting after " + waiting.timeoutSeconds + " s");
        }
      } else {
        for (String id : ids) {
          JsonNode doc = client.get("/api/v1/documents/" + id);
          docs.add(doc);
          if (!cli.json()) {
            out.println(Output.documentLine(doc));
          }
        }
      }
      if (cli.json()) {
        Output.json(out, ids.size() == 1 && docs.size() == 1 ? docs.get(0) : docs);
      }
      out.flush();
      return code;
    }
  }

  @Command(name = "delete", description = "Delete documents: their chunks, their record and (for uploads) the file.")
  static final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Document ids.")
    List<String> ids;

    @Override
    public Integer call() {
      LearningCli cli = root(spec);
      ServiceClient client = cli.client();
      PrintWriter out = spec.commandLine().getOut();
      ArrayNode deleted = ServiceClient.JSON.createArrayNode();
      for (String id : ids) {
        client.delete("/api/v1/documents/" + id);
        deleted.add(id);
        if (!cli.json()) {
          out.println("deleted " + id);
        }
      }
      if (cli.json()) {
        ObjectNode result = Output.object();
        result.set("deleted", deleted);
        Output.json(out, result);
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
