package com.bmo.learning.search.lucene;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.ContentVersionMismatchException;
import com.bmo.learning.search.DimensionMismatchException;
import com.bmo.learning.search.HybridRanking;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchIndexException;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.backup.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SearchIndex} on Apache Lucene 9.12, in one local directory: chunk text as a BM25 field (with
 * the section title as a second one), vectors in an HNSW graph ({@code KnnFloatVectorField}, cosine), chunk
 * ids as terms so that an upsert is Lucene's {@code updateDocument}, metadata as keyword fields for filters.
 *
 * <p>Writes are serialized and each ends with a commit; searches use a {@link SearcherManager}, so they
 * only ever see committed states, each search one consistent point in time. A {@link SnapshotDeletionPolicy}
 * lets {@link #snapshot()} hold a commit for a backup while writes go on. {@link #replaceDirectory} swaps
 * the directory's contents (a restore) under a lock that reads and writes take only for the duration of
 * their Lucene calls: callers embed and download before, never inside.
 *
 * <p>Segments are kept few as {@link MergeSettings} says: a {@code TieredMergePolicy}, and optionally a
 * background merge ({@code BackgroundMerger}) that starts when a commit, an open or a restore leaves more
 * segments than {@link MergeSettings#mergeAbove()}; it holds no lock while merging, so writes, searches and
 * snapshots go on, and {@link #close()} or a restore stops it.
 *
 * <p>One process may open a directory at a time (Lucene's write lock); a second open fails with
 * {@link IndexLockedException}.
 */
public final class LuceneSearchIndex implements SearchIndex, SnapshotSource {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);
  /** Collection names are directory names and S3 metadata values: keep them plain. */
  private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  static final String DIMENSION_KEY = "dimension";
  static final String COLLECTION_KEY = "collection";
  static final String UPDATED_KEY = "updated_at";
  static final String MODEL_KEY = "embedding_model";
  static final String CHUNKER_KEY = "chunker_version";

  private final String collection;
  private final Path directoryPath;
  private final IndexSettings settings;
  /** What the contents are made with; null: not recorded, not checked. */
  private final ContentVersion version;
  // English: Porter stemming and HybridRanking's stop words (question words), as OpenSearch's mapping.
  private final Analyzer analyzer = new EnglishAnalyzer(new CharArraySet(HybridRanking.STOP_WORDS, true));
  private final LuceneRetrieval retrieval;
  /** Read: any use of {@link #store}; write: swapping it (restore) and closing. Held only around Lucene calls. */
  private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();
  /** One write at a time. */
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final BackgroundMerger merger;
  private LuceneStore store;

  private LuceneSearchIndex(String collection, Path directoryPath, IndexSettings settings,
      ContentVersion version) {
    this.collection = collection;
    this.directoryPath = directoryPath;
    this.settings = settings;
    this.version = version;
    this.retrieval = new LuceneRetrieval(settings, analyzer);
    this.merger = new BackgroundMerger(collection, settings.merges(), this::commitMerged);
  }

  /**
   * Opens the collection stored in {@code directory}, creating it if the directory holds no index. An
   * existing index must have been built for {@code settings.dimension()}.
   */
  public static LuceneSearchIndex open(String collection, Path directory, IndexSettings settings) {
    return open(collection, directory, settings, null);
  }

  /**
   * Opens the collection as {@link #open(String, Path, IndexSettings)} does and records {@code version}
   * with every commit; an index recorded with another version is refused
   * ({@link ContentVersionMismatchException}). An index without a recorded version takes this one.
   */
  public static LuceneSearchIndex open(String collection, Path directory, IndexSettings settings,
      ContentVersion version) {
    checkCollectionName(collection);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(settings, "settings");
    LuceneSearchIndex index = new LuceneSearchIndex(collection, directory.toAbsolutePath().normalize(),
        settings, version);
    try {
      index.store = index.openStore();
    } catch (RuntimeException e) {
      index.merger.close();
      throw e;
    }
    index.merger.mergeIfFragmented(index.store);
    return index;
  }

  private LuceneStore openStore() {
    Path path = directoryPath;
    FSDirectory dir = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(path);
      dir = FSDirectory.open(path);
      Map<String, String> stored = storedUserData(dir);
      String dimension = stored == null ? null : stored.get(DIMENSION_KEY);
      Integer existingDimension = dimension == null ? null : Integer.valueOf(dimension);
      if (existingDimension != null && existingDimension != settings.dimension()) {
        throw new DimensionMismatchException(collection, path, "the requested setting", existingDimension,
            settings.dimension());
      }
      if (version != null && stored != null && stored.get(MODEL_KEY) != null) {
        ContentVersion recorded = new ContentVersion(stored.get(MODEL_KEY),
            String.valueOf(stored.get(CHUNKER_KEY)));
        if (!recorded.equals(version)) {
          throw new ContentVersionMismatchException(collection, path, recorded, version);
        }
      }
      SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setIndexDeletionPolicy(snapshots)
          .setRAMBufferSizeMB(settings.ramBufferMb())
          .setCodec(codec(settings))
          .setMergePolicy(new TieredMergePolicy()
              .setSegmentsPerTier(settings.merges().segmentsPerTier())
              .setFloorSegmentMB(settings.merges().floorSegmentMb()))
          .setCommitOnClose(false);
      writer = new IndexWriter(dir, config);
      if (existingDimension == null) {
        // The first commit records what the collection holds; every later open checks it.
        writer.setLiveCommitData(commitData().entrySet());
        writer.commit();
      }
      SearcherManager searchers = new SearcherManager(dir, null);
      LOG.info("Opened search index '{}' at {} ({} dims, maxConn {}, beamWidth {})", collection, path,
          settings.dimension(), settings.maxConn(), settings.beamWidth());
      return new LuceneStore(dir, snapshots, writer, searchers, new AtomicBoolean());
    } catch (LockObtainFailedException e) {
      closeQuietly(writer, dir);
      throw new IndexLockedException(collection, path, e);
    } catch (IOException | UncheckedIOException e) {
      closeQuietly(writer, dir);
      throw new SearchIndexException(collection, path, "cannot open: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(writer, dir);
      throw e;
    }
  }

  /** The user data of the directory's last commit, or null when it holds no index. */
  static Map<String, String> storedUserData(FSDirectory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return null;
    }
    List<IndexCommit> commits;
    try {
      commits = DirectoryReader.listCommits(dir);
    } catch (IndexNotFoundException e) {
      return null;
    }
    return commits.get(commits.size() - 1).getUserData();
  }

  private static Lucene912Codec codec(IndexSettings settings) {
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(settings.maxConn(), settings.beamWidth());
    // Per-field format names are written into the segments, so any reader (a restore, Luke) can open
    // them with the default codec: the HNSW parameters only matter while building the graph.
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  static void checkCollectionName(String collection) {
    if (collection == null || !COLLECTION_NAME.matcher(collection).matches()) {
      throw new IllegalArgumentException("collection name must be 1-64 characters of letters, digits, "
          + "'_', '-', '.', starting with a letter or digit; was '" + collection + "'");
    }
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    data.put(DIMENSION_KEY, Integer.toString(settings.dimension()));
    data.put(COLLECTION_KEY, collection);
    data.put(UPDATED_KEY, Instant.now().toString());
    if (version != null) {
      data.put(MODEL_KEY, version.embeddingModel());
      data.put(CHUNKER_KEY, version.chunker());
    }
    return data;
  }

  @Override
  public String name() {
    return collection;
  }

  @Override
  public int dimension() {
    return settings.dimension();
  }

  /** The index directory. */
  public Path directory() {
    return directoryPath;
  }

  public IndexSettings settings() {
    return settings;
  }

  /** What the contents are recorded as made with; null when the index does not check it. */
  public ContentVersion contentVersion() {
    return version;
  }

  // ----------------------------------------------------------------------------------------------- writes

  @Override
  public void upsert(Collection<IndexedChunk> chunks) {
    Objects.requireNonNull(chunks, "chunks");
    List<Document> docs = toDocuments(chunks);
    write("upsert", w -> {
      int i = 0;
      for (IndexedChunk chunk : chunks) {
        w.updateDocument(new Term(LuceneDocuments.ID, chunk.id()), docs.get(i++));
      }
    });
  }

  @Override
  public void replaceSource(String sourceUri, Collection<IndexedChunk> chunks) {
    checkSource(sourceUri);
    Objects.requireNonNull(chunks, "chunks");
    for (IndexedChunk c : chunks) {
      if (!sourceUri.equals(c.sourceUri())) {
        throw new IllegalArgumentException("chunk " + c.id() + " has source_uri " + c.sourceUri()
            + ", not " + sourceUri);
      }
    }
    List<Document> docs = toDocuments(chunks);
    write("replaceSource", w -> {
      w.deleteDocuments(new Term(LuceneDocuments.SOURCE, sourceUri));
      int i = 0;
      for (IndexedChunk chunk : chunks) {
        // By id as well: the same chunk id may have been stored under another source before.
        w.updateDocument(new Term(LuceneDocuments.ID, chunk.id()), docs.get(i++));
      }
    });
  }

  @Override
  public long deleteSource(String sourceUri) {
    checkSource(sourceUri);
    long[] deleted = new long[1];
    write("deleteSource", w -> {
      // Writes are serialized and searchers show the last commit, so this count is exact.
      deleted[0] = countSource(sourceUri);
      w.deleteDocuments(new Term(LuceneDocuments.SOURCE, sourceUri));
    });
    return deleted[0];
  }

  @Override
  public void delete(Collection<String> chunkIds) {
    Term[] terms = chunkIds.stream().map(id -> new Term(LuceneDocuments.ID, id)).toArray(Term[]::new);
    write("delete", w -> w.deleteDocuments(terms));
  }

  @Override
  public void clear() {
    write("clear", IndexWriter::deleteAll);
  }

  /** Runs a write and commits it, then makes searches see it; one write at a time. */
  private void write(String operation, WriterAction action) {
    storeLock.readLock().lock();
    try {
      checkOpen();
      writeLock.lock();
      try {
        action.run(store.writer());
        store.writer().setLiveCommitData(commitData().entrySet());
        store.writer().commit();
        store.searchers().maybeRefreshBlocking();
        merger.mergeIfFragmented(store);
      } catch (IOException e) {
        // Input is validated before anything is written, so what fails here is the disk; Lucene then
        // treats the writer as broken and closes it, leaving the last commit intact on disk.
        throw new SearchIndexException(collection, directoryPath, operation + " failed: " + e, e);
      } finally {
        writeLock.unlock();
      }
    } finally {
      storeLock.readLock().unlock();
    }
  }

  private List<Document> toDocuments(Collection<IndexedChunk> chunks) {
    List<Document> docs = new ArrayList<>(chunks.size());
    for (IndexedChunk c : chunks) {
      checkVector("vector of chunk " + c.id(), c.vectorView());
      docs.add(LuceneDocuments.toDocument(c));
    }
    return docs;
  }

  private void checkVector(String what, float[] v) {
    if (v.length != settings.dimension()) {
      throw new DimensionMismatchException(collection, directoryPath, what, settings.dimension(), v.length);
    }
    double norm = 0;
    for (float f : v) {
      if (!Float.isFinite(f)) {
        throw new IllegalArgumentException(what + " contains NaN or infinity");
      }
      norm += f * f;
    }
    if (norm == 0) {
      throw new IllegalArgumentException(what + " is all zeros; cosine similarity is undefined for it");
    }
  }

  private static void checkSource(String sourceUri) {
    if (sourceUri == null || sourceUri.isBlank()) {
      throw new IllegalArgumentException("sourceUri must not be blank");
    }
  }

  // ---------------------------------------------------------------------------------------------- merging

  /** Segments of the committed state that searches see (each search visits every one). */
  public int segmentCount() {
    return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
  }

  /** Commits a background merge of {@code merged} (commit data stays the last write's); false: store gone. */
  private boolean commitMerged(LuceneStore merged) throws IOException {
    storeLock.readLock().lock();
    try {
      if (closed.get() || store != merged) {
        return false;
      }
      // The write lock keeps a write's changes out of this commit until that write commits them itself.
      writeLock.lock();
      try {
        merged.writer().commit();
        merged.searchers().maybeRefreshBlocking();
        return true;
      } finally {
        writeLock.unlock();
      }
    } finally {
      storeLock.readLock().unlock();
    }
  }

  // ------------------------------------------------------------------------------------------------ reads

  @Override
  public List<SearchHit> search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    if (query.vectorView() != null) {
      checkVector("query vector", query.vectorView());
    }
    return withSearcher(searcher -> retrieval.search(searcher, query));
  }

  @Override
  public Optional<SearchHit> get(String chunkId) {
    Objects.requireNonNull(chunkId, "chunkId");
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(LuceneDocuments.ID, chunkId)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(LuceneDocuments.toHit(searcher.storedFields().document(top.scoreDocs[0].doc), 0));
    });
  }

  @Override
  public long count() {
    return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public long countSource(String sourceUri) {
    checkSource(sourceUri);
    return withSearcher(searcher -> (long) searcher.count(
        new TermQuery(new Term(LuceneDocuments.SOURCE, sourceUri))));
  }

  private <T> T withSearcher(SearcherFunction<T> body) {
    storeLock.readLock().lock();
    try {
      checkOpen();
      SearcherManager searchers = store.searchers();
      IndexSearcher searcher;
      try {
        searcher = searchers.acquire();
      } catch (IOException e) {
        throw new SearchIndexException(collection, directoryPath, "cannot open a searcher: " + e, e);
      }
      try {
        return body.apply(searcher);
      } catch (IOException e) {
        throw new SearchIndexException(collection, directoryPath, "search failed: " + e, e);
      } finally {
        try {
          searchers.release(searcher);
        } catch (IOException e) {
          LOG.warn("Releasing a searcher of '{}' failed: {}", collection, e.toString());
        }
      }
    } finally {
      storeLock.readLock().unlock();
    }
  }

  // -------------------------------------------------------------------------------------------- snapshots

  /**
   * Holds the last commit for a backup: its files stay on disk until the snapshot is closed, while writes
   * (and merges) continue. Close it promptly: held files take disk space.
   */
  @Override
  public IndexSnapshot snapshot() {
    storeLock.readLock().lock();
    try {
      checkOpen();
      return snapshot(store);
    } finally {
      storeLock.readLock().unlock();
    }
  }

  private IndexSnapshot snapshot(LuceneStore current) {
    IndexCommit commit;
    try {
      commit = current.snapshots().snapshot();
    } catch (IOException | IllegalStateException e) {
      throw new SearchIndexException(collection, directoryPath, "cannot snapshot: " + e, e);
    }
    try {
      long chunks;
      try (DirectoryReader reader = DirectoryReader.open(commit)) {
        chunks = reader.numDocs();
      }
      List<String> files = new ArrayList<>(commit.getFileNames());
      files.sort(null);
      AtomicBoolean released = new AtomicBoolean();
      Runnable release = () -> {
        if (released.compareAndSet(false, true) && !current.closed().get()) {
          try {
            current.snapshots().release(commit);
            current.writer().deleteUnusedFiles();
          } catch (IOException | RuntimeException e) {
            LOG.warn("Releasing snapshot {} of '{}' failed: {}", commit.getGeneration(), collection,
                e.toString());
          }
        }
      };
      String dim = commit.getUserData().get(DIMENSION_KEY);
      return new IndexSnapshot(collection, directoryPath, commit.getGeneration(),
          commit.getSegmentsFileName(), files, chunks, dim == null ? settings.dimension()
          : Integer.parseInt(dim), commit.getUserData(), release);
    } catch (IOException | RuntimeException e) {
      try {
        current.snapshots().release(commit);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new SearchIndexException(collection, directoryPath, "cannot read snapshot: " + e, e);
    }
  }

  // ---------------------------------------------------------------------------------------------- restore

  /**
   * Closes the index, runs {@code replace} on its (now unused) directory, and reopens whatever the
   * directory then holds — also when {@code replace} failed, so the index stays usable. Reads and writes
   * wait meanwhile: keep {@code replace} to local file operations (a rename), never downloads.
   */
  public <T> T replaceDirectory(Function<Path, T> replace) {
    storeLock.writeLock().lock();
    try {
      checkOpen();
      try {
        store.close();
      } catch (IOException e) {
        throw new SearchIndexException(collection, directoryPath, "close before restore failed: " + e, e);
      }
      try {
        return replace.apply(directoryPath);
      } finally {
        store = openStore();
        merger.mergeIfFragmented(store);
      }
    } finally {
      storeLock.writeLock().unlock();
    }
  }

  // -------------------------------------------------------------------------------------------------- misc

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("search index '" + collection + "' is closed");
    }
  }

  /**
   * Closes the searchers and the writer (uncommitted changes cannot exist: every write commits); a
   * background merge in progress is aborted (its segments were never committed) and its thread ended.
   */
  @Override
  public void close() {
    storeLock.writeLock().lock();
    try {
      if (closed.compareAndSet(false, true)) {
        store.close();
        LOG.info("Closed search index '{}'", collection);
      }
    } catch (IOException e) {
      throw new SearchIndexException(collection, directoryPath, "close failed: " + e, e);
    } finally {
      storeLock.writeLock().unlock();
      merger.close();
    }
  }

  private static void closeQuietly(IndexWriter writer, FSDirectory dir) {
    try {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException ignored) {
      // already failing
    }
    try {
      if (dir != null) {
        dir.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // already failing
    }
  }

  @Override
  public String toString() {
    return "LuceneSearchIndex[collection=" + collection + ", directory=" + directoryPath + ", dimension="
        + settings.dimension() + "]";
  }

  @FunctionalInterface
  private interface WriterAction {
    void run(IndexWriter writer) throws IOException;
  }

  @FunctionalInterface
  private interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
