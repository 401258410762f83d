package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.HybridRanking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Chunk documents in OpenSearch, engine-level: writes visible to searches when they return
 * ({@code refresh=true}), deletes by source, the three searches, and a full export/import for backups.
 * Every request goes through the alias of {@link AliasedIndex}.
 */
final class ChunkStore {

  /** Documents per bulk request: 500 × 384-dimensional vectors ≈ 4 MB of JSON. */
  static final int BULK_SIZE = 500;
  private static final int EXPORT_PAGE = 500;

  /**
   * One search hit: the chunk (without its vector), its score, and passages of its text with the
   * question's words marked (HTML-escaped, {@code <mark>}), or null when none matched.
   */
  record ScoredChunk(ChunkDocument chunk, double score, String snippet) {
  }

  private final OpenSearchClient client;
  private final AliasedIndex index;

  ChunkStore(OpenSearchClient client, AliasedIndex index) {
    this.client = client;
    this.index = index;
  }

  /**
   * Adds or replaces the chunks by id; searchable when this returns. An explicit refresh rather than
   * {@code wait_for}: writes come a document at a time, and waiting for the next scheduled refresh (1 s)
   * would add up to a second to every ingestion.
   */
  void write(List<ChunkDocument> chunks) {
    bulk(index.alias(), chunks, Refresh.True);
  }

  /**
   * Replaces a source's chunks: the new ones are written first, then those the new set no longer has are
   * deleted, so a search during a re-ingest finds the old or the new chunks, never none.
   */
  void replaceSource(String sourceUri, List<ChunkDocument> chunks) {
    write(chunks);
    Query stale = Query.of(q -> q.bool(b -> {
      b.filter(Query.of(f -> f.term(t -> t.field(ChunkMapping.SOURCE_URI).value(FieldValue.of(sourceUri)))));
      if (!chunks.isEmpty()) {
        b.mustNot(m -> m.ids(i -> i.values(chunks.stream().map(ChunkDocument::chunkId).toList())));
      }
      return b;
    }));
    // Re-ingesting an unchanged document leaves nothing stale: a count is much cheaper than a delete task.
    if (count(Optional.of(stale)) > 0) {
      deleteByQuery(stale);
    }
  }

  /** Deletes a source's chunks; returns how many there were. */
  long deleteSource(String sourceUri) {
    return deleteByQuery(sourceQuery(sourceUri));
  }

  /** Deletes chunks by id. */
  void delete(List<String> chunkIds) {
    if (!chunkIds.isEmpty()) {
      deleteByQuery(Query.of(q -> q.ids(i -> i.values(chunkIds))));
    }
  }

  /** Deletes every chunk. */
  void clear() {
    deleteByQuery(Query.of(q -> q.matchAll(m -> m)));
  }

  long count(Optional<Query> filter) {
    try {
      return client.count(c -> {
        c.index(index.alias());
        filter.ifPresent(c::query);
        return c;
      }).count();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  long countSource(String sourceUri) {
    return count(Optional.of(sourceQuery(sourceUri)));
  }

  /** The stored chunk with this id, without its vector. */
  Optional<ChunkDocument> get(String chunkId) {
    try {
      var found = client.get(g -> g.index(index.alias()).id(chunkId).sourceExcludes(ChunkMapping.VECTOR), Map.class);
      return found.found() && found.source() != null ? Optional.of(ChunkDocument.fromSource(source(found.source())))
          : Optional.empty();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private static Query sourceQuery(String sourceUri) {
    return Query.of(q -> q.term(t -> t.field(ChunkMapping.SOURCE_URI).value(FieldValue.of(sourceUri))));
  }

  List<ScoredChunk> keyword(String text, int k, Optional<Query> filter) {
    return run(OpenSearchQueries.keywordQuery(text, filter), k, Optional.of(text));
  }

  /** Nearest neighbours scoring at least {@code minScore} ({@code (1 + cosine) / 2}). */
  List<ScoredChunk> vector(float[] vector, int k, Optional<Query> filter, Optional<String> highlightText,
      double minScore) {
    // k-NN's own min_score is radial search, which replaces k: drop weak hits here instead.
    return run(OpenSearchQueries.vectorQuery(vector, k, filter), k, highlightText).stream()
        .filter(h -> h.score() >= minScore).toList();
  }

  /** Keyword and vector candidates, fused as {@link HybridRanking#fuse}; the score is the fused score. */
  List<ScoredChunk> hybrid(String text, float[] vector, int k, Optional<Query> filter, double minScore) {
    int candidates = Math.max(k, HybridRanking.FUSION_DEPTH);
    List<ScoredChunk> byWords = keyword(text, candidates, filter);
    List<ScoredChunk> byMeaning = vector(vector, candidates, filter, Optional.of(text), minScore);
    return HybridRanking.fuse(byWords, byMeaning, s -> s.chunk().chunkId(), k).stream()
        .map(f -> new ScoredChunk(f.item().chunk(), f.score(), f.item().snippet()))
        .toList();
  }

  /** Every chunk, with its vector, in chunk-id order. */
  void exportAll(Consumer<ChunkDocument> sink) {
    try {
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<Map> page = client.search(s -> {
          s.index(index.alias()).size(EXPORT_PAGE).query(q -> q.matchAll(m -> m))
              .sort(o -> o.field(f -> f.field(ChunkMapping.CHUNK_ID).order(SortOrder.Asc)));
          if (from != null) {
            s.searchAfterVals(from);
          }
          return s;
        }, Map.class);
        List<Hit<Map>> hits = page.hits().hits();
        for (Hit<Map> hit : hits) {
          sink.accept(ChunkDocument.fromSource(source(hit)));
        }
        if (hits.size() < EXPORT_PAGE) {
          return;
        }
        after = hits.get(hits.size() - 1).sort().stream().map(FieldValue::of).toList();
      }
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /**
   * Loads {@code chunks} into a new index and swaps the alias to it: readers see the old chunks until the
   * new index is complete, then all of the new ones. A failure leaves the old index live and removes the
   * new one. Returns how many chunks were loaded.
   */
  long importAll(Iterator<ChunkDocument> chunks) {
    String next = index.createNextIndex();
    try {
      long loaded = 0;
      List<ChunkDocument> batch = new ArrayList<>(BULK_SIZE);
      while (chunks.hasNext()) {
        batch.add(chunks.next());
        if (batch.size() == BULK_SIZE) {
          bulk(next, batch, Refresh.False);
          loaded += batch.size();
          batch.clear();
        }
      }
      bulk(next, batch, Refresh.False);
      loaded += batch.size();
      client.indices().refresh(r -> r.index(next));
      index.swapTo(next);
      return loaded;
    } catch (IOException e) {
      index.deleteUnused(next);
      throw unreachable(e);
    } catch (RuntimeException e) {
      index.deleteUnused(next);
      throw e;
    }
  }

  private List<ScoredChunk> run(Query query, int size, Optional<String> highlightText) {
    try {
      SearchResponse<Map> response = client.search(
          OpenSearchQueries.search(index.alias(), query, size, highlightText), Map.class);
      List<ScoredChunk> found = new ArrayList<>();
      for (Hit<Map> hit : response.hits().hits()) {
        ChunkDocument chunk = ChunkDocument.fromSource(source(hit));
        List<String> marked = hit.highlight().get(ChunkMapping.TEXT);
        String snippet = marked == null || marked.isEmpty() ? null : String.join(" … ", marked);
        found.add(new ScoredChunk(chunk, hit.score() == null ? 0 : hit.score(), snippet));
      }
      return found;
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private static Map<String, Object> source(Hit<Map> hit) {
    return source(hit.source());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(Map<?, ?> source) {
    return (Map<String, Object>) source;
  }

  private void bulk(String target, List<ChunkDocument> chunks, Refresh refresh) {
    for (int from = 0; from < chunks.size(); from += BULK_SIZE) {
      List<ChunkDocument> part = chunks.subList(from, Math.min(chunks.size(), from + BULK_SIZE));
      BulkRequest.Builder request = new BulkRequest.Builder().index(target).refresh(refresh);
      for (ChunkDocument chunk : part) {
        request.operations(o -> o.index(i -> i.id(chunk.chunkId()).document(chunk.toSource())));
      }
      try {
        BulkResponse response = client.bulk(request.build());
        if (response.errors()) {
          BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
          throw new IllegalStateException("OpenSearch refused chunk " + failed.id() + ": " + failed.error().type()
              + " (" + failed.error().reason() + ")");
        }
      } catch (IOException e) {
        throw unreachable(e);
      }
    }
  }

  private long deleteByQuery(Query query) {
    try {
      Long deleted = client.deleteByQuery(d -> d.index(index.alias()).query(query).refresh(true)
          .conflicts(Conflicts.Proceed)).deleted();
      return deleted == null ? 0 : deleted;
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private UncheckedIOException unreachable(IOException e) {
    return new UncheckedIOException("OpenSearch request to " + index.alias() + " failed: " + e.getMessage(), e);
  }
}
