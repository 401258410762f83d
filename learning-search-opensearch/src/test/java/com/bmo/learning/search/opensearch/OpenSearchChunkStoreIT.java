package com.bmo.learning.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.opensearch.junit.OpenSearchTarget;
import com.bmo.learning.opensearch.junit.OpenSearchTest;
import com.bmo.learning.opensearch.junit.TestIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** OpenSearch-specific behaviour of the chunk store on a real node: k-NN filtering, highlights, import swap. */
@OpenSearchTest
class OpenSearchChunkStoreIT {

  private OpenSearchClient client;

  @AfterEach
  void close() throws Exception {
    if (client != null) {
      client._transport().close();
    }
  }

  private ChunkStore store(OpenSearchTarget node, TestIndex index) {
    OpenSearchSettings settings = OpenSearchSettings.builder(node.endpoint(), index.name()).replicas(0).build();
    client = OpenSearchClients.create(settings);
    AliasedIndex layout = new AliasedIndex(client, settings, 4);
    layout.ensureReady();
    return new ChunkStore(client, layout);
  }

  private static ChunkDocument chunk(String id, String source, String course, String text, float... vector) {
    return new ChunkDocument(id, source, text, Map.of("course", course, "source_uri", source, "title",
        "Title " + source, "heading_path", "Manual › " + id, "page", 1, "page_end", 2), vector);
  }

  @Test
  void theFilterIsAppliedInsideTheNearestNeighbourSearchNotAfterIt(OpenSearchTarget node, TestIndex index) {
    ChunkStore store = store(node, index);
    List<ChunkDocument> chunks = new ArrayList<>();
    // 40 chunks of course "a" close to the question, 2 of course "b" far from it: filtering the 10
    // nearest afterwards would find no "b" chunk at all.
    for (int i = 0; i < 40; i++) {
      chunks.add(chunk("a" + i, "s3://d/a" + i, "a", "near " + i, 1, 0.01f * i, 0, 0));
    }
    chunks.add(chunk("b1", "s3://d/b1", "b", "far one", 0, 0, 1, 0));
    chunks.add(chunk("b2", "s3://d/b2", "b", "far two", 0, 0, 0.9f, 0.1f));
    store.write(chunks);

    List<ChunkStore.ScoredChunk> hits = store.vector(new float[] {1, 0, 0, 0}, 10,
        Optional.of(OpenSearchQueries.term("course", "b")), Optional.empty(), 0);

    assertThat(hits).extracting(h -> h.chunk().chunkId()).containsExactly("b1", "b2");
  }

  @Test
  void keywordHitsComeBackAsStoredWithAMarkedEscapedSnippet(OpenSearchTarget node, TestIndex index) {
    ChunkStore store = store(node, index);
    ChunkDocument stored = chunk("c1", "s3://d/r.pdf", "r", "Use lapply to apply a function over a <list>.", 1, 0, 0, 0);
    store.write(List.of(stored, chunk("c2", "s3://d/r.pdf", "r", "Vectors are atomic.", 0, 1, 0, 0)));

    List<ChunkStore.ScoredChunk> hits = store.keyword("lapply", 5, Optional.empty());

    assertThat(hits).hasSize(1);
    ChunkStore.ScoredChunk hit = hits.get(0);
    assertThat(hit.snippet()).isEqualTo("Use <mark>lapply</mark> to apply a function over a &lt;list&gt;.");
    assertThat(hit.chunk().vector()).as("searches do not ship vectors back").isNull();
    assertThat(hit.chunk().withVector(stored.vector())).isEqualTo(stored);
    assertThat(store.vector(new float[] {1, 0, 0, 0}, 1, Optional.empty(), Optional.empty(), 0).get(0).snippet())
        .as("no words, no snippet").isNull();
  }

  @Test
  void hybridFindsTheExactTermTheVectorMissesAndTheMeaningTheWordsMiss(OpenSearchTarget node, TestIndex index) {
    ChunkStore store = store(node, index);
    store.write(List.of(
        chunk("term", "s3://d/1", "r", "Set options(digits = 3) to print fewer digits.", 0, 0, 0, 1),
        chunk("meaning", "s3://d/2", "r", "Rounding numbers for display.", 1, 0, 0, 0),
        chunk("other", "s3://d/3", "r", "Data frames hold columns.", 0, 1, 0, 0)));
    float[] question = {1, 0, 0, 0};

    List<String> hybrid = store.hybrid("digits", question, 2, Optional.empty(), 0).stream()
        .map(h -> h.chunk().chunkId()).toList();

    assertThat(hybrid).containsExactlyInAnyOrder("term", "meaning");
  }

  @Test
  void replacingASourceLeavesExactlyTheNewChunksAndDeletingItLeavesNone(OpenSearchTarget node, TestIndex index) {
    ChunkStore store = store(node, index);
    store.write(List.of(chunk("x1", "s3://d/x", "r", "one", 1, 0, 0, 0), chunk("x2", "s3://d/x", "r", "two", 1, 0, 0, 0),
        chunk("y1", "s3://d/y", "r", "other", 1, 0, 0, 0)));

    store.replaceSource("s3://d/x", List.of(chunk("x1", "s3://d/x", "r", "one, revised", 1, 0, 0, 0)));

    assertThat(store.countSource("s3://d/x")).isEqualTo(1);
    assertThat(store.keyword("revised", 5, Optional.empty())).extracting(h -> h.chunk().chunkId()).containsExactly("x1");
    assertThat(store.deleteSource("s3://d/x")).isEqualTo(1);
    assertThat(store.countSource("s3://d/x")).isZero();
    assertThat(store.count(Optional.empty())).isEqualTo(1);
  }

  @Test
  void anImportFillsANewIndexAndSwapsReadersOverToIt(OpenSearchTarget node, TestIndex index) {
    ChunkStore store = store(node, index);
    List<ChunkDocument> saved = new ArrayList<>();
    for (int i = 0; i < 1_203; i++) {
      saved.add(chunk("k" + i, "s3://d/k" + (i % 7), "c" + (i % 3), "chunk number " + i, 1, i, 0, 0));
    }
    store.write(saved);
    List<ChunkDocument> exported = new ArrayList<>();
    store.exportAll(exported::add);
    assertThat(exported).hasSize(1_203);
    assertThat(exported.get(0).vector()).hasSize(4);
    store.clear();
    store.write(List.of(chunk("after", "s3://d/z", "c0", "written after the backup", 1, 0, 0, 0)));

    assertThat(store.importAll(exported.iterator())).isEqualTo(1_203);

    assertThat(store.count(Optional.empty())).isEqualTo(1_203);
    assertThat(store.keyword("written after", 5, Optional.empty())).isEmpty();
    assertThat(store.count(Optional.of(OpenSearchQueries.term("course", "c1")))).isEqualTo(401);
  }
}
