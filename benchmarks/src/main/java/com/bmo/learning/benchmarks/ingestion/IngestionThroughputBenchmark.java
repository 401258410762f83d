package com.bmo.learning.benchmarks.ingestion;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.process.BatchResult;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.testfixtures.LessonCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse-and-chunk throughput of {@link DocumentProcessor} over a generated corpus of 200 PDFs (2-6 pages
 * each), with 1 and 2 processing threads.
 *
 * <ul>
 *   <li>{@code s3Prefix}: the corpus served by an embedded {@link LocalAwsEndpoint}, processed with
 *       {@code processPrefix(s3://bench/corpus/, "**}{@code /*.pdf")}: listing, HEAD and GET per object,
 *       type sniffing, PDFBox, chunking (1,000 characters, 200 overlap).</li>
 *   <li>{@code localFiles}: the same PDFs from a local directory, {@code processLocalFiles}: the baseline
 *       without S3, so the S3 share of the time shows as a ratio.</li>
 * </ul>
 *
 * <p>One operation processes the whole corpus; MB/s and pages/s are the corpus totals (printed at set-up)
 * divided by the time per operation. Compare {@code threads=2} with {@code threads=1} of the same run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class IngestionThroughputBenchmark {

  static final int DOCUMENTS = 200;
  static final long SEED = 20240501L;
  private static final String BUCKET = "bench";

  @Param({"1", "2"})
  public int threads;

  private LocalAwsEndpoint endpoint;
  private S3Storage storage;
  private DocumentProcessor processor;
  private Path localDir;
  private List<Path> localFiles;
  private long corpusBytes;
  private int corpusPages;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<LessonCorpus.Pdf> corpus = LessonCorpus.generate(DOCUMENTS, SEED);
    corpusBytes = corpus.stream().mapToLong(p -> p.bytes().length).sum();
    corpusPages = corpus.stream().mapToInt(LessonCorpus.Pdf::pages).sum();
    System.out.printf("%ncorpus: %d PDFs, %d pages, %d bytes (%.2f MB)%n", corpus.size(), corpusPages,
        corpusBytes, corpusBytes / 1e6);

    endpoint = LocalAwsEndpoint.builder().port(0).start();
    storage = S3Storage.create(S3StorageConfig.builder()
        .endpoint(endpoint.endpoint())
        .region(endpoint.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        .build());
    try (var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region())) {
      s3.createBucket(b -> b.bucket(BUCKET));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> uploads = new ArrayList<>();
      for (LessonCorpus.Pdf pdf : corpus) {
        uploads.add(pool.submit(() -> storage.upload(BUCKET, pdf.key(), pdf.bytes(), UploadOptions.none())));
      }
      for (Future<?> f : uploads) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // Under the build directory: /tmp may be a RAM disk, which would flatter the baseline.
    localDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ingest-bench-");
    localFiles = new ArrayList<>();
    for (LessonCorpus.Pdf pdf : corpus) {
      Path file = localDir.resolve(pdf.key().replace('/', '_'));
      Files.write(file, pdf.bytes());
      localFiles.add(file);
    }
    processor = DocumentProcessor.builder(storage).parallelism(threads).chunking(1000, 200).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    processor.close();
    storage.close();
    endpoint.close();
    try (Stream<Path> paths = Files.walk(localDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public int s3Prefix() {
    return check(processor.processPrefix(S3Uri.of(BUCKET, "corpus/"), "**/*.pdf", Map.of()));
  }

  @Benchmark
  public int localFiles() {
    return check(processor.processLocalFiles(localFiles, Map.of()));
  }

  private int check(BatchResult result) {
    if (result.summary().succeeded() != DOCUMENTS || result.summary().pages() != corpusPages) {
      throw new IllegalStateException("corpus not fully processed: " + result.summary());
    }
    return result.summary().chunks();
  }
}
