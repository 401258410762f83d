package com.bmo.learning.search.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.search.lucene.LuceneFileFormat;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.TestChunks;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Backups through the real S3 SDK against the test endpoint, with synthetic 384-dimensional vectors. */
@LocalAwsTest
class IndexBackupIT {

  static final int DIM = 384;
  static final String REPO = "repo/";

  @TempDir
  Path dir;
  S3Storage storage;
  IndexBackups backups;

  @BeforeEach
  void setUp(LocalAwsTarget target) {
    storage = TestStorage.create(target);
    backups = new IndexBackups(storage, BackupSettings.defaults().withWorkDirectory(dir.resolve("work")),
        LuceneFileFormat.INSTANCE);
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  LuceneSearchIndex open(String name) {
    return LuceneSearchIndex.open("lessons", dir.resolve(name), IndexSettings.defaults(DIM));
  }

  static List<IndexedChunk> chunks(String prefix, int count) {
    List<IndexedChunk> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // 100 chunks per document, so documents can be counted whole.
      out.add(TestChunks.chunk(prefix + "-doc" + (i / 100), i % 100, i % 2 == 0 ? "algebra" : "biology",
          DIM));
    }
    return out;
  }

  static Map<String, List<String>> searchSample(LuceneSearchIndex index, int queries) {
    Map<String, List<String>> results = new TreeMap<>();
    for (int q = 0; q < queries; q++) {
      float[] v = TestChunks.vector(10_000 + q, DIM);
      results.put("q" + q, index.search(SearchQuery.vector(v, 10)).stream().map(SearchHit::chunkId).toList());
    }
    return results;
  }

  Set<String> repositoryFiles(String bucket) {
    try (Stream<ObjectSummary> s = storage.list(bucket, REPO + "files/")) {
      return s.map(ObjectSummary::key).collect(Collectors.toSet());
    }
  }

  IncrementalManifest manifest(String bucket, String key) {
    return IncrementalManifest.parse(storage.readAllBytes(bucket, key), bucket, key);
  }

  // ------------------------------------------------------------------------------------------ incremental

  @Test
  @Tag("slow")
  void incrementalBackupAfterOnePercentMoreChunksUploadsOnlyNewFilesAndRestores(TestBucket bucket) {
    String b = bucket.name();
    BackupResult first;
    BackupResult second;
    Map<String, List<String>> expected;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("base", 5_000));
      first = backups.incrementalBackup(index, b, REPO);
      Set<String> afterFirst = repositoryFiles(b);

      index.upsert(chunks("extra", 50));
      second = backups.incrementalBackup(index, b, REPO);
      expected = searchSample(index, 20);

      IncrementalManifest m1 = manifest(b, first.backup().key());
      IncrementalManifest m2 = manifest(b, second.backup().key());
      Set<String> oldObjects = m1.files().stream().map(IncrementalManifest.Entry::object)
          .collect(Collectors.toSet());
      List<IncrementalManifest.Entry> fresh = m2.files().stream()
          .filter(e -> !oldObjects.contains(e.object())).toList();
      // Only the new segment's files and the new segments_N went up; the rest was reused.
      assertThat(second.filesUploaded()).isEqualTo(fresh.size() + 1);
      assertThat(second.filesReused()).isEqualTo(m2.files().size() - fresh.size()).isPositive();
      assertThat(second.bytesUploaded() - storage.head(b, second.backup().key()).size())
          .isEqualTo(fresh.stream().mapToLong(IncrementalManifest.Entry::size).sum());
      assertThat(repositoryFiles(b)).containsAll(afterFirst).hasSize(afterFirst.size() + fresh.size());
      assertThat((double) second.bytesUploaded() / second.indexBytes()).isLessThan(0.10);
      assertThat(first.filesUploaded()).isEqualTo(m1.files().size() + 1);
      assertThat(second.backup().chunkCount()).isEqualTo(5_050);
    }

    RestoreResult latest = backups.restore(b, second.backup().key(), dir.resolve("restored-2"), RestoreMode.CREATE_ONLY);
    assertThat(latest.chunkCount()).isEqualTo(5_050);
    try (LuceneSearchIndex restored = open("restored-2")) {
      assertThat(restored.count()).isEqualTo(5_050);
      assertThat(searchSample(restored, 20)).isEqualTo(expected);
      assertThat(restored.get("extra-doc0#49")).isPresent();
    }
    RestoreResult older = backups.restore(b, first.backup().key(), dir.resolve("restored-1"), RestoreMode.CREATE_ONLY);
    assertThat(older.chunkCount()).isEqualTo(5_000);
    try (LuceneSearchIndex restored = open("restored-1")) {
      assertThat(restored.get("extra-doc0#0")).isEmpty();
    }
  }

  @Test
  void incrementalRestoreRefusesAMissingOrAlteredRepositoryFile(TestBucket bucket, S3Client s3) {
    String b = bucket.name();
    BackupResult backup;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("base", 300));
      backup = backups.incrementalBackup(index, b, REPO);
    }
    IncrementalManifest m = manifest(b, backup.backup().key());
    IncrementalManifest.Entry victim = m.files().stream().filter(e -> !e.name().startsWith("segments"))
        .findFirst().orElseThrow();
    s3.putObject(r -> r.bucket(b).key(REPO + victim.object()), RequestBody.fromString("garbage"));
    assertThatThrownBy(() -> backups.restore(b, backup.backup().key(), dir.resolve("t1"), RestoreMode.CREATE_ONLY))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining(victim.name());
    storage.delete(b, REPO + victim.object());
    assertThatThrownBy(() -> backups.restore(b, backup.backup().key(), dir.resolve("t2"), RestoreMode.CREATE_ONLY))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("missing");
    assertThat(dir.resolve("t1")).doesNotExist();
    assertThat(dir.resolve("t2")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  // ----------------------------------------------------------------------------------- concurrent writes

  @Test
  @Tag("slow")
  void backupsTakenWhileWritesContinueRestoreConsistentIndexes(TestBucket bucket) throws Exception {
    String b = bucket.name();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    BackupResult full;
    BackupResult incremental;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("base", 1_000));
      Future<?> writer = pool.submit(() -> {
        // Whole 100-chunk documents, each in one write: a consistent state holds only whole documents.
        while (!stop.get()) {
          int n = written.getAndIncrement();
          index.upsert(chunks("live" + n, 100));
          if (n % 3 == 2) {
            index.deleteSource("s3://lessons/live" + (n - 1) + "-doc0.pdf");
          }
        }
        return null;
      });
      waitFor(() -> written.get() >= 2);
      int before = written.get();
      full = backups.backupToS3(index, b, "full/live.tar.gz");
      incremental = backups.incrementalBackup(index, b, REPO);
      int during = written.get() - before;
      stop.set(true);
      assertThat(during).as("writes went on during the backups").isPositive();
      writer.get(120, TimeUnit.SECONDS);
      assertThat(index.count()).isGreaterThan(1_000);
    } finally {
      pool.shutdownNow();
    }

    for (BackupResult backup : List.of(full, incremental)) {
      Path target = dir.resolve("restored-" + backup.backup().type());
      RestoreResult restored = backups.restore(b, backup.backup().key(), target, RestoreMode.CREATE_ONLY);
      assertThat(restored.chunkCount()).isEqualTo(backup.backup().chunkCount());
      try (LuceneSearchIndex index = open(target.getFileName().toString())) {
        assertThat(index.count()).isEqualTo(backup.backup().chunkCount()).isGreaterThanOrEqualTo(1_000);
        assertThat(index.count() % 100).as("only whole documents").isZero();
        for (int doc = 0; doc < 10; doc++) {
          assertThat(index.countSource("s3://lessons/base-doc" + doc + ".pdf")).isEqualTo(100);
        }
        IndexedChunk probe = TestChunks.chunk("base-doc7", 42, "algebra", DIM);
        assertThat(index.search(SearchQuery.vector(probe.vector(), 1)).get(0).chunkId()).isEqualTo(probe.id());
      }
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 120 s");
      }
      Thread.sleep(20);
    }
  }

  // ------------------------------------------------------------------------------------ list, retention

  @Test
  void retentionDeletesOldBackupsButKeepsEveryFileAKeptBackupNeeds(TestBucket bucket) throws Exception {
    String b = bucket.name();
    List<BackupResult> incrementals = new ArrayList<>();
    BackupResult full;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("a", 200));
      incrementals.add(backups.incrementalBackup(index, b, REPO));
      full = backups.backupToS3(index, b, REPO + "full/a.tar.gz");
      index.upsert(chunks("b", 100));
      incrementals.add(backups.incrementalBackup(index, b, REPO));
      // Clearing and re-adding makes every older segment obsolete: only backups 1-2 need them.
      index.clear();
      index.upsert(chunks("c", 300));
      incrementals.add(backups.incrementalBackup(index, b, REPO));
      index.upsert(chunks("d", 100));
      incrementals.add(backups.incrementalBackup(index, b, REPO));
    }

    List<BackupInfo> listed = backups.listBackups(b, REPO);
    assertThat(listed).extracting(BackupInfo::key).containsExactly(
        incrementals.get(3).backup().key(), incrementals.get(2).backup().key(),
        incrementals.get(1).backup().key(), full.backup().key(), incrementals.get(0).backup().key());
    assertThat(listed).extracting(BackupInfo::type).containsExactly(BackupType.INCREMENTAL,
        BackupType.INCREMENTAL, BackupType.INCREMENTAL, BackupType.FULL, BackupType.INCREMENTAL);
    assertThat(listed).extracting(BackupInfo::chunkCount).containsExactly(400L, 300L, 300L, 200L, 200L);
    assertThat(listed).allSatisfy(i -> {
      assertThat(i.collection()).isEqualTo("lessons");
      assertThat(i.persistDirectory()).isEqualTo(dir.resolve("live").toAbsolutePath().toString());
      assertThat(i.sha256()).matches("[0-9a-f]{64}");
    });

    Set<String> oldOnly = new HashSet<>();
    manifest(b, incrementals.get(0).backup().key()).files().forEach(e -> oldOnly.add(REPO + e.object()));
    manifest(b, incrementals.get(1).backup().key()).files().forEach(e -> oldOnly.add(REPO + e.object()));
    Set<String> stillNeeded = new HashSet<>();
    manifest(b, incrementals.get(2).backup().key()).files().forEach(e -> stillNeeded.add(REPO + e.object()));
    manifest(b, incrementals.get(3).backup().key()).files().forEach(e -> stillNeeded.add(REPO + e.object()));
    oldOnly.removeAll(stillNeeded);
    assertThat(oldOnly).isNotEmpty();

    RetentionResult result = backups.applyRetention(b, REPO, new RetentionPolicy(2, Duration.ZERO));

    assertThat(result.deleted()).extracting(BackupInfo::key).containsExactlyInAnyOrder(
        incrementals.get(0).backup().key(), incrementals.get(1).backup().key());
    assertThat(result.kept()).extracting(BackupInfo::key).containsExactly(
        incrementals.get(3).backup().key(), incrementals.get(2).backup().key(), full.backup().key());
    assertThat(result.deletedFileKeys()).containsExactlyInAnyOrderElementsOf(oldOnly);
    assertThat(repositoryFiles(b)).isEqualTo(stillNeeded);
    assertThat(backups.listBackups(b, REPO)).hasSize(3);

    // Every kept backup still restores, whole.
    assertThat(backups.restore(b, incrementals.get(2).backup().key(), dir.resolve("r2"), RestoreMode.CREATE_ONLY).chunkCount())
        .isEqualTo(300);
    assertThat(backups.restore(b, incrementals.get(3).backup().key(), dir.resolve("r3"), RestoreMode.CREATE_ONLY).chunkCount())
        .isEqualTo(400);
    assertThat(backups.restore(b, full.backup().key(), dir.resolve("rf"), RestoreMode.CREATE_ONLY).chunkCount())
        .isEqualTo(200);

    // A grace period protects files an incremental backup in progress has uploaded but not yet listed.
    storage.upload(b, REPO + "files/_99.cfs-" + "0".repeat(64), new byte[] {1}, UploadOptions.none());
    RetentionResult graced = backups.applyRetention(b, REPO, RetentionPolicy.keepLast(2));
    assertThat(graced.deletedFileKeys()).isEmpty();
    assertThat(repositoryFiles(b)).contains(REPO + "files/_99.cfs-" + "0".repeat(64));
  }

  // ---------------------------------------------------------------------------------- refusals on restore

  @Test
  void aTamperedFullBackupIsRefusedAndTheExistingIndexStays(TestBucket bucket, S3Client s3) {
    String b = bucket.name();
    BackupResult backup;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("a", 100));
      backup = backups.backupToS3(index, b, "full.tar.gz");
    }
    try (LuceneSearchIndex other = open("existing")) {
      other.upsert(chunks("keep", 100));
    }
    // Same metadata (and so the same recorded SHA-256), other bytes.
    Map<String, String> metadata = new HashMap<>(storage.head(b, "full.tar.gz").metadata());
    byte[] forged = storage.readAllBytes(b, "full.tar.gz");
    forged[forged.length / 2] ^= 0x5a;
    s3.putObject(r -> r.bucket(b).key("full.tar.gz").metadata(metadata), RequestBody.fromBytes(forged));

    assertThatThrownBy(() -> backups.restore(b, backup.backup().key(), dir.resolve("existing"), RestoreMode.REPLACE))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("SHA-256")
        .hasMessageContaining("s3://" + b + "/full.tar.gz");
    try (LuceneSearchIndex still = open("existing")) {
      assertThat(still.count()).isEqualTo(100);
      assertThat(still.get("keep-doc0#5")).isPresent();
    }
    assertThat(leftovers()).isEmpty();
    assertThatThrownBy(() -> backups.restore(b, "no/such/backup.tar.gz", dir.resolve("x"), RestoreMode.CREATE_ONLY))
        .isInstanceOf(BackupNotFoundException.class);
  }

  @Test
  void aFullBackupRewrittenWithItsMetadataIsRefusedAgainstTheRecordedDigest(TestBucket bucket, S3Client s3) {
    String b = bucket.name();
    BackupResult original;
    BackupResult later;
    try (LuceneSearchIndex index = open("live")) {
      index.upsert(chunks("a", 50));
      original = backups.backupToS3(index, b, "full.tar.gz");
      index.upsert(chunks("b", 50));
      later = backups.backupToS3(index, b, "later.tar.gz");
    }
    BackupInfo recorded = original.backup();
    BackupDigest digest = new BackupDigest(recorded.size(), recorded.sha256(), recorded.indexBytes());
    // A writer of the bucket replaces the object and its metadata with another self-consistent backup.
    s3.putObject(r -> r.bucket(b).key("full.tar.gz").metadata(storage.head(b, "later.tar.gz").metadata()),
        RequestBody.fromBytes(storage.readAllBytes(b, "later.tar.gz")));
    // On its own metadata the object looks fine; against the recorded digest it is refused before staging.
    try (StagedRestore staged = backups.stage(b, "full.tar.gz", dir.resolve("t1"))) {
      assertThat(staged.chunkCount()).isEqualTo(later.backup().chunkCount());
    }
    assertThatThrownBy(() -> backups.stage(b, "full.tar.gz", dir.resolve("t2"), digest))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("recorded with " + recorded.size());
    // Same size, other bytes: caught by the SHA-256 computed while streaming.
    byte[] flipped = storage.readAllBytes(b, "later.tar.gz");
    s3.putObject(r -> r.bucket(b).key("full.tar.gz").metadata(storage.head(b, "later.tar.gz").metadata()),
        RequestBody.fromBytes(java.util.Arrays.copyOf(flipped,
        (int) recorded.size())));
    assertThatThrownBy(() -> backups.stage(b, "full.tar.gz", dir.resolve("t3"), digest))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining(recorded.sha256());
    assertThat(dir.resolve("t2")).doesNotExist();
    assertThat(dir.resolve("t3")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aMaliciousArchiveInS3IsRefusedAndNothingIsWrittenOutsideTheTarget(TestBucket bucket,
      S3Client s3) throws IOException {
    String b = bucket.name();
    byte[] archive = SafeTarGzExtractorTest.archive(tar -> {
      SafeTarGzExtractorTest.file(tar, "segments_1", "looks harmless");
      SafeTarGzExtractorTest.rawFile(tar, "../escaped.txt", "pwned");
    });
    // Recorded like a genuine backup, so that only the extraction can stop it.
    s3.putObject(r -> r.bucket(b).key("evil.tar.gz").metadata(Map.of(
        BackupCatalogue.META_TYPE, "full", BackupCatalogue.META_SHA256, DigestUtils.sha256Hex(archive),
        BackupCatalogue.META_CHUNK_COUNT, "1", BackupCatalogue.META_COLLECTION, "lessons",
        BackupCatalogue.META_CREATED_AT, "2026-01-01T00:00:00Z")), RequestBody.fromBytes(archive));
    Files.createDirectories(dir.resolve("area"));
    Files.writeString(dir.resolve("area/neighbour.txt"), "untouched");

    assertThatThrownBy(() -> backups.restore(b, "evil.tar.gz", dir.resolve("area/target"), RestoreMode.CREATE_ONLY))
        .isInstanceOf(UnsafeArchiveException.class)
        .satisfies(e -> {
          UnsafeArchiveException u = (UnsafeArchiveException) e;
          assertThat(u.violation()).isEqualTo(UnsafeArchiveException.Violation.PARENT_TRAVERSAL);
          assertThat(u.bucket()).contains(b);
          assertThat(u.key()).contains("evil.tar.gz");
        });
    try (Stream<Path> s = Files.walk(dir.resolve("area"))) {
      assertThat(s.map(p -> dir.resolve("area").relativize(p).toString()))
          .containsExactlyInAnyOrder("", "neighbour.txt");
    }
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
    assertThat(Files.readString(dir.resolve("area/neighbour.txt"))).isEqualTo("untouched");
  }

  /** Temporary restore directories or archives left beside restore targets. */
  List<String> leftovers() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBackupOfAnotherModelOrChunkerIsRefusedBeforeTheSwap(TestBucket bucket) {
    String b = bucket.name();
    ContentVersion built = new ContentVersion("model-a", "2/800/0");
    try (LuceneSearchIndex index = LuceneSearchIndex.open("lessons", dir.resolve("live"),
        IndexSettings.defaults(DIM), built)) {
      index.upsert(chunks("a", 20));
      backups.backupToS3(index, b, "versioned.tar.gz");
    }
    try (StagedRestore staged = backups.stage(b, "versioned.tar.gz", dir.resolve("target"))) {
      assertThat(staged.contentVersion()).contains(built);
      staged.requireContentVersion(built);
      staged.requireContentVersion(null);
      assertThatThrownBy(() -> staged.requireContentVersion(new ContentVersion("model-b", "2/800/0")))
          .isInstanceOfSatisfying(IncompatibleBackupException.class,
              e -> assertThat(e.backupVersion()).isEqualTo(built))
          .hasMessageContaining("model-b");
    }
    assertThat(dir.resolve("target")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }
}
