package com.bmo.learning.benchmarks.eval;

import com.bmo.learning.benchmarks.service.LocalService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retrieval evaluation through the service's HTTP API, as a learner's client sees it: starts the
 * service in local mode as its own process ({@link LocalService}: embedded AWS endpoint and PostgreSQL, the
 * default model and index), uploads every corpus file with {@code POST /api/v1/documents}, waits until each
 * is indexed, asks every question with {@code POST /api/v1/search} in {@code keyword}, {@code vector} and
 * {@code hybrid} mode (k = 10) and prints Recall@1/5/10 and MRR@10, with the tuning (odd ids) and held-out
 * (even ids) halves apart. The naive baseline (raw text, fixed 800-character windows, vector search with
 * the service's model) is measured in the same run through the library ({@link PassageSources#naive}).
 *
 * <pre>
 * benchmarks/fetch-eval-corpus.sh /tmp/eval-corpus
 * ./mvnw -B -q -pl learning-local,benchmarks -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.eval.ApiEvaluation \
 *     --corpus /tmp/eval-corpus [--service-classpath learning-local/target/runtime-classpath.txt]
 * </pre>
 */
public final class ApiEvaluation {

  private ApiEvaluation() {
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(RetrievalEvaluation.arg(args, "--corpus", "/tmp/eval-corpus"));
    Path classpath = Path.of(RetrievalEvaluation.arg(args, "--service-classpath", LocalService.DEFAULT_CLASSPATH_FILE));
    List<EvalQuestion> questions = RetrievalEvaluation.questions(RetrievalEvaluation.arg(args, "--questions", null));
    List<Path> files = RetrievalEvaluation.files(corpus, questions);
    try (LocalService service = LocalService.start(classpath, Duration.ofMinutes(5),
        "--learning.upload.max-size=20MB")) {
      Map<String, String> fileOfDocument = new HashMap<>();
      long t0 = System.nanoTime();
      for (Path file : files) {
        String name = file.getFileName().toString();
        fileOfDocument.put(service.upload(name, name.endsWith(".pdf") ? "application/pdf" : "text/html",
            Files.readAllBytes(file), "eval"), name);
      }
      for (String id : fileOfDocument.keySet()) {
        service.awaitIndexed(id, Duration.ofMinutes(30));
      }
      System.out.printf("%d files uploaded and indexed through the API in %.1f s%n", files.size(),
          (System.nanoTime() - t0) / 1e9);
      for (String mode : List.of("keyword", "vector", "hybrid")) {
        List<Integer> ranks = new ArrayList<>();
        for (EvalQuestion q : questions) {
          ranks.add(RetrievalEvaluation.firstRelevantRank(q, search(service, q.question(), mode, fileOfDocument)));
        }
        System.out.printf("api      %-26s %-7s %s%n", "service", mode, RetrievalEvaluation.withHalves(ranks));
      }
    }
    try (EvalIndex naive = new EvalIndex(PassageSources.naive(files, 800), RetrievalEvaluation.model("minilm-q"),
        "")) {
      System.out.printf("library  %-26s %-7s %s%n", "naive 800 (no clean-up)", "vector",
          RetrievalEvaluation.withHalves(RetrievalEvaluation.ranks(naive, questions, EvalIndex.Mode.VECTOR)));
    }
  }

  private static List<Passage> search(LocalService service, String question, String mode,
      Map<String, String> fileOfDocument) throws IOException, InterruptedException {
    List<Passage> hits = new ArrayList<>();
    for (JsonNode hit : service.search(Map.of("query", question, "k", 10, "mode", mode))) {
      String file = fileOfDocument.get(hit.path("document_id").asText());
      hits.add(new Passage(file, hit.hasNonNull("page") ? hit.get("page").asInt() : null,
          hit.hasNonNull("page_end") ? hit.get("page_end").asInt() : null,
          hit.hasNonNull("heading_path") ? hit.get("heading_path").asText() : null, hit.path("text").asText(), null));
    }
    return hits;
  }
}
