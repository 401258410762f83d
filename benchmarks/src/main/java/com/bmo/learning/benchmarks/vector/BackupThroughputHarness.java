package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.search.lucene.LuceneFileFormat;
import com.bmo.learning.search.backup.BackupResult;
import com.bmo.learning.search.backup.BackupSettings;
import com.bmo.learning.search.backup.ExtractionLimits;
import com.bmo.learning.search.backup.IndexBackups;
import com.bmo.learning.search.backup.RestoreMode;
import com.bmo.learning.search.backup.RestoreResult;
import com.bmo.learning.search.backup.SafeTarGzExtractor;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Backup and restore throughput of the vector index, in MB/s of index data, against GNU {@code tar czf} /
 * {@code tar xzf} of the same directory run in the same process tree; and the bytes an incremental backup
 * uploads after a 1% change, as a share of a full backup. S3 is the embedded endpoint on this machine.
 *
 * <p>Uses a copy of the search benchmark's 100,000-vector index (built first if missing).
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.vector.BackupThroughputHarness \
 *     [dir=benchmarks/target/vector-bench] [size=100000] [rounds=3] [level=1]</pre>
 */
public final class BackupThroughputHarness {

  private BackupThroughputHarness() {
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    Path root = Path.of(a.get("dir", "benchmarks/target/vector-bench")).toAbsolutePath();
    int size = a.getInt("size", 100_000);
    int rounds = a.getInt("rounds", 3);
    int level = a.getInt("level", BackupSettings.defaults().compressionLevel());
    int maxConn = 16;
    int beamWidth = 100;

    BenchIndex.openOrBuild(root, size, maxConn, beamWidth, 100).close();
    Path source = BenchIndex.directory(root, size, maxConn, beamWidth);
    Path work = root.resolve("backup-work");
    BenchIndex.deleteTree(work);
    Path live = work.resolve("live");
    Files.createDirectories(live);
    try (var files = Files.list(source)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, live.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }

    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
        S3Client s3 = LocalAwsClients.s3(endpoint.endpoint(), "us-east-1");
        S3Storage storage = S3Storage.create(S3StorageConfig.builder().endpoint(endpoint.endpoint())
            .region("us-east-1").credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
            .environment(Map.of())
            // S3Mock 4.x lacks full-object multipart checksums (adobe/S3Mock#2843); restores still
            // verify the archive end to end by its SHA-256.
            .multipartChecksum(MultipartChecksum.COMPOSITE).build());
        LuceneSearchIndex index = LuceneSearchIndex.open("bench", live,
            BenchIndex.settings(maxConn, beamWidth, 100))) {
      s3.createBucket(b -> b.bucket("bench-backups"));
      IndexBackups backups = new IndexBackups(storage, BackupSettings.defaults()
          .withWorkDirectory(work.resolve("tmp")).withCompressionLevel(level), LuceneFileFormat.INSTANCE);
      SafeTarGzExtractor extractor = new SafeTarGzExtractor(ExtractionLimits.defaults());
      long indexBytes = BenchIndex.sizeOf(live) - sizeIfPresent(live.resolve("write.lock"));
      double mb = indexBytes / 1e6;
      System.out.printf("index: %d vectors, %.1f MB in %d files%n", index.count(), mb, fileCount(live));

      List<Double> backupMbs = new ArrayList<>();
      List<Double> archiveMbs = new ArrayList<>();
      List<Double> tarCzfMbs = new ArrayList<>();
      List<Double> restoreMbs = new ArrayList<>();
      List<Double> downloadMbs = new ArrayList<>();
      List<Double> extractMbs = new ArrayList<>();
      List<Double> tarXzfMbs = new ArrayList<>();
      long archiveBytes = 0;
      for (int r = 0; r < rounds; r++) {
        String key = "full/round-" + r + ".tar.gz";
        BackupResult full = backups.backupToS3(index, "bench-backups", key);
        archiveBytes = full.bytesUploaded();
        backupMbs.add(mb / seconds(full.duration().toNanos()));
        archiveMbs.add(mb / seconds(full.preparation().toNanos()));

        Path tarOut = work.resolve("tar-" + r + ".tar.gz");
        long t0 = System.nanoTime();
        run(work, "tar", "czf", tarOut.toString(), "--exclude=write.lock", "-C", live.toString(), ".");
        tarCzfMbs.add(mb / seconds(System.nanoTime() - t0));

        Path target = work.resolve("restored-" + r);
        RestoreResult restored = backups.restore("bench-backups", key, target, RestoreMode.CREATE_ONLY);
        restoreMbs.add(mb / seconds(restored.duration().toNanos()));
        if (restored.chunkCount() != size) {
          throw new IllegalStateException("restored " + restored.chunkCount());
        }

        // Like for like: our extraction and tar's, of the very archive the backup uploaded.
        Path ours = work.resolve("ours-" + r + ".tar.gz");
        long t1 = System.nanoTime();
        storage.download("bench-backups", key, ours);
        downloadMbs.add(mb / seconds(System.nanoTime() - t1));
        Path extracted = work.resolve("extracted-" + r);
        long t2 = System.nanoTime();
        extractor.extract(ours, extracted);
        extractMbs.add(mb / seconds(System.nanoTime() - t2));
        Path untarred = work.resolve("untar-" + r);
        Files.createDirectories(untarred);
        long t3 = System.nanoTime();
        run(work, "tar", "xzf", ours.toString(), "-C", untarred.toString());
        tarXzfMbs.add(mb / seconds(System.nanoTime() - t3));

        BenchIndex.deleteTree(target);
        BenchIndex.deleteTree(extracted);
        BenchIndex.deleteTree(untarred);
        Files.delete(tarOut);
        Files.delete(ours);
        System.out.printf("round %d: backup %.1f MB/s (archive %.1f), tar czf %.1f MB/s; restore %.1f MB/s"
            + " (download %.1f, extract %.1f), tar xzf %.1f MB/s%n", r + 1, backupMbs.get(r),
            archiveMbs.get(r), tarCzfMbs.get(r), restoreMbs.get(r), downloadMbs.get(r), extractMbs.get(r),
            tarXzfMbs.get(r));
      }
      double backup = median(backupMbs);
      double archive = median(archiveMbs);
      double tarC = median(tarCzfMbs);
      double restore = median(restoreMbs);
      double extract = median(extractMbs);
      double tarX = median(tarXzfMbs);
      System.out.printf("gzip level %d, medians of %d rounds, MB of index data per second%n", level, rounds);
      System.out.printf("archive (snapshot tar.gz + SHA-256): %.1f MB/s; tar czf: %.1f MB/s; ratio %.2f%n",
          archive, tarC, archive / tarC);
      System.out.printf("full backup end to end (archive + upload to local S3): %.1f MB/s; / tar czf %.2f%n",
          backup, backup / tarC);
      System.out.printf("safe extraction: %.1f MB/s; tar xzf of the same archive: %.1f MB/s; ratio %.2f%n",
          extract, tarX, extract / tarX);
      System.out.printf("restore end to end (download + SHA-256 + extract + validate + swap): %.1f MB/s;"
          + " / tar xzf %.2f; download alone %.1f MB/s%n", restore, restore / tarX, median(downloadMbs));
      System.out.printf("full archive: %.1f MB (%.1f%% of the index)%n", archiveBytes / 1e6,
          100.0 * archiveBytes / indexBytes);

      // Incremental: a first backup into an empty repository, 1% more chunks, a second backup.
      BackupResult first = backups.incrementalBackup(index, "bench-backups", "repo/");
      SyntheticEmbeddings data = new SyntheticEmbeddings(BenchIndex.SEED);
      List<IndexedChunk> extra = new ArrayList<>();
      for (int i = 0; i < size / 100; i++) {
        extra.add(BenchIndex.chunk(data, BenchIndex.EXTRA_STREAM, i));
      }
      index.upsert(extra);
      BackupResult second = backups.incrementalBackup(index, "bench-backups", "repo/");
      System.out.printf("incremental #1 (empty repository): %d files, %.1f MB uploaded%n",
          first.filesUploaded(), first.bytesUploaded() / 1e6);
      System.out.printf("incremental #2 after +%d chunks (1%%): %d files uploaded, %d reused, %.2f MB"
          + " uploaded%n", extra.size(), second.filesUploaded(), second.filesReused(),
          second.bytesUploaded() / 1e6);
      System.out.printf("incremental #2 / full archive: %.2f%%; / incremental #1: %.2f%%%n",
          100.0 * second.bytesUploaded() / archiveBytes, 100.0 * second.bytesUploaded() / first.bytesUploaded());
      RestoreResult check = backups.restore("bench-backups", second.backup().key(), work.resolve("inc"), RestoreMode.CREATE_ONLY);
      System.out.printf("incremental #2 restores: %d chunks%n", check.chunkCount());
    } finally {
      BenchIndex.deleteTree(work);
    }
  }

  private static long sizeIfPresent(Path p) throws IOException {
    return Files.exists(p) ? Files.size(p) : 0;
  }

  private static long fileCount(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit);
    }
  }
}
