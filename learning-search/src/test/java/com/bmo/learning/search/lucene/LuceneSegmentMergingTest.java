package com.bmo.learning.search.lucene;

import static com.bmo.learning.search.TestChunks.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment merging after bulk loads (every write commits, so a bulk load writes many small segments): the
 * index merges them down in the background, while searches and held snapshots (backups) go on, and closes
 * promptly while a merge runs.
 */
@Timeout(120) // a hang (close waiting for a merge forever) fails instead of blocking the build
class LuceneSegmentMergingTest {

  private static final int DIM = 16;
  private static final int DOCUMENTS = 14;
  private static final int CHUNKS_PER_DOCUMENT = 4;

  @TempDir
  Path dir;

  /**
   * A merge policy that lets these tiny segments pile up (up to 50 per tier, none counted larger), as
   * megabyte-sized commits pile up under Lucene's defaults in a real bulk load (47 segments after 100k
   * chunks, docs/PERFORMANCE.md); with {@code mergeAbove} 4 the background merge has to bound them.
   */
  private static final MergeSettings FRAGMENTING = MergeSettings.luceneDefaults().withTiers(50, 0.1);
  private static final MergeSettings MERGING = FRAGMENTING.withBackgroundMerge(1, 4);

  private static IndexSettings settings(MergeSettings merges) {
    return IndexSettings.defaults(DIM).withMerges(merges);
  }

  /** A bulk load: one write (commit) per document, as the service's ingestion does. */
  private static List<IndexedChunk> bulkLoad(LuceneSearchIndex index, String prefix) {
    return bulkLoad(index, prefix, DOCUMENTS);
  }

  private static List<IndexedChunk> bulkLoad(LuceneSearchIndex index, String prefix, int documents) {
    List<IndexedChunk> all = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      List<IndexedChunk> doc = document(prefix + d, CHUNKS_PER_DOCUMENT, "algebra", DIM);
      index.upsert(doc);
      all.addAll(doc);
    }
    return all;
  }

  private static void awaitSegmentsAtMost(LuceneSearchIndex index, int segments) throws InterruptedException {
    while (index.segmentCount() > segments) {
      Thread.sleep(20);
    }
  }

  private static void assertEverythingIsFound(LuceneSearchIndex index, List<IndexedChunk> chunks) {
    assertThat(index.count()).isEqualTo(chunks.size());
    for (IndexedChunk chunk : chunks) {
      assertThat(index.get(chunk.id())).as(chunk.id()).isPresent();
      List<SearchHit> hits = index.search(SearchQuery.vector(chunk.vector(), 1));
      assertThat(hits).as("nearest to %s's own vector", chunk.id()).extracting(SearchHit::chunkId)
          .containsExactly(chunk.id());
    }
  }

  @Test
  void aBulkLoadOfSmallCommitsIsMergedDownAndEverythingIsStillFound() throws Exception {
    MergeSettings merges = MERGING;
    try (LuceneSearchIndex index = LuceneSearchIndex.open("bulk", dir.resolve("bulk"), settings(merges))) {
      List<IndexedChunk> chunks = bulkLoad(index, "doc");
      awaitSegmentsAtMost(index, merges.mergeAbove());
      assertEverythingIsFound(index, chunks);
    }
    // The same load without the background merge leaves more: the bound above is the merge's doing.
    try (LuceneSearchIndex plain = LuceneSearchIndex.open("plain", dir.resolve("plain"),
        settings(merges.withoutBackgroundMerge()))) {
      bulkLoad(plain, "doc");
      assertThat(plain.segmentCount()).isGreaterThan(merges.mergeAbove());
    }
  }

  @Test
  void aRestoredIndexWithTooManySegmentsIsMergedDown() throws Exception {
    List<IndexedChunk> chunks;
    Path fragmented = dir.resolve("fragmented");
    try (LuceneSearchIndex plain = LuceneSearchIndex.open("lessons", fragmented, settings(FRAGMENTING))) {
      chunks = bulkLoad(plain, "doc");
      assertThat(plain.segmentCount()).isGreaterThan(MERGING.mergeAbove());
    }
    try (LuceneSearchIndex index = LuceneSearchIndex.open("lessons", dir.resolve("live"), settings(MERGING))) {
      // A restore: the staged directory's files swapped in (as the backups' restore does).
      index.replaceDirectory(target -> {
        try (var old = Files.list(target); var restored = Files.list(fragmented)) {
          for (Path p : old.toList()) {
            Files.delete(p);
          }
          for (Path p : restored.toList()) {
            Files.move(p, target.resolve(p.getFileName()));
          }
          return null;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      awaitSegmentsAtMost(index, MERGING.mergeAbove());
      assertEverythingIsFound(index, chunks);
    }
  }

  @Test
  void aSnapshotHeldAcrossAMergeKeepsItsCommitAndSearchesGoOnMeanwhile() throws Exception {
    MergeSettings merges = MERGING;
    try (LuceneSearchIndex index = LuceneSearchIndex.open("held", dir.resolve("held"), settings(merges))) {
      List<IndexedChunk> first = bulkLoad(index, "first", merges.mergeAbove());
      AtomicBoolean loading = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Throwable> searchFailures = new ConcurrentLinkedQueue<>();
      AtomicInteger searches = new AtomicInteger();
      Thread searcher = new Thread(() -> {
        while (loading.get() || searches.get() == 0) {
          try {
            // Every committed state holds all of the first load: a search never sees less.
            List<SearchHit> hits = index.search(SearchQuery.keyword("first2 part 3", 5));
            assertThat(hits).extracting(SearchHit::chunkId).contains("first2#3");
            searches.incrementAndGet();
            Thread.sleep(2);
          } catch (Throwable e) {
            searchFailures.add(e);
            return;
          }
        }
      });
      try (IndexSnapshot snapshot = index.snapshot()) {
        searcher.start();
        List<IndexedChunk> second = bulkLoad(index, "second"); // passes the threshold: merges run meanwhile
        awaitSegmentsAtMost(index, merges.mergeAbove());
        loading.set(false);
        searcher.join();
        assertThat(searchFailures).isEmpty();
        assertThat(searches.get()).isPositive();

        // The held commit (what a backup copies) is intact, every file as it was, though merged away.
        Path copy = Files.createDirectories(dir.resolve("backup-copy"));
        for (String name : snapshot.fileNames()) {
          Files.copy(snapshot.file(name), copy.resolve(name));
        }
        try (FSDirectory d = FSDirectory.open(copy); DirectoryReader reader = DirectoryReader.open(d)) {
          assertThat(reader.numDocs()).isEqualTo(first.size());
        }
        List<IndexedChunk> all = new ArrayList<>(first);
        all.addAll(second);
        assertEverythingIsFound(index, all);
      }
    }
  }

  @Test
  void closeWhileMergingReturnsAndLeavesTheLastCommit() throws Exception {
    MergeSettings merges = MERGING;
    List<IndexedChunk> chunks;
    LuceneSearchIndex index = LuceneSearchIndex.open("closing", dir.resolve("closing"), settings(merges));
    chunks = bulkLoad(index, "doc"); // the last writes start merges: close now, while they run
    index.close();
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .doesNotContain("lucene-merge-closing");
    try (LuceneSearchIndex reopened = LuceneSearchIndex.open("closing", dir.resolve("closing"),
        settings(merges.withoutBackgroundMerge()))) {
      assertEverythingIsFound(reopened, chunks);
    }
  }
}
