package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.opensearch.junit.EmbeddedOpenSearchNode;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.backup.BackupInfo;
import com.bmo.learning.search.backup.BackupResult;
import com.bmo.learning.search.backup.BackupSettings;
import com.bmo.learning.search.backup.IndexBackups;
import com.bmo.learning.search.backup.RestoreMode;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneFileFormat;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.search.opensearch.OpenSearchBackups;
import com.bmo.learning.search.opensearch.OpenSearchSearchIndex;
import com.bmo.learning.search.opensearch.OpenSearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Full backup and restore of the same chunks on both backends, in the same run: the Lucene backend's
 * archive of its index files against the OpenSearch backend's chunk export (tar.gz of JSON lines with the
 * vectors) and its import into a new index behind the alias. Chunks per second each way, and the ratios.
 * S3 is the embedded endpoint, OpenSearch a node in this JVM.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.vector.BackupBackendsHarness \
 *     [size=20000] [rounds=2] [dir=benchmarks/target/backup-backends]</pre>
 */
public final class BackupBackendsHarness {

  private static final int BATCH = 500;

  private BackupBackendsHarness() {
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int size = a.getInt("size", 20_000);
    int rounds = a.getInt("rounds", 2);
    Path dir = Path.of(a.get("dir", "benchmarks/target/backup-backends")).toAbsolutePath();
    BenchIndex.deleteTree(dir);
    Files.createDirectories(dir);
    List<IndexedChunk> chunks = chunks(size);
    System.out.printf("corpus: %d chunks x %d dims, 60-word texts; load %s%n", size,
        SyntheticEmbeddings.DIMENSION, SearchBackendHarness.load());

    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
        S3Client s3 = LocalAwsClients.s3(endpoint.endpoint(), "us-east-1");
        S3Storage storage = S3Storage.create(S3StorageConfig.builder().endpoint(endpoint.endpoint())
            .region("us-east-1").credentialsProvider(LocalAwsClients.TEST_CREDENTIALS).environment(Map.of())
            .multipartChecksum(MultipartChecksum.COMPOSITE).build());
        EmbeddedOpenSearchNode node = EmbeddedOpenSearchNode.start("backup-bench");
        LuceneSearchIndex lucene = LuceneSearchIndex.open("bench", dir.resolve("lucene"),
            IndexSettings.defaults(SyntheticEmbeddings.DIMENSION));
        OpenSearchSearchIndex opensearch = OpenSearchSearchIndex.open(OpenSearchSettings.builder(
            node.httpEndpoint(), "bench-backups").replicas(0).build(), SyntheticEmbeddings.DIMENSION)) {
      s3.createBucket(b -> b.bucket("bench-backups"));
      load(lucene, chunks);
      load(opensearch, chunks);
      IndexBackups luceneBackups = new IndexBackups(storage, BackupSettings.defaults()
          .withWorkDirectory(dir.resolve("work")), LuceneFileFormat.INSTANCE);
      OpenSearchBackups exports = new OpenSearchBackups(opensearch, storage, dir.resolve("export-work"),
          Clock.systemUTC());
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
      long luceneBytes = 0;
      long exportBytes = 0;
      // Interleaved rounds, best of each: load changes hit both backends alike.
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        BackupResult full = luceneBackups.backupToS3(lucene, "bench-backups", "lucene/full-" + r + ".tar.gz");
        long t1 = System.nanoTime();
        luceneBackups.restore("bench-backups", full.backup().key(), dir.resolve("restored-" + r),
            RestoreMode.CREATE_ONLY);
        long t2 = System.nanoTime();
        BackupInfo export = exports.backup("bench-backups", "opensearch-" + r + "/");
        long t3 = System.nanoTime();
        exports.restore("bench-backups", export.key());
        long t4 = System.nanoTime();
        luceneBytes = full.backup().size();
        exportBytes = export.size();
        double[] s = {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9};
        System.out.printf("round %d: lucene backup %.2f s, restore %.2f s; opensearch export %.2f s, import %.2f s;"
            + " load %s%n", r, s[0], s[1], s[2], s[3], SearchBackendHarness.load());
        for (int i = 0; i < 4; i++) {
          best[i] = Math.min(best[i], s[i]);
        }
      }
      System.out.printf("lucene full backup: %.0f chunks/s (archive %.1f MB); restore %.0f chunks/s%n",
          size / best[0], luceneBytes / 1e6, size / best[1]);
      System.out.printf("opensearch export: %.0f chunks/s (archive %.1f MB); import + alias swap %.0f chunks/s%n",
          size / best[2], exportBytes / 1e6, size / best[3]);
      System.out.printf("opensearch/lucene throughput: backup %.2f, restore %.2f%n", best[0] / best[2],
          best[1] / best[3]);
    }
  }

  private static List<IndexedChunk> chunks(int size) {
    SyntheticEmbeddings data = new SyntheticEmbeddings(BenchIndex.SEED);
    List<IndexedChunk> chunks = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String id = "c" + i;
      String source = "s3://bench/doc-" + (i / 50) + ".pdf";
      chunks.add(new IndexedChunk(id, source, SearchBackendHarness.words(new SplittableRandom(i), 60),
          Map.of("chunk_id", id, "source_uri", source, "course", "course-" + (i % 10)),
          data.vector(BenchIndex.DOCUMENT_STREAM, i)));
    }
    return chunks;
  }

  private static void load(SearchIndex index, List<IndexedChunk> chunks) {
    for (int i = 0; i < chunks.size(); i += BATCH) {
      index.upsert(chunks.subList(i, Math.min(chunks.size(), i + BATCH)));
    }
  }
}
