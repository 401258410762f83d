package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ChunkFilter;
import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.DimensionMismatchException;
import com.bmo.learning.search.IndexReplaced;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchIndexException;
import com.bmo.learning.search.SearchQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The {@link SearchIndex} on OpenSearch: one index (behind an alias) shared by every service instance.
 * Start-up creates it when missing and refuses one with another mapping version or dimension
 * ({@link MappingMismatchException}). Writes are searchable when they return; a replaced document shows
 * its old or its new chunks during the replacement, never none. Thread-safe.
 */
public final class OpenSearchSearchIndex implements SearchIndex {

  private final OpenSearchClient client;
  private final boolean ownsClient;
  private final OpenSearchSettings settings;
  private final int dimension;
  private final ContentVersion content;
  private final AliasedIndex layout;
  private final ChunkStore store;

  private OpenSearchSearchIndex(OpenSearchClient client, boolean ownsClient, OpenSearchSettings settings,
      int dimension, ContentVersion content) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.settings = settings;
    this.dimension = dimension;
    this.content = content;
    this.layout = new AliasedIndex(client, settings, dimension, content);
    this.store = new ChunkStore(client, layout);
  }

  /**
   * Connects, creates the index when missing and checks it.
   *
   * @param dimension the embedding model's vector length
   * @throws MappingMismatchException the index exists with another mapping version or dimension
   */
  public static OpenSearchSearchIndex open(OpenSearchSettings settings, int dimension) {
    return open(settings, dimension, null);
  }

  /**
   * Connects and creates the index when missing, recording {@code content} (the embedding model and chunker)
   * in its {@code _meta}. An index made with another content version, mapping version or dimension is not
   * mixed with: a fresh index takes its place behind the alias ({@link #replaced()} says so on the one
   * instance that made the swap, which should then have every document ingested again).
   *
   * @param content what the running configuration makes; null: not recorded, and another mapping is refused
   */
  public static OpenSearchSearchIndex open(OpenSearchSettings settings, int dimension, ContentVersion content) {
    OpenSearchClient client = OpenSearchClients.create(settings);
    try {
      return open(client, true, settings, dimension, content);
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw e;
    }
  }

  private static OpenSearchSearchIndex open(OpenSearchClient client, boolean owns, OpenSearchSettings settings,
      int dimension, ContentVersion content) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, was " + dimension);
    }
    OpenSearchSearchIndex index = new OpenSearchSearchIndex(client, owns, settings, dimension, content);
    index.guard(() -> index.layout.ensureReady());
    return index;
  }

  @Override
  public String name() {
    return settings.index();
  }

  /** What the contents are recorded as made with; null when this index does not check it. */
  public ContentVersion contentVersion() {
    return content;
  }

  /** The outdated index this instance replaced at start-up (its documents need ingesting again), if any. */
  public Optional<IndexReplaced> replaced() {
    return Optional.ofNullable(layout.replaced());
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void upsert(Collection<IndexedChunk> chunks) {
    List<ChunkDocument> docs = documents(chunks);
    guard(() -> {
      store.write(docs);
      return null;
    });
  }

  @Override
  public void replaceSource(String sourceUri, Collection<IndexedChunk> chunks) {
    Objects.requireNonNull(sourceUri, "sourceUri");
    for (IndexedChunk c : chunks) {
      if (!sourceUri.equals(c.sourceUri())) {
        throw new IllegalArgumentException("chunk " + c.id() + " belongs to " + c.sourceUri() + ", not " + sourceUri);
      }
    }
    List<ChunkDocument> docs = documents(chunks);
    guard(() -> {
      store.replaceSource(sourceUri, docs);
      return null;
    });
  }

  @Override
  public long deleteSource(String sourceUri) {
    return guard(() -> store.deleteSource(sourceUri));
  }

  @Override
  public void delete(Collection<String> chunkIds) {
    guard(() -> {
      store.delete(List.copyOf(chunkIds));
      return null;
    });
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    if (query.mode().usesVector()) {
      checkVector("the query vector", query.vectorView());
    }
    Optional<Query> filter = Optional.ofNullable(filter(query.filter()));
    List<ChunkStore.ScoredChunk> found = guard(() -> switch (query.mode()) {
      case KEYWORD -> store.keyword(query.text(), query.k(), filter);
      case VECTOR -> store.vector(query.vectorView(), query.k(), filter, Optional.empty(), query.minScore());
      case HYBRID -> store.hybrid(query.text(), query.vectorView(), query.k(), filter, query.minScore());
    });
    return found.stream().map(OpenSearchSearchIndex::hit).toList();
  }

  @Override
  public Optional<SearchHit> get(String chunkId) {
    return guard(() -> store.get(chunkId)).map(c -> SearchHit.of(c.chunkId(), c.sourceUri(), 0, c.text(),
        c.metadata(), null));
  }

  @Override
  public long count() {
    return guard(() -> store.count(Optional.empty()));
  }

  @Override
  public long countSource(String sourceUri) {
    return guard(() -> store.countSource(sourceUri));
  }

  @Override
  public void clear() {
    guard(() -> {
      store.clear();
      return null;
    });
  }

  /**
   * Writes every chunk with its vector into {@code archive} (a tar.gz, see {@link ChunkArchive}); writes may
   * go on meanwhile. {@code work} holds a temporary file.
   */
  public ExportResult exportTo(Path archive, Path work) {
    return guard(() -> {
      try {
        ChunkArchive.Written w = ChunkArchive.write(archive, work, dimension, name(), Instant.now(), content,
            store::exportAll);
        return new ExportResult(w.manifest().chunkCount(), w.bytes(), w.sha256(), w.manifest().createdAt());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Replaces every chunk with those of an export, atomically for readers: the chunks go into a new index
   * whose alias swap is the only change searches see. Returns how many chunks were restored.
   *
   * @throws InvalidArchiveException the archive is not an export of this backend or of another dimension
   * @throws IncompatibleArchiveException the export was made with another embedding model or chunker
   */
  public long importFrom(InputStream archive) {
    return guard(() -> {
      try (ChunkArchive.Reader reader = ChunkArchive.open(archive)) {
        if (reader.manifest().dimension() != dimension) {
          throw new InvalidArchiveException("the export holds " + reader.manifest().dimension()
              + "-dimensional vectors, this index " + dimension);
        }
        ContentVersion exported = reader.manifest().contentVersion();
        if (content != null && exported != null && !exported.equals(content)) {
          // Before the new index is made: mixing models or chunkers would make searches compare unlike things.
          throw new IncompatibleArchiveException(exported, content);
        }
        return store.importAll(reader.chunks());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** What an export wrote. */
  public record ExportResult(long chunkCount, long bytes, String sha256, Instant createdAt) {
  }

  @Override
  public void close() {
    if (ownsClient) {
      closeQuietly(client);
    }
  }

  private List<ChunkDocument> documents(Collection<IndexedChunk> chunks) {
    return chunks.stream().map(c -> {
      checkVector("chunk " + c.id(), c.vectorView());
      return new ChunkDocument(c.id(), c.sourceUri(), c.text(), c.metadata(), c.vectorView());
    }).toList();
  }

  private void checkVector(String what, float[] vector) {
    if (vector.length != dimension) {
      throw new DimensionMismatchException(name(), settings.endpoint(), what, dimension, vector.length);
    }
    for (float f : vector) {
      if (f != 0) {
        return;
      }
    }
    throw new IllegalArgumentException(what + " is all zeros; cosine similarity is undefined for it");
  }

  private static SearchHit hit(ChunkStore.ScoredChunk s) {
    ChunkDocument c = s.chunk();
    return SearchHit.of(c.chunkId(), c.sourceUri(), s.score(), c.text(), c.metadata(),
        s.snippet() == null ? null : SearchHit.Snippet.htmlMark(s.snippet()));
  }

  /** The backend-neutral filter as an OpenSearch filter query; null for none. */
  static Query filter(ChunkFilter filter) {
    if (filter == null) {
      return null;
    }
    if (filter instanceof ChunkFilter.Eq eq) {
      return OpenSearchQueries.term(eq.key(), eq.value());
    }
    if (filter instanceof ChunkFilter.AnyOf any) {
      return OpenSearchQueries.terms(any.key(), any.values().stream().sorted().toList());
    }
    if (filter instanceof ChunkFilter.AnyMatch any) {
      return OpenSearchQueries.any(any.filters().stream().map(OpenSearchSearchIndex::filter).toList());
    }
    ChunkFilter.AllOf all = (ChunkFilter.AllOf) filter;
    return OpenSearchQueries.all(all.filters().stream().map(OpenSearchSearchIndex::filter).toList());
  }

  /** Runs a request, reporting an unreachable or failing cluster as the port's exception. */
  private <T> T guard(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (UncheckedIOException e) {
      throw new SearchIndexException(name(), settings.endpoint(), "OpenSearch is unreachable: "
          + e.getCause().getMessage(), e.getCause());
    } catch (OpenSearchException e) {
      throw new SearchIndexException(name(), settings.endpoint(), "OpenSearch refused the request: "
          + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OpenSearchClient client) {
    try {
      client._transport().close();
    } catch (IOException | RuntimeException e) {
      // Closing connections of a client being discarded: nothing to do about a failure.
    }
  }
}
