package com.bmo.learning.benchmarks.service;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.testfixtures.LessonCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Load on the documents service as its clients see it: the service runs as its own process
 * ({@link LocalService}: local mode, embedded AWS endpoint and PostgreSQL), and this harness uploads 1 MB lesson
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
 * ./mvnw -B -q -pl learning-local,benchmarks -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.service.ServiceLoadHarness \
 *     [--service-classpath learning-local/target/runtime-classpath.txt] [--documents 40]
 *     [--concurrency 4] [--idle-documents 3]
 * </pre>
 */
public final class ServiceLoadHarness {

  private final LocalService service;

  private ServiceLoadHarness(LocalService service) {
    this.service = service;
  }

  public static void main(String[] args) throws Exception {
    Path classpath = Path.of(arg(args, "--service-classpath", LocalService.DEFAULT_CLASSPATH_FILE));
    int documents = Integer.parseInt(arg(args, "--documents", "40"));
    int concurrency = Integer.parseInt(arg(args, "--concurrency", "4"));
    int idle = Integer.parseInt(arg(args, "--idle-documents", "3"));

    System.out.printf("Generating %d + %d PDFs of ~1 MB...%n", documents, idle);
    List<byte[]> pdfs = new ArrayList<>();
    for (int i = 0; i < documents + idle; i++) {
      pdfs.add(LessonCorpus.illustratedLesson(i));
    }
    System.out.printf("PDF size: %,d bytes%n", pdfs.get(0).length);

    try (LocalService service = LocalService.start(classpath, Duration.ofMinutes(3), "--learning.upload.max-size=5MB")) {
      ServiceLoadHarness h = new ServiceLoadHarness(service);

      // Baseline 1: raw S3 PUTs of the same files to the same endpoint, same number of threads.
      double putsPerSecond;
      try (S3Client s3 = LocalAwsClients.s3(service.awsEndpoint(), "us-east-1")) {
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
    }
  }

  private long uploadUntilSearchable(byte[] pdf, String name) throws Exception {
    long t0 = System.nanoTime();
    String id = upload(pdf, name + ".pdf");
    awaitSearchable(id, Duration.ofMinutes(5));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private String upload(byte[] pdf, String fileName) throws IOException, InterruptedException {
    return service.upload(fileName, "application/pdf", pdf, "bench");
  }

  /** Until a search restricted to the document returns a hit (it is INDEXED and visible to searches). */
  private void awaitSearchable(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> query = Map.of("query", "lesson", "k", 1, "filters", Map.of("service_document_id", id));
    while (System.nanoTime() < deadline) {
      if ("INDEXED".equals(service.status(id)) && !service.search(query).isEmpty()) {
        return;
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

  private static String arg(String[] args, String name, String otherwise) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }
}
