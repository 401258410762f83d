package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learning documents upload DIR|FILE… --course C}: parallel uploads with progress. */
@Command(name = "upload", description = {"Upload lesson files, or every file in directories (hidden ones left out), "
    + "several at a time.",
    "Exit code 0 when every file was accepted (and, with --wait, INDEXED); when every file was refused for "
        + "one reason, that reason's code (3, 5, 6); otherwise 1."})
final class UploadCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Files or directories to upload.")
  List<Path> paths;

  @Option(names = "--course", description = "Course of every file.")
  String course;

  @Option(names = "--learner-id", description = "Learner of every file.")
  String learnerId;

  @Option(names = "--parallel", defaultValue = "4", description = "Uploads at once (default ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--wait", description = "Then wait until every document is INDEXED or FAILED.")
  boolean waitForThem;

  @Mixin
  DocumentsCommand.WaitOptions waiting;

  private record Outcome(Path file, JsonNode accepted, ServiceException refused) {
  }

  @Override
  public Integer call() throws Exception {
    LearningCli cli = DocumentsCommand.root(spec);
    List<Path> files = files();
    ServiceClient client = cli.client();
    PrintWriter out = spec.commandLine().getOut();
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    long total = totalBytes;
    AtomicLong sent = new AtomicLong();
    AtomicLong finished = new AtomicLong();
    List<Outcome> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, files.size())));
    try (Progress progress = Progress.of(cli, out, spec.commandLine().getErr())) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> {
          long[] mine = {0};
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("course", course);
          fields.put("learner_id", learnerId);
          Outcome outcome;
          try {
            JsonNode accepted = client.upload(file, fields, n -> {
              long delta = n - mine[0];
              mine[0] = n;
              long now = sent.addAndGet(delta);
              progress.update(now, total, finished.get() + "/" + files.size() + " files, "
                  + Progress.bytes(now) + " of " + Progress.bytes(total));
            });
            outcome = new Outcome(file, accepted, null);
            progress.line("uploaded " + file + " -> " + accepted.path("id").asText() + " "
                + accepted.path("status").asText());
          } catch (ServiceException e) {
            outcome = new Outcome(file, null, e);
            progress.line("refused  " + file + ": " + e.getMessage());
          }
          long done = finished.incrementAndGet();
          progress.update(sent.get(), total, done + "/" + files.size() + " files, " + Progress.bytes(sent.get())
              + " of " + Progress.bytes(total));
          return outcome;
        }));
      }
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> ids = outcomes.stream().filter(o -> o.accepted() != null)
        .map(o -> o.accepted().path("id").asText()).toList();
    List<ServiceException> refusals = outcomes.stream().filter(o -> o.refused() != null).map(Outcome::refused).toList();
    DocumentWaiter.Result waited = null;
    if (waitForThem && !ids.isEmpty()) {
      try (Progress progress = Progress.of(cli, out, spec.commandLine().getErr())) {
        waited = new DocumentWaiter(client, progress, waiting.interval()).await(ids, waiting.timeout());
      }
    }

    if (cli.json()) {
      ObjectNode result = Output.object();
      ArrayNode uploaded = result.putArray("uploaded");
      ArrayNode refused = result.putArray("refused");
      for (Outcome o : outcomes) {
        if (o.accepted() != null) {
          ObjectNode u = uploaded.addObject();
          u.put("file", o.file().toString());
          u.put("id", o.accepted().path("id").asText());
          JsonNode last = waited == null ? null : waited.documents().get(o.accepted().path("id").asText());
          u.put("status", last != null ? last.path("status").asText() : o.accepted().path("status").asText());
          if (last != null && last.hasNonNull("error")) {
            u.put("error", last.path("error").asText());
          }
        } else {
          ObjectNode r = refused.addObject();
          r.put("file", o.file().toString());
          r.put("status", o.refused().status());
          r.put("title", o.refused().title());
          r.put("detail", o.refused().detail());
        }
      }
      Output.json(out, result);
    } else {
      String summary = ids.size() + " uploaded, " + refusals.size() + " refused";
      if (waited != null) {
        summary += "; " + waited.indexed() + " indexed, " + waited.failed() + " failed"
            + (waited.timedOut() ? ", gave up waiting" : "");
      }
      out.println(summary);
      out.flush();
    }

    if (!refusals.isEmpty()) {
      if (ids.isEmpty()) {
        int first = refusals.get(0).exitCode();
        return refusals.stream().allMatch(r -> r.exitCode() == first) ? first : ExitCode.FAILED;
      }
      return ExitCode.FAILED;
    }
    return waited == null || waited.allIndexed() ? ExitCode.OK : ExitCode.FAILED;
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !hidden(p.relativize(f)))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + p, e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new LearningCli.UsageException("no such file or directory: " + p);
      }
    }
    if (files.isEmpty()) {
      throw new LearningCli.UsageException("no files to upload in " + paths);
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
