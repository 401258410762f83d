package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learning backups create|list|restore}: index backups in S3 (admin key). */
@Command(name = "backups", description = "Index backups in S3 (needs an admin key).",
    subcommands = {BackupsCommand.Create.class, BackupsCommand.ListBackups.class, BackupsCommand.Restore.class})
final class BackupsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: create, list or restore");
  }

  enum Kind { full, incremental }

  static void print(PrintWriter out, JsonNode backup) {
    out.println(Output.text(backup, "key") + "  " + Output.text(backup, "kind") + "  "
        + Output.text(backup, "chunk_count") + " chunks  " + Progress.bytes(backup.path("size").asLong()) + "  "
        + Output.text(backup, "created_at"));
  }

  @Command(name = "create", description = "Back the index up: full (one archive) or incremental.")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", defaultValue = "full", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Kind type;

    @Override
    public Integer call() {
      LearningCli cli = DocumentsCommand.root(spec);
      ObjectNode request = Output.object();
      request.put("type", type.name());
      JsonNode backup = cli.client().post("/api/v1/backups", request);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Output.json(out, backup);
      } else {
        print(out, backup);
        out.flush();
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "list", description = "Backups, newest first.")
  static final class ListBackups implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      LearningCli cli = DocumentsCommand.root(spec);
      JsonNode answer = cli.client().get("/api/v1/backups");
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Output.json(out, answer);
        return ExitCode.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      answer.path("backups").forEach(b -> rows.add(List.of(Output.text(b, "key"), Output.text(b, "kind"),
          Output.text(b, "chunk_count"), Progress.bytes(b.path("size").asLong()), Output.text(b, "created_at"))));
      Output.table(out, List.of("KEY", "KIND", "CHUNKS", "SIZE", "CREATED"), rows);
      return ExitCode.OK;
    }
  }

  @Command(name = "restore", description = "Replace the live index with a backup (its key from `backups list`).")
  static final class Restore implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "The backup's key.")
    String key;

    @Override
    public Integer call() {
      LearningCli cli = DocumentsCommand.root(spec);
      ObjectNode request = Output.object();
      request.put("key", key);
      JsonNode restored = cli.client().post("/api/v1/backups/restore", request);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Output.json(out, restored);
      } else {
        out.println("restored " + Output.text(restored.path("backup"), "key") + ": "
            + Output.text(restored, "chunk_count") + " chunks in the index");
        out.flush();
      }
      return ExitCode.OK;
    }
  }
}
