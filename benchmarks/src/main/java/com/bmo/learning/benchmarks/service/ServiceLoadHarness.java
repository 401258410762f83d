package com.bmo.learning.benchmarks.service;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.testfixtures.LessonCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Load on the documents service as its clients see it: the service runs as its own process (the
 * repackaged jar, local mode: embedded AWS endpoint and PostgreSQL), and this harness uploads 1 MB lesson
 * PDFs over HTTP from several client threads, then measures
 * <ul>
 *   <li><b>uploads per second</b> (202 answers), against a baseline of raw S3 PUTs of the same files to the
 *       same endpoint from the same number of threads;</li>
 *   <li><b>upload → searchable</b> latency, p50 and p99 (from sending the upload until a search filtered
 *       on the document returns its chunks), against a baseline of the same latency for documents uploaded
 *       one at a time on an idle service.</li>
 * </ul>
 * Each PDF holds three pages of lesson text and a 1 MB photo-like image (incompressible), as real lesson
 * PDFs do; the text is what gets chunked and embedded.
 *
 * <pre>
 * ./mvnw -B -q -pl learning-service,benchmarks -am -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.service.ServiceLoadHarness \
 *     [--service-jar learning-service/target/learning-service-0.1.0-SNAPSHOT-exec.jar] [--documents 40]
 *     [--concurrency 4] [--idle-documents 3]
 * </pre>
 */
public final class ServiceLoadHarness {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final String base;
  private final String key;

  private ServiceLoadHarness(String base, String key) {
    this.base = base;
    this.key = key;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(arg(args, "--service-jar", "learning-service/target/learning-service-0.1.0-SNAPSHOT-exec.jar"));
    int documents = Integer.parseInt(arg(args, "--documents", "40"));
    int concurrency = Integer.parseInt(arg(args, "--concurrency", "4"));
    int idle = Integer.parseInt(arg(args, "--idle-documents", "3"));
    int port = freePort();
    int awsPort = freePort();
    String key = "bmo_bench_" + UUID.randomUUID().toString().replace("-", "");

    System.out.printf("Generating %d + %d PDFs of ~1 MB...%n", documents, idle);
    List<byte[]> pdfs = new ArrayList<>();
    for (int i = 0; i < documents + idle; i++) {
      pdfs.add(LessonCorpus.illustratedLesson(i));
    }
    System.out.printf("PDF size: %,d bytes%n", pdfs.get(0).length);

    Process service = new ProcessBuilder("java", "-jar", jar.toString(),
        "--server.port=" + port, "--learning.local.aws.port=" + awsPort,
        "--learning.local.user-key=" + key, "--learning.local.samples.enabled=false",
        "--learning.local.banner=false", "--learning.upload.max-size=5MB", "--logging.level.root=WARN")
        .inheritIO().start();
    try {
      ServiceLoadHarness h = new ServiceLoadHarness("http://localhost:" + port, key);
      h.awaitHealthy(Duration.ofMinutes(3));

      // Baseline 1: raw S3 PUTs of the same files to the same endpoint, same number of threads.
      double putsPerSecond;
      try (S3Client s3 = LocalAwsClients.s3(URI.create("http://localhost:" + awsPort), "us-east-1")) {
        double[] rounds = new double[2];
        for (int round = 0; round < rounds.length; round++) {  // the first round warms up, the second counts
          long t0 = System.nanoTime();
          int r = round;
          runAll(concurrency, documents, i -> {
            s3.putObject(b -> b.bucket("bmo-learning-documents").key("bench/raw/" + r + "/" + i + ".pdf"),
                RequestBody.fromBytes(pdfs.get(i)));
            return null;
          });
          rounds[round] = documents / seconds(System.nanoTime() - t0);
        }
        putsPerSecond = rounds[1];
      }

      // Baseline 2: upload → searchable on an idle service, one document at a time (also warms up).
      long[] idleMillis = new long[idle];
      for (int i = 0; i < idle; i++) {
        idleMillis[i] = h.uploadUntilSearchable(pdfs.get(documents + i), "idle-" + i);
      }
      Arrays.sort(idleMillis);

      // Load: all documents from `concurrency` client threads; each accepted document is watched from
      // then on by a poller, so its latency runs from sending its upload until a search returns it.
      long[] accepted = new long[documents];
      List<Future<Long>> watches = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pollers = Executors.newFixedThreadPool(8);
      long t0 = System.nanoTime();
      try {
        runAll(concurrency, documents, i -> {
          long sent = System.nanoTime();
          String id = h.upload(pdfs.get(i), "load-" + i + ".pdf");
          accepted[i] = System.nanoTime();
          watches.add(pollers.submit(() -> {
            h.awaitSearchable(id, Duration.ofMinutes(10));
            return (System.nanoTime() - sent) / 1_000_000;
          }));
          return id;
        });
      } finally {
        pollers.shutdown();
      }
      double uploadsPerSecond = documents / seconds(Arrays.stream(accepted).max().orElseThrow() - t0);
      long[] searchable = new long[documents];
      for (int i = 0; i < documents; i++) {
        searchable[i] = watches.get(i).get();
      }
      long drainMillis = (System.nanoTime() - t0) / 1_000_000;
      Arrays.sort(searchable);
      long p50 = percentile(searchable, 50);
      long p99 = percentile(searchable, 99);
      long idleMedian = percentile(idleMillis, 50);

      System.out.println();
      System.out.printf("documents %d x %,d bytes, %d client threads%n", documents, pdfs.get(0).length, concurrency);
      System.out.printf("uploads/s (202 accepted):           %.1f%n", uploadsPerSecond);
      System.out.printf("raw S3 PUTs/s (baseline):           %.1f   ratio service/raw: %.2f%n", putsPerSecond,
          uploadsPerSecond / putsPerSecond);
      System.out.printf("upload->searchable p50 under load:  %d ms%n", p50);
      System.out.printf("upload->searchable p99 under load:  %d ms%n", p99);
      System.out.printf("upload->searchable idle (baseline): %d ms median of %d   ratios p50/idle %.1f, p99/idle %.1f%n",
          idleMedian, idle, (double) p50 / idleMedian, (double) p99 / idleMedian);
      System.out.printf("all %d searchable after %d ms: %.2f documents/s indexed%n", documents, drainMillis,
          documents / (drainMillis / 1000.0));
    } finally {
      service.destroy();
      service.waitFor();
    }
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
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("service did not become healthy in " + timeout);
  }

  private long uploadUntilSearchable(byte[] pdf, String name) throws Exception {
    long t0 = System.nanoTime();
    String id = upload(pdf, name + ".pdf");
    awaitSearchable(id, Duration.ofMinutes(5));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private String upload(byte[] pdf, String fileName) throws IOException, InterruptedException {
    String boundary = "----bench" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 512);
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"course\"\r\n\r\nbench\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
        .header("X-API-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
    }
    Matcher m = ID.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no id in " + r.body());
    }
    return m.group(1);
  }

  /** Until a search restricted to the document returns a hit (it is INDEXED and visible to searches). */
  private void awaitSearchable(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String query = "{\"query\":\"lesson\",\"k\":1,\"filters\":{\"service_document_id\":\"" + id + "\"}}";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id))
          .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
      if (status.body().contains("\"FAILED\"")) {
        throw new IllegalStateException("document " + id + " failed: " + status.body());
      }
      if (status.body().contains("\"INDEXED\"")) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search"))
            .header("X-API-Key", key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"chunk_id\"")) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("document " + id + " not searchable within " + timeout);
  }

  interface Indexed<T> {
    T run(int i) throws Exception;
  }

  private static <T> List<T> runAll(int threads, int count, Indexed<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.run(n)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String arg(String[] args, String name, String otherwise) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }
}
