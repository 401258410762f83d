package com.bmo.learning.search;

import static com.bmo.learning.search.TestChunks.COURSE;
import static com.bmo.learning.search.TestChunks.chunk;
import static com.bmo.learning.search.TestChunks.document;
import static com.bmo.learning.search.TestChunks.source;
import static com.bmo.learning.search.TestChunks.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.MetadataKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchIndex} backend does, whatever its engine. A backend's test extends this class and
 * opens a fresh, empty index of {@link #DIM} dimensions per test; the learning-search test-jar ships it.
 */
public abstract class SearchIndexContract {

  protected static final int DIM = 16;

  protected SearchIndex index;

  /** A new, empty index of {@code dimension} dimensions, of its own (no other test sees it). */
  protected abstract SearchIndex openIndex(int dimension);

  @BeforeEach
  void openFreshIndex() {
    index = openIndex(DIM);
  }

  @AfterEach
  void closeIndex() {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void vectorSearchFindsTheNearestChunkAndReturnsItAsIngested() {
    List<IndexedChunk> chunks = document("algebra-1", 50, "algebra", DIM);
    index.upsert(chunks);
    IndexedChunk wanted = chunks.get(17);

    List<SearchHit> hits = index.search(SearchQuery.vector(wanted.vector(), 5));

    assertThat(hits).hasSize(5);
    SearchHit best = hits.get(0);
    assertThat(best.chunkId()).isEqualTo(wanted.id());
    assertThat(best.score()).isCloseTo(1.0, Offset.offset(1e-5));
    assertThat(best.text()).isEqualTo(wanted.text());
    assertThat(best.sourceUri()).isEqualTo(wanted.sourceUri());
    assertThat(best.metadata()).isEqualTo(wanted.metadata());
    assertThat(best.snippet()).isNull();
    assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void metadataOfEveryTypeRoundTrips() {
    UUID uuid = UUID.randomUUID();
    Map<String, Object> m = Map.of(MetadataKeys.CHUNK_ID, "c1", "s", "text", "u", uuid, "i", 7,
        "l", 1L << 40, "f", 1.5f, "d", 2.25);
    IndexedChunk chunk = new IndexedChunk("c1", "s3://b/k.txt", "hello", m, vector(1, DIM));
    index.upsert(List.of(chunk));

    SearchHit stored = index.get("c1").orElseThrow();
    assertThat(stored.metadata()).isEqualTo(m);
    assertThat(stored.text()).isEqualTo("hello");
    assertThat(stored.sourceUri()).isEqualTo("s3://b/k.txt");
    assertThat(index.get("missing")).isEmpty();
  }

  @Test
  void upsertWithTheSameIdReplacesNeverDuplicates() {
    index.upsert(document("doc", 10, "algebra", DIM));
    IndexedChunk original = chunk("doc", 3, "algebra", DIM);
    float[] newVector = vector(999, DIM);
    IndexedChunk rewritten = new IndexedChunk(original.id(), original.sourceUri(), "rewritten",
        TestChunks.with(original, Map.of(COURSE, "geometry")).metadata(), newVector);
    index.upsert(List.of(rewritten));
    index.upsert(document("doc", 10, "algebra", DIM).subList(5, 10));

    assertThat(index.count()).isEqualTo(10);
    assertThat(index.get(original.id()).orElseThrow().text()).isEqualTo("rewritten");
    assertThat(index.search(SearchQuery.vector(newVector, 1)).get(0).chunkId()).isEqualTo(original.id());
  }

  @Test
  void filtersRestrictEveryModeToMatchingMetadata() {
    index.upsert(document("alg", 30, "algebra", DIM));
    index.upsert(document("bio", 30, "biology", DIM));
    float[] nearAlgebraChunk = chunk("alg", 4, "algebra", DIM).vector();

    for (SearchMode mode : SearchMode.values()) {
      SearchQuery q = new SearchQuery("text of alg part 4", nearAlgebraChunk,
          ChunkFilter.eq(COURSE, "biology"), mode, 10, 0);
      assertThat(index.search(q)).as(mode.toString()).hasSize(10)
          .allSatisfy(h -> assertThat(h.metadata().get(COURSE)).isEqualTo("biology"));
    }
    List<SearchHit> pageOne = index.search(SearchQuery.vector(nearAlgebraChunk, 100)
        .withFilter(ChunkFilter.allOf(ChunkFilter.eq(COURSE, "algebra"), ChunkFilter.eq("page", 1))));
    assertThat(pageOne).extracting(SearchHit::chunkId).containsExactlyInAnyOrder("alg#0", "alg#1", "alg#2");
    List<SearchHit> either = index.search(SearchQuery.vector(nearAlgebraChunk, 100)
        .withFilter(ChunkFilter.anyOf(COURSE, Set.of("biology", "algebra"))));
    assertThat(either).hasSize(60);
    assertThat(index.search(SearchQuery.keyword("part", 100).withFilter(ChunkFilter.eq(COURSE, "none"))))
        .isEmpty();
  }

  @Test
  void anyMatchAdmitsAChunkThatPassesEitherFilterAcrossDifferentKeysInEveryMode() {
    index.upsert(document("alg", 12, "algebra", DIM));
    index.upsert(document("bio", 12, "biology", DIM));
    index.upsert(document("geo", 12, "geometry", DIM));
    List<IndexedChunk> mine = new ArrayList<>();
    for (IndexedChunk c : document("notes", 6, "geometry", DIM)) {
      mine.add(TestChunks.with(c, Map.of("owner", "u:ana")));
    }
    index.upsert(mine);
    // "mine, or in a course granted to me", and within that only page 1: an OR across keys inside an AND.
    ChunkFilter visible = ChunkFilter.anyMatch(ChunkFilter.eq("owner", "u:ana"),
        ChunkFilter.anyOf(COURSE, Set.of("biology")));
    float[] nearGeometry = chunk("geo", 1, "geometry", DIM).vector();

    for (SearchMode mode : SearchMode.values()) {
      List<SearchHit> hits = index.search(new SearchQuery("text of geo part 1", nearGeometry, visible, mode, 100, 0));
      assertThat(hits).as(mode.toString()).extracting(h -> h.chunkId().substring(0, h.chunkId().indexOf('#')))
          .containsOnly("notes", "bio").contains("notes", "bio");
      assertThat(hits).as(mode.toString()).hasSize(18);
    }
    List<SearchHit> firstPages = index.search(SearchQuery.vector(nearGeometry, 100)
        .withFilter(ChunkFilter.allOf(visible, ChunkFilter.eq("page", 1))));
    assertThat(firstPages).extracting(SearchHit::chunkId)
        .containsExactlyInAnyOrder("notes#0", "notes#1", "notes#2", "bio#0", "bio#1", "bio#2");
    assertThat(index.search(SearchQuery.keyword("part", 100).withFilter(ChunkFilter.anyMatch(
        ChunkFilter.eq("owner", "u:nobody"), ChunkFilter.eq(COURSE, "none"))))).isEmpty();
  }

  @Test
  void keywordSearchFindsTheExactTermTheVectorsKnowNothingAbout() {
    index.upsert(document("manual", 40, "r", DIM));
    IndexedChunk special = chunk("manual", 40, "r",
        "Use the function vapply when the result type is known in advance.", DIM);
    index.upsert(List.of(special));

    List<SearchHit> keyword = index.search(SearchQuery.keyword("vapply", 3));
    assertThat(keyword).extracting(SearchHit::chunkId).containsExactly(special.id());

    // Hybrid: the query vector points at another chunk; the exact term still brings this one in.
    float[] elsewhere = chunk("manual", 7, "r", DIM).vector();
    List<SearchHit> hybrid = index.search(SearchQuery.hybrid("vapply", elsewhere, 3));
    assertThat(hybrid).extracting(SearchHit::chunkId).contains(special.id(), "manual#7");
  }

  @Test
  void keywordSearchAlsoMatchesTheSectionTitle() {
    index.upsert(document("manual", 10, "r", DIM));
    IndexedChunk inSection = TestChunks.with(chunk("manual", 10, "r", "The loop runs once per element.", DIM),
        Map.of(SearchHit.HEADING_PATH, "R Manual › 5 Arrays › 5.3 Index matrices"));
    index.upsert(List.of(inSection));

    assertThat(index.search(SearchQuery.keyword("matrices", 5))).extracting(SearchHit::chunkId)
        .containsExactly(inSection.id());
  }

  @Test
  void hitsCarryTitleSectionPagesAndASnippetWithTheMatchedTermsMarked() {
    IndexedChunk chunk = TestChunks.with(chunk("manual", 0, "r",
        "Arrays can be indexed by matrices. An index matrix has one column per dimension & more <tags>.", DIM),
        Map.of(MetadataKeys.TITLE, "R Manual", SearchHit.HEADING_PATH, "R Manual › 5 Arrays",
            MetadataKeys.PAGE, 12, SearchHit.PAGE_END, 13));
    index.upsert(List.of(chunk));

    SearchHit hit = index.search(SearchQuery.hybrid("index matrix", chunk.vector(), 1)).get(0);

    assertThat(hit.title()).isEqualTo("R Manual");
    assertThat(hit.headingPath()).isEqualTo("R Manual › 5 Arrays");
    assertThat(hit.page()).isEqualTo(12);
    assertThat(hit.pageEnd()).isEqualTo(13);
    assertThat(hit.snippet()).isNotNull();
    assertThat(hit.snippet().markup()).isEqualTo(SearchHit.Snippet.HTML_MARK);
    assertThat(hit.snippet().text()).contains("<mark>index</mark>", "<mark>matrix</mark>")
        .doesNotContain("<tags>");
  }

  @Test
  void minScoreDropsWeakVectorHits() {
    index.upsert(document("doc", 20, "algebra", DIM));
    float[] q = chunk("doc", 0, "algebra", DIM).vector();
    List<SearchHit> hits = index.search(SearchQuery.vector(q, 20).withMinScore(0.99));
    assertThat(hits).extracting(SearchHit::chunkId).containsExactly("doc#0");
  }

  @Test
  void replaceSourceDropsChunksTheNewVersionNoLongerHas() {
    index.upsert(document("doc", 10, "algebra", DIM));
    index.upsert(document("other", 4, "algebra", DIM));

    index.replaceSource(source("doc"), document("doc", 6, "algebra", DIM));

    assertThat(index.countSource(source("doc"))).isEqualTo(6);
    assertThat(index.get("doc#7")).isEmpty();
    assertThat(index.count()).isEqualTo(10);
    assertThatThrownBy(() -> index.replaceSource(source("doc"), document("other", 1, "algebra", DIM)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other#0");
  }

  @Test
  void deleteSourceRemovesAllItsChunksOnly() {
    index.upsert(document("doc", 10, "algebra", DIM));
    index.upsert(document("keep", 5, "algebra", DIM));

    assertThat(index.deleteSource(source("doc"))).isEqualTo(10);
    assertThat(index.count()).isEqualTo(5);
    assertThat(index.deleteSource(source("doc"))).isZero();
    assertThat(index.search(SearchQuery.keyword("doc", 10))).isEmpty();
    index.delete(List.of("keep#0", "no-such-id"));
    assertThat(index.count()).isEqualTo(4);
  }

  @Test
  void clearEmptiesTheIndex() {
    index.upsert(document("doc", 10, "algebra", DIM));
    index.clear();
    assertThat(index.count()).isZero();
    assertThat(index.search(SearchQuery.hybrid("text", vector(1, DIM), 3))).isEmpty();
  }

  @Test
  void refusesVectorsOfAnotherDimensionAndZeroVectors() {
    assertThat(index.dimension()).isEqualTo(DIM);
    assertThatThrownBy(() -> index.upsert(List.of(chunk("d", 0, "c", DIM + 1))))
        .isInstanceOf(DimensionMismatchException.class).hasMessageContaining("d#0");
    assertThatThrownBy(() -> index.search(SearchQuery.vector(new float[DIM + 1], 1)))
        .isInstanceOf(DimensionMismatchException.class);
    assertThatThrownBy(() -> index.upsert(List.of(new IndexedChunk("z", "s3://b/z", "z", Map.of(),
        new float[DIM])))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeros");
    assertThat(index.count()).isZero();
  }

  @Test
  void searchesSeeEachWriteWhollyOrNotAtAll() throws Exception {
    // A writer replaces a 20-chunk document again and again; readers must always count exactly 20.
    index.replaceSource(source("doc"), document("doc", 20, "algebra", DIM));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch stop = new CountDownLatch(1);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int round = 0; round < 30; round++) {
          index.replaceSource(source("doc"), document("doc", 20, "algebra", DIM));
        }
        stop.countDown();
        return null;
      });
      List<Long> counts = new ArrayList<>();
      Future<?> reader = pool.submit(() -> {
        while (stop.getCount() > 0) {
          counts.add(index.countSource(source("doc")));
          counts.add((long) index.search(SearchQuery.keyword("doc", 100)).size());
        }
        return null;
      });
      writer.get(60, TimeUnit.SECONDS);
      reader.get(60, TimeUnit.SECONDS);
      assertThat(counts).isNotEmpty().containsOnly(20L);
    } finally {
      pool.shutdownNow();
    }
  }
}
