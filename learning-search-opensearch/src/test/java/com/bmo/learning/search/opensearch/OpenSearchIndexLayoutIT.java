package com.bmo.learning.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.opensearch.junit.OpenSearchTarget;
import com.bmo.learning.opensearch.junit.OpenSearchTest;
import com.bmo.learning.opensearch.junit.TestIndex;
import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.IndexReplaced;
import com.bmo.learning.search.TestChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Index creation at start-up, the mapping-version check and the alias swap, on a real OpenSearch node. */
@OpenSearchTest
class OpenSearchIndexLayoutIT {

  private final List<OpenSearchClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() throws Exception {
    for (OpenSearchClient c : clients) {
      c._transport().close();
    }
  }

  private OpenSearchClient client(OpenSearchSettings settings) {
    OpenSearchClient c = OpenSearchClients.create(settings);
    clients.add(c);
    return c;
  }

  private static OpenSearchSettings settings(OpenSearchTarget node, TestIndex index) {
    return OpenSearchSettings.builder(node.endpoint(), index.name()).replicas(0).build();
  }

  @Test
  void aChangedContentVersionPutsAFreshIndexBehindTheAliasAndExactlyOneOfRacingInstancesReportsIt(
      OpenSearchTarget node, TestIndex index) throws Exception {
    OpenSearchSettings s = settings(node, index);
    ContentVersion built = new ContentVersion("model-a", "2/800/0");
    try (OpenSearchSearchIndex first = OpenSearchSearchIndex.open(s, 8, built)) {
      first.upsert(TestChunks.document("old", 5, "algebra", 8));
      assertThat(first.replaced()).isEmpty();
    }
    try (OpenSearchSearchIndex same = OpenSearchSearchIndex.open(s, 8, built)) {
      assertThat(same.replaced()).isEmpty();
      assertThat(same.count()).as("same version: contents kept").isEqualTo(5);
    }

    ContentVersion rechunked = new ContentVersion("model-a", "2/400/0");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<OpenSearchSearchIndex> opened = new ArrayList<>();
    try {
      List<Callable<OpenSearchSearchIndex>> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        starts.add(() -> OpenSearchSearchIndex.open(s, 8, rechunked));
      }
      for (Future<OpenSearchSearchIndex> f : pool.invokeAll(starts)) {
        opened.add(f.get());
      }
      List<IndexReplaced> reports = opened.stream().flatMap(o -> o.replaced().stream()).toList();
      assertThat(reports).hasSize(1);
      assertThat(reports.get(0).previous()).isEqualTo(built);
      assertThat(reports.get(0).current()).isEqualTo(rechunked);
      assertThat(reports.get(0).cause()).isEqualTo("chunker changed (2/800/0 → 2/400/0)");
      assertThat(opened.get(0).count()).as("old chunks are not mixed in").isZero();
      opened.get(1).upsert(TestChunks.document("new", 3, "algebra", 8));
      assertThat(opened.get(2).count()).isEqualTo(3);
    } finally {
      pool.shutdown();
      opened.forEach(OpenSearchSearchIndex::close);
    }
    try (OpenSearchSearchIndex again = OpenSearchSearchIndex.open(s, 8, rechunked)) {
      assertThat(again.replaced()).as("the new version is recorded in _meta").isEmpty();
      assertThat(again.count()).isEqualTo(3);
    }
  }

  @Test
  void startUpCreatesTheIndexBehindTheAliasOnceEvenWhenInstancesRace(OpenSearchTarget node, TestIndex index)
      throws Exception {
    OpenSearchSettings s = settings(node, index);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<String>> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        starts.add(() -> new AliasedIndex(client(s), s, 8).ensureReady());
      }
      List<String> created = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(starts)) {
        created.add(f.get());
      }
      assertThat(created).containsOnly(index.name() + "-v" + ChunkMapping.VERSION + "-0");
    } finally {
      pool.shutdown();
    }
    // And again later, as a restarted instance: the same index, untouched.
    assertThat(new AliasedIndex(client(s), s, 8).ensureReady()).isEqualTo(index.name() + "-v" + ChunkMapping.VERSION + "-0");
    Map<String, ?> aliases = client(s).indices().getAlias(g -> g.name(index.name())).result();
    assertThat(aliases).containsOnlyKeys(index.name() + "-v" + ChunkMapping.VERSION + "-0");
  }

  @Test
  void anIndexForAnotherDimensionIsRefusedWithTheReason(OpenSearchTarget node, TestIndex index) {
    OpenSearchSettings s = settings(node, index);
    new AliasedIndex(client(s), s, 8).ensureReady();

    assertThatThrownBy(() -> new AliasedIndex(client(s), s, 384).ensureReady())
        .isInstanceOf(MappingMismatchException.class)
        .hasMessageContaining("8-dimensional").hasMessageContaining("384");
  }

  @Test
  void anIndexWithAnotherMappingVersionIsRefusedAndLeftAlone(OpenSearchTarget node, TestIndex index) throws Exception {
    OpenSearchSettings s = settings(node, index);
    OpenSearchClient c = client(s);
    // What an older (or newer) release would have left: same shape, another _meta version.
    String old = index.name() + "-v0-0";
    c.indices().create(r -> r.index(old).aliases(index.name(), a -> a)
        .mappings(m -> m.meta("mapping_version", org.opensearch.client.json.JsonData.of(0))
            .properties("vector", p -> p.knnVector(v -> v.dimension(8)))));

    assertThatThrownBy(() -> new AliasedIndex(c, s, 8).ensureReady())
        .isInstanceOf(MappingMismatchException.class)
        .hasMessageContaining(old).hasMessageContaining("mapping version 0").hasMessageContaining("version " + ChunkMapping.VERSION);
    assertThat(c.indices().getAlias(g -> g.name(index.name())).result()).containsOnlyKeys(old);
  }

  @Test
  void aConcreteIndexUnderTheAliasNameIsRefused(OpenSearchTarget node, TestIndex index) throws Exception {
    OpenSearchSettings s = settings(node, index);
    OpenSearchClient c = client(s);
    c.indices().create(r -> r.index(index.name()));

    assertThatThrownBy(() -> new AliasedIndex(c, s, 8).ensureReady())
        .isInstanceOf(MappingMismatchException.class).hasMessageContaining("not as an alias");
  }

  @Test
  void swappingTheAliasMovesReadersToTheNewIndexAndDeletesTheOld(OpenSearchTarget node, TestIndex index)
      throws Exception {
    OpenSearchSettings s = settings(node, index);
    OpenSearchClient c = client(s);
    AliasedIndex layout = new AliasedIndex(c, s, 8);
    String first = layout.ensureReady();
    String next = layout.createNextIndex();
    assertThat(next).startsWith(index.name() + "-v" + ChunkMapping.VERSION + "-").isNotEqualTo(first);
    assertThat(layout.liveIndex()).isEqualTo(first);

    assertThat(layout.swapTo(next)).isEqualTo(first);

    assertThat(layout.liveIndex()).isEqualTo(next);
    assertThat(c.indices().exists(e -> e.index(first)).value()).isFalse();
    assertThat(layout.ensureReady()).isEqualTo(next);
  }
}
