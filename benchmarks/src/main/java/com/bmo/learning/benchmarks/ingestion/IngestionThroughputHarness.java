package com.bmo.learning.benchmarks.ingestion;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.process.BatchSummary;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.testfixtures.LessonCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Paired version of {@link IngestionThroughputBenchmark}'s {@code s3Prefix}: one JVM, one endpoint, one
 * corpus; each round processes the corpus with 1 thread and with 2 threads back to back (order
 * alternating), and the 2-thread/1-thread throughput ratio is taken per round. On a machine shared with
 * other work, pairing keeps both sides of a ratio under the same load; the median ratio is reported.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.ingestion.IngestionThroughputHarness [rounds]</pre>
 */
public final class IngestionThroughputHarness {

  private IngestionThroughputHarness() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<LessonCorpus.Pdf> corpus = LessonCorpus.generate(IngestionThroughputBenchmark.DOCUMENTS,
        IngestionThroughputBenchmark.SEED);
    long bytes = corpus.stream().mapToLong(p -> p.bytes().length).sum();
    int pages = corpus.stream().mapToInt(LessonCorpus.Pdf::pages).sum();
    System.out.printf("corpus: %d PDFs, %d pages, %.2f MB%n", corpus.size(), pages, bytes / 1e6);
    S3Uri prefix = S3Uri.parse("s3://bench/corpus/");
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
         S3Storage storage = S3Storage.create(S3StorageConfig.builder().endpoint(endpoint.endpoint())
             .region(endpoint.region()).credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
             .environment(Map.of()).build());
         DocumentProcessor one = DocumentProcessor.builder(storage).parallelism(1).build();
         DocumentProcessor two = DocumentProcessor.builder(storage).parallelism(2).build()) {
      try (var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region())) {
        s3.createBucket(b -> b.bucket("bench"));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> uploads = new ArrayList<>();
      for (LessonCorpus.Pdf pdf : corpus) {
        uploads.add(pool.submit(() -> storage.upload("bench", pdf.key(), pdf.bytes(), UploadOptions.none())));
      }
      for (Future<?> f : uploads) {
        f.get();
      }
      pool.shutdown();
      // Warm-up: JIT, PDFBox font set-up, connection pool.
      run(one, prefix, pages);
      run(two, prefix, pages);
      double[] ms1 = new double[rounds];
      double[] ms2 = new double[rounds];
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          ms1[r] = run(one, prefix, pages);
          ms2[r] = run(two, prefix, pages);
        } else {
          ms2[r] = run(two, prefix, pages);
          ms1[r] = run(one, prefix, pages);
        }
        ratio[r] = ms1[r] / ms2[r];
        System.out.printf("round %d: 1 thread %.0f ms, 2 threads %.0f ms, ratio %.2f%n", r + 1, ms1[r],
            ms2[r], ratio[r]);
      }
      double m1 = median(ms1);
      double m2 = median(ms2);
      System.out.printf("1 thread : median %.0f ms = %.3f MB/s, %.0f pages/s%n", m1, bytes / 1e6 / (m1 / 1000),
          pages / (m1 / 1000));
      System.out.printf("2 threads: median %.0f ms = %.3f MB/s, %.0f pages/s%n", m2, bytes / 1e6 / (m2 / 1000),
          pages / (m2 / 1000));
      System.out.printf("2-thread/1-thread throughput ratio: median %.2f (rounds: %s)%n", median(ratio),
          Arrays.toString(Arrays.stream(ratio).map(x -> Math.round(x * 100) / 100.0).toArray()));
    }
  }

  private static double run(DocumentProcessor processor, S3Uri prefix, int pages) {
    long start = System.nanoTime();
    BatchSummary s = processor.processPrefix(prefix, "**/*.pdf", Map.of()).summary();
    double ms = (System.nanoTime() - start) / 1e6;
    if (s.succeeded() != IngestionThroughputBenchmark.DOCUMENTS || s.pages() != pages) {
      throw new IllegalStateException("corpus not fully processed: " + s);
    }
    return ms;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
