package com.bmo.learning.service.index;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.search.index.ChunkFilter;
import com.bmo.learning.search.index.IndexSettings;
import com.bmo.learning.search.index.LuceneVectorIndex;
import com.bmo.learning.search.index.SearchHit;
import com.bmo.learning.search.index.SemanticIndex;
import com.bmo.learning.service.ingestion.Chunk;
import com.bmo.learning.service.search.ChunkHit;
import com.bmo.learning.service.search.ChunkIndex;
import com.bmo.learning.service.search.SearchQuery;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * {@link ChunkIndex} on learning-ingestion: chunks are embedded by a {@link BatchEmbedder} (MiniLM,
 * in-process) and stored in a {@link LuceneVectorIndex} in a local directory. Reads and writes share a
 * lock that a restore takes exclusively, to close the index, replace its directory and reopen it.
 */
public final class LuceneChunkIndex implements ChunkIndex, AutoCloseable {

  private final BatchEmbedder embedder;
  private final String collection;
  private final Path directory;
  private final IndexSettings settings;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private LuceneVectorIndex index;
  private SemanticIndex semantic;

  public LuceneChunkIndex(BatchEmbedder embedder, String collection, Path directory) {
    this.embedder = embedder;
    this.collection = collection;
    this.directory = directory.toAbsolutePath().normalize();
    this.settings = IndexSettings.defaults(embedder.dimension());
    open();
  }

  private void open() {
    index = LuceneVectorIndex.open(collection, directory, settings);
    semantic = new SemanticIndex(embedder, index);
  }

  public Path directory() {
    return directory;
  }

  public String collection() {
    return collection;
  }

  @Override
  public int replaceSource(String sourceUri, List<Chunk> chunks) {
    List<TextSegment> segments = chunks.stream().map(LuceneChunkIndex::toSegment).toList();
    return withIndex(s -> s.indexSource(sourceUri, segments));
  }

  @Override
  public long deleteBySource(String sourceUri) {
    return withIndex(s -> s.index().deleteSource(sourceUri));
  }

  @Override
  public List<ChunkHit> search(SearchQuery query) {
    ChunkFilter filter = null;
    if (!query.filters().isEmpty()) {
      ChunkFilter[] all = query.filters().entrySet().stream()
          .map(e -> ChunkFilter.eq(e.getKey(), e.getValue())).toArray(ChunkFilter[]::new);
      filter = all.length == 1 ? all[0] : ChunkFilter.allOf(all);
    }
    ChunkFilter f = filter;
    return withIndex(s -> s.search(query.text(), query.k(), f)).stream().map(LuceneChunkIndex::toHit).toList();
  }

  @Override
  public long count() {
    return withIndex(s -> s.index().count());
  }

  @Override
  public long countSource(String sourceUri) {
    return withIndex(s -> s.index().countSource(sourceUri));
  }

  /** Runs {@code action} on the live index; a restore waits until it is done. */
  public <T> T withIndex(Function<SemanticIndex, T> action) {
    lock.readLock().lock();
    try {
      return action.apply(semantic);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code action} on the Lucene index itself (backups read its snapshots). */
  public <T> T withLuceneIndex(Function<LuceneVectorIndex, T> action) {
    lock.readLock().lock();
    try {
      return action.apply(index);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Closes the index, runs {@code replace} on its (now unused) directory, and reopens whatever the
   * directory then holds — also when {@code replace} failed, so the service keeps its old index.
   */
  public <T> T replaceDirectory(Function<Path, T> replace) {
    lock.writeLock().lock();
    try {
      index.close();
      try {
        return replace.apply(directory);
      } finally {
        open();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      index.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  static TextSegment toSegment(Chunk chunk) {
    Map<String, Object> metadata = new LinkedHashMap<>(chunk.metadata());
    metadata.put(MetadataKeys.CHUNK_ID, chunk.id());
    metadata.put(MetadataKeys.SOURCE_URI, chunk.sourceUri());
    if (chunk.page() != null) {
      metadata.put(MetadataKeys.PAGE, chunk.page());
    } else {
      metadata.remove(MetadataKeys.PAGE);
    }
    return TextSegment.from(chunk.text(), Metadata.from(metadata));
  }

  static ChunkHit toHit(SearchHit hit) {
    Map<String, String> metadata = new LinkedHashMap<>();
    hit.segment().metadata().toMap().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    Integer page = hit.segment().metadata().getInteger(MetadataKeys.PAGE);
    return new ChunkHit(hit.chunkId(), hit.score(), hit.segment().text(),
        metadata.get(MetadataKeys.SOURCE_URI), page, metadata);
  }
}
