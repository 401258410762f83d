package com.bmo.learning.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorIndexTest {

  static final int DIM = 16;

  @TempDir
  Path dir;
  LuceneVectorIndex index;

  @BeforeEach
  void open() {
    index = LuceneVectorIndex.open("lessons", dir.resolve("lessons"), IndexSettings.defaults(DIM));
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void searchFindsTheChunkWhoseVectorIsClosestAndReturnsItsSegment() {
    List<IndexedChunk> chunks = TestChunks.document("algebra-1", 50, "algebra", DIM);
    index.upsert(chunks);
    IndexedChunk wanted = chunks.get(17);

    List<SearchHit> hits = index.search(SearchRequest.of(wanted.vector(), 5));

    assertThat(hits).hasSize(5);
    assertThat(hits.get(0).chunkId()).isEqualTo(wanted.id());
    assertThat(hits.get(0).cosineSimilarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(hits.get(0).segment()).isEqualTo(wanted.segment());
    assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void metadataOfEveryTypeRoundTrips() {
    UUID uuid = UUID.randomUUID();
    Metadata m = new Metadata().put(ChunkMetadata.CHUNK_ID, "c1").put("s", "text").put("u", uuid)
        .put("i", 7).put("l", 1L << 40).put("f", 1.5f).put("d", 2.25);
    TextSegment segment = TextSegment.from("hello", m);
    index.upsert(List.of(IndexedChunk.of(segment, TestChunks.vector(1, DIM))));

    assertThat(index.get("c1")).contains(segment);
    assertThat(index.get("missing")).isEmpty();
  }

  @Test
  void upsertWithTheSameIdReplacesNeverDuplicates() {
    index.upsert(TestChunks.document("doc", 10, "algebra", DIM));
    IndexedChunk original = TestChunks.chunk("doc", 3, "algebra", DIM);
    Metadata changed = original.segment().metadata().copy().put(ChunkMetadata.COURSE, "geometry");
    float[] newVector = TestChunks.vector(999, DIM);
    index.upsert(List.of(new IndexedChunk(original.id(), TextSegment.from("rewritten", changed), newVector)));
    index.upsert(TestChunks.document("doc", 10, "algebra", DIM).subList(5, 10));

    assertThat(index.count()).isEqualTo(10);
    assertThat(index.get(original.id()).orElseThrow().text()).isEqualTo("rewritten");
    assertThat(index.search(SearchRequest.of(newVector, 1)).get(0).chunkId()).isEqualTo(original.id());
  }

  @Test
  void filterRestrictsResultsToMatchingMetadata() {
    index.upsert(TestChunks.document("alg", 30, "algebra", DIM));
    index.upsert(TestChunks.document("bio", 30, "biology", DIM));
    float[] nearAlgebraChunk = TestChunks.chunk("alg", 4, "algebra", DIM).vector();

    List<SearchHit> hits = index.search(SearchRequest.of(nearAlgebraChunk, 10,
        ChunkFilter.eq(ChunkMetadata.COURSE, "biology")));

    assertThat(hits).hasSize(10).allSatisfy(h ->
        assertThat(h.segment().metadata().getString(ChunkMetadata.COURSE)).isEqualTo("biology"));
    List<SearchHit> pageOne = index.search(SearchRequest.of(nearAlgebraChunk, 100,
        ChunkFilter.allOf(ChunkFilter.eq(ChunkMetadata.COURSE, "algebra"), ChunkFilter.eq("page", 1))));
    assertThat(pageOne).extracting(SearchHit::chunkId)
        .containsExactlyInAnyOrder("alg#0", "alg#1", "alg#2");
    List<SearchHit> either = index.search(SearchRequest.of(nearAlgebraChunk, 100,
        ChunkFilter.anyOf(ChunkMetadata.COURSE, Set.of("biology", "algebra"))));
    assertThat(either).hasSize(60);
  }

  @Test
  void minScoreDropsWeakHits() {
    index.upsert(TestChunks.document("doc", 20, "algebra", DIM));
    float[] q = TestChunks.chunk("doc", 0, "algebra", DIM).vector();
    List<SearchHit> hits = index.search(new SearchRequest(q, 20, null, 0.99));
    assertThat(hits).extracting(SearchHit::chunkId).containsExactly("doc#0");
  }

  @Test
  void replaceSourceDropsChunksTheNewVersionNoLongerHas() {
    index.upsert(TestChunks.document("doc", 10, "algebra", DIM));
    index.upsert(TestChunks.document("other", 4, "algebra", DIM));

    index.replaceSource("s3://lessons/doc.pdf", TestChunks.document("doc", 6, "algebra", DIM));

    assertThat(index.countSource("s3://lessons/doc.pdf")).isEqualTo(6);
    assertThat(index.get("doc#7")).isEmpty();
    assertThat(index.count()).isEqualTo(10);
    assertThatThrownBy(() -> index.replaceSource("s3://lessons/doc.pdf",
        TestChunks.document("other", 1, "algebra", DIM)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other#0");
  }

  @Test
  void deleteSourceRemovesAllItsChunksOnly() {
    index.upsert(TestChunks.document("doc", 10, "algebra", DIM));
    index.upsert(TestChunks.document("keep", 5, "algebra", DIM));

    assertThat(index.deleteSource("s3://lessons/doc.pdf")).isEqualTo(10);
    assertThat(index.count()).isEqualTo(5);
    assertThat(index.deleteSource("s3://lessons/doc.pdf")).isZero();
    index.delete(List.of("keep#0", "no-such-id"));
    assertThat(index.count()).isEqualTo(4);
  }

  @Test
  void clearEmptiesTheCollection() {
    index.upsert(TestChunks.document("doc", 10, "algebra", DIM));
    index.clear();
    assertThat(index.count()).isZero();
    assertThat(index.search(SearchRequest.of(TestChunks.vector(1, DIM), 3))).isEmpty();
  }

  @Test
  void writesAreCommittedAndSurviveReopening() {
    index.upsert(TestChunks.document("doc", 12, "algebra", DIM));
    index.close();
    index = LuceneVectorIndex.open("lessons", dir.resolve("lessons"), IndexSettings.defaults(DIM));
    assertThat(index.count()).isEqualTo(12);
    assertThat(index.get("doc#11")).isPresent();
  }

  @Test
  void refusesVectorsOfAnotherDimensionAndReopeningWithAnotherDimension() {
    assertThatThrownBy(() -> index.upsert(List.of(TestChunks.chunk("d", 0, "c", DIM + 1))))
        .isInstanceOf(DimensionMismatchException.class).hasMessageContaining("d#0");
    assertThatThrownBy(() -> index.search(SearchRequest.of(new float[DIM + 1], 1)))
        .isInstanceOf(DimensionMismatchException.class);
    assertThatThrownBy(() -> index.upsert(List.of(new IndexedChunk("z", TextSegment.from("z"),
        new float[DIM])))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeros");
    index.close();
    assertThatThrownBy(() -> LuceneVectorIndex.open("lessons", dir.resolve("lessons"),
        IndexSettings.defaults(DIM * 2))).isInstanceOf(DimensionMismatchException.class);
    index = LuceneVectorIndex.open("lessons", dir.resolve("lessons"), IndexSettings.defaults(DIM));
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefused() {
    assertThatThrownBy(() -> LuceneVectorIndex.open("lessons", dir.resolve("lessons"),
        IndexSettings.defaults(DIM))).isInstanceOf(IndexLockedException.class);
  }

  @Test
  void badInputGetsClearErrors() {
    assertThatThrownBy(() -> LuceneVectorIndex.open("../escape", dir, IndexSettings.defaults(DIM)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection name");
    assertThatThrownBy(() -> IndexedChunk.of(TextSegment.from("no id"), new float[DIM]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk_id");
    assertThatThrownBy(() -> SearchRequest.of(new float[DIM], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topK");
    assertThatThrownBy(() -> IndexSettings.defaults(2048)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void searchesSeeEachWriteWhollyOrNotAtAll() throws Exception {
    // A writer replaces a 20-chunk document again and again; readers must always count exactly 20.
    index.replaceSource("s3://lessons/doc.pdf", TestChunks.document("doc", 20, "algebra", DIM));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch stop = new CountDownLatch(1);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int round = 0; round < 30; round++) {
          index.replaceSource("s3://lessons/doc.pdf", TestChunks.document("doc", 20, "algebra", DIM));
        }
        stop.countDown();
        return null;
      });
      List<Long> counts = new ArrayList<>();
      Future<?> reader = pool.submit(() -> {
        while (stop.getCount() > 0) {
          counts.add(index.countSource("s3://lessons/doc.pdf"));
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

  @Test
  void snapshotKeepsItsFilesWhileWritesAndMergesGoOn() throws Exception {
    index.upsert(TestChunks.document("doc", 40, "algebra", DIM));
    try (IndexSnapshot snapshot = index.snapshot()) {
      assertThat(snapshot.chunkCount()).isEqualTo(40);
      assertThat(snapshot.fileNames()).contains(snapshot.segmentsFileName());
      for (int i = 0; i < 15; i++) {
        index.upsert(TestChunks.document("more" + i, 10, "algebra", DIM));
      }
      index.clear();
      for (String name : snapshot.fileNames()) {
        assertThat(snapshot.file(name)).as(name).exists();
      }
    }
    index.upsert(TestChunks.document("after", 1, "algebra", DIM));
    try (var files = Files.list(dir.resolve("lessons"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_")))
          .hasSize(1);
    }
  }

  @Test
  void storeOpensCollectionsInTheirOwnDirectories() {
    try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("store"), IndexSettings.defaults(DIM))) {
      store.collection("algebra").upsert(TestChunks.document("a", 3, "algebra", DIM));
      store.collection("biology").upsert(TestChunks.document("b", 5, "biology", DIM));
      assertThat(store.collection("algebra")).isSameAs(store.collection("algebra"));
      assertThat(store.collections()).containsExactly("algebra", "biology");
      assertThat(store.collection("biology").count()).isEqualTo(5);
      assertThat(store.directoryOf("algebra")).isEqualTo(dir.resolve("store/algebra").toAbsolutePath());
      store.close("algebra");
      assertThat(store.collection("algebra").count()).isEqualTo(3);
    }
  }
}
