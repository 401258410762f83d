package com.bmo.learning.benchmarks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The retrieval evaluation through the service's HTTP API, as a learner's client sees it: starts the
 * service in local mode (the repackaged jar, its own process, embedded AWS endpoint and PostgreSQL),
 * uploads every corpus file with {@code POST /api/v1/documents}, waits until each is indexed, asks every
 * question with {@code POST /api/v1/search} in {@code keyword}, {@code vector} and {@code hybrid} mode
 * (k = 10) and prints Recall@1/5/10 and MRR@10. The naive baseline is measured in the same run through the
 * library ({@link PassageSources#naive}, MiniLM, the service's model).
 *
 * <pre>
 * benchmarks/fetch-eval-corpus.sh /tmp/eval-corpus
 * ./mvnw -B -q -pl learning-service,benchmarks -am -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.eval.ApiEvaluation \
 *     --corpus /tmp/eval-corpus [--service-jar learning-service/target/learning-service-0.1.0-SNAPSHOT-exec.jar]
 * </pre>
 */
public final class ApiEvaluation {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String key;

  private ApiEvaluation(String base, String key) {
    this.base = base;
    this.key = key;
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(arg(args, "--corpus", "/tmp/eval-corpus"));
    Path jar = Path.of(arg(args, "--service-jar", "learning-service/target/learning-service-0.1.0-SNAPSHOT-exec.jar"));
    List<EvalQuestion> questions = RetrievalEvaluation.questions(arg(args, "--questions", null));
    List<Path> files = RetrievalEvaluation.files(corpus, questions);
    int port = freePort();
    int awsPort = freePort();
    String key = "bmo_eval_" + UUID.randomUUID().toString().replace("-", "");
    Process service = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
        "--learning.local.aws.port=" + awsPort, "--learning.local.user-key=" + key,
        "--learning.local.samples.enabled=false", "--learning.local.banner=false",
        "--learning.upload.max-size=20MB", "--logging.level.root=WARN").inheritIO().start();
    try {
      ApiEvaluation api = new ApiEvaluation("http://localhost:" + port, key);
      api.awaitHealthy(Duration.ofMinutes(5));
      Map<String, String> fileOfDocument = new HashMap<>();
      long t0 = System.nanoTime();
      for (Path file : files) {
        fileOfDocument.put(api.upload(file), file.getFileName().toString());
      }
      for (String id : fileOfDocument.keySet()) {
        api.awaitIndexed(id, Duration.ofMinutes(20));
      }
      System.out.printf("%d files uploaded and indexed through the API in %.1f s%n", files.size(),
          (System.nanoTime() - t0) / 1e9);
      for (String mode : List.of("keyword", "vector", "hybrid")) {
        List<Integer> ranks = new ArrayList<>();
        for (EvalQuestion q : questions) {
          ranks.add(RetrievalEvaluation.firstRelevantRank(q, api.search(q.question(), mode, fileOfDocument)));
        }
        System.out.printf("api      %-26s %-7s %s%n", "service", mode, RankingMetrics.of(ranks));
      }
      EvalIndex naive = new EvalIndex(PassageSources.naive(files, 800), RetrievalEvaluation.model("minilm"), "");
      System.out.printf("library  %-26s %-7s %s%n", "naive 800 (no clean-up)", "vector",
          RetrievalEvaluation.evaluate(naive, questions, EvalIndex.Mode.VECTOR));
    } finally {
      service.destroy();
      service.waitFor();
    }
  }

  private List<Passage> search(String question, String mode, Map<String, String> fileOfDocument)
      throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("query", question, "k", 10, "mode", mode));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search"))
        .header("X-API-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
    }
    List<Passage> hits = new ArrayList<>();
    for (JsonNode hit : JSON.readTree(r.body()).path("hits")) {
      String file = fileOfDocument.get(hit.path("documentId").asText());
      hits.add(new Passage(file, hit.hasNonNull("page") ? hit.get("page").asInt() : null,
          hit.hasNonNull("pageEnd") ? hit.get("pageEnd").asInt() : null,
          hit.hasNonNull("headingPath") ? hit.get("headingPath").asText() : null, hit.path("text").asText(), null));
    }
    return hits;
  }

  private String upload(Path file) throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    String type = name.endsWith(".pdf") ? "application/pdf" : "text/html";
    String boundary = "----eval" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"course\"\r\n\r\neval\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
        .header("X-API-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("upload of " + name + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).path("id").asText();
  }

  private void awaitIndexed(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id))
          .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
      if (status.body().contains("\"FAILED\"")) {
        throw new IllegalStateException("document " + id + " failed: " + status.body());
      }
      if (status.body().contains("\"INDEXED\"")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("document " + id + " not indexed within " + timeout);
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("service did not become healthy in " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
