package com.bmo.learning.search.index;

import dev.langchain4j.data.segment.TextSegment;
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
import java.util.regex.Pattern;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorIndex} on Apache Lucene 9.12: one index directory per collection, vectors in an HNSW graph
 * ({@code KnnFloatVectorField} with cosine similarity), chunk ids as terms so that an upsert is Lucene's
 * {@code updateDocument}, metadata filters as a filter query inside the {@link KnnFloatVectorQuery}.
 *
 * <p>Writes are serialized and each ends with a commit; searches use a {@link SearcherManager} opened on
 * the directory, so they only ever see committed states, each search one consistent point in time.
 * A {@link SnapshotDeletionPolicy} lets {@link #snapshot()} hold a commit for a backup while writes go on.
 *
 * <p>One process may open a directory at a time (Lucene's write lock); a second open fails with
 * {@link IndexLockedException}.
 */
public final class LuceneVectorIndex implements VectorIndex {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneVectorIndex.class);
  /** Collection names are directory names and S3 metadata values: keep them plain. */
  private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  static final String DIMENSION_KEY = "dimension";
  static final String COLLECTION_KEY = "collection";
  static final String UPDATED_KEY = "updated_at";

  private final String collection;
  private final Path directoryPath;
  private final IndexSettings settings;
  private final FSDirectory directory;
  private final SnapshotDeletionPolicy snapshots;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();

  private LuceneVectorIndex(String collection, Path directoryPath, IndexSettings settings,
      FSDirectory directory, SnapshotDeletionPolicy snapshots, IndexWriter writer, SearcherManager searchers) {
    this.collection = collection;
    this.directoryPath = directoryPath;
    this.settings = settings;
    this.directory = directory;
    this.snapshots = snapshots;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens the collection stored in {@code directory}, creating it if the directory holds no index. An
   * existing index must have been built for {@code settings.dimension()}.
   */
  public static LuceneVectorIndex open(String collection, Path directory, IndexSettings settings) {
    checkCollectionName(collection);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(settings, "settings");
    Path path = directory.toAbsolutePath().normalize();
    FSDirectory dir = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(path);
      dir = FSDirectory.open(path);
      Integer existingDimension = storedDimension(dir);
      if (existingDimension != null && existingDimension != settings.dimension()) {
        throw new DimensionMismatchException(collection, path, "the requested setting", existingDimension,
            settings.dimension());
      }
      SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
      IndexWriterConfig config = new IndexWriterConfig()
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setIndexDeletionPolicy(snapshots)
          .setRAMBufferSizeMB(settings.ramBufferMb())
          .setCodec(codec(settings))
          .setCommitOnClose(false);
      writer = new IndexWriter(dir, config);
      if (existingDimension == null) {
        // The first commit records what the collection holds; every later open checks it.
        writer.setLiveCommitData(commitData(collection, settings.dimension()).entrySet());
        writer.commit();
      }
      SearcherManager searchers = new SearcherManager(dir, null);
      LOG.info("Opened vector collection '{}' at {} ({} dims, maxConn {}, beamWidth {})", collection, path,
          settings.dimension(), settings.maxConn(), settings.beamWidth());
      return new LuceneVectorIndex(collection, path, settings, dir, snapshots, writer, searchers);
    } catch (LockObtainFailedException e) {
      closeQuietly(writer, dir);
      throw new IndexLockedException(collection, path, e);
    } catch (IOException | UncheckedIOException e) {
      closeQuietly(writer, dir);
      throw new VectorIndexException(collection, path, "cannot open: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(writer, dir);
      throw e;
    }
  }

  /** The dimension recorded in the directory's last commit, or null when it holds no index. */
  static Integer storedDimension(FSDirectory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return null;
    }
    List<IndexCommit> commits;
    try {
      commits = DirectoryReader.listCommits(dir);
    } catch (IndexNotFoundException e) {
      return null;
    }
    String value = commits.get(commits.size() - 1).getUserData().get(DIMENSION_KEY);
    return value == null ? null : Integer.valueOf(value);
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

  private static Map<String, String> commitData(String collection, int dimension) {
    Map<String, String> data = new HashMap<>();
    data.put(DIMENSION_KEY, Integer.toString(dimension));
    data.put(COLLECTION_KEY, collection);
    data.put(UPDATED_KEY, Instant.now().toString());
    return data;
  }

  @Override
  public String collection() {
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

  // ----------------------------------------------------------------------------------------------- writes

  @Override
  public void upsert(Collection<IndexedChunk> chunks) {
    Objects.requireNonNull(chunks, "chunks");
    List<Document> docs = toDocuments(chunks);
    write("upsert", () -> {
      int i = 0;
      for (IndexedChunk chunk : chunks) {
        writer.updateDocument(new Term(LuceneDocuments.ID, chunk.id()), docs.get(i++));
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
    write("replaceSource", () -> {
      writer.deleteDocuments(new Term(LuceneDocuments.SOURCE, sourceUri));
      int i = 0;
      for (IndexedChunk chunk : chunks) {
        // By id as well: the same chunk id may have been stored under another source before.
        writer.updateDocument(new Term(LuceneDocuments.ID, chunk.id()), docs.get(i++));
      }
    });
  }

  @Override
  public long deleteSource(String sourceUri) {
    checkSource(sourceUri);
    long[] deleted = new long[1];
    write("deleteSource", () -> {
      // Writes are serialized and searchers show the last commit, so this count is exact.
      deleted[0] = countSource(sourceUri);
      writer.deleteDocuments(new Term(LuceneDocuments.SOURCE, sourceUri));
    });
    return deleted[0];
  }

  @Override
  public void delete(Collection<String> chunkIds) {
    Term[] terms = chunkIds.stream().map(id -> new Term(LuceneDocuments.ID, id)).toArray(Term[]::new);
    write("delete", () -> writer.deleteDocuments(terms));
  }

  @Override
  public void clear() {
    write("clear", writer::deleteAll);
  }

  /** Runs a write and commits it, then makes searches see it; one write at a time. */
  private void write(String operation, IoAction action) {
    checkOpen();
    writeLock.lock();
    try {
      action.run();
      writer.setLiveCommitData(commitData(collection, settings.dimension()).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      // Input is validated before anything is written, so what fails here is the disk; Lucene then
      // treats the writer as broken and closes it, leaving the last commit intact on disk.
      throw new VectorIndexException(collection, directoryPath, operation + " failed: " + e, e);
    } finally {
      writeLock.unlock();
    }
  }

  private List<Document> toDocuments(Collection<IndexedChunk> chunks) {
    List<Document> docs = new ArrayList<>(chunks.size());
    for (IndexedChunk c : chunks) {
      checkVector("vector of chunk " + c.id(), c.vectorUnsafe());
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

  // ------------------------------------------------------------------------------------------------ reads

  @Override
  public List<SearchHit> search(SearchRequest request) {
    Objects.requireNonNull(request, "request");
    float[] vector = request.vector();
    checkVector("query vector", vector);
    int candidates = Math.max(request.topK(), settings.searchCandidates());
    KnnFloatVectorQuery query = new KnnFloatVectorQuery(LuceneDocuments.VECTOR, vector, candidates,
        request.filter() == null ? null : request.filter().toQuery());
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(query, request.topK());
      List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        if (sd.score < request.minScore()) {
          break;
        }
        Document doc = stored.document(sd.doc);
        hits.add(new SearchHit(LuceneDocuments.id(doc), sd.score, LuceneDocuments.toSegment(doc)));
      }
      return hits;
    });
  }

  @Override
  public Optional<TextSegment> get(String chunkId) {
    Objects.requireNonNull(chunkId, "chunkId");
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(LuceneDocuments.ID, chunkId)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(LuceneDocuments.toSegment(searcher.storedFields().document(top.scoreDocs[0].doc)));
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

  private <T> T withSearcher(IoFunction<IndexSearcher, T> body) {
    checkOpen();
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new VectorIndexException(collection, directoryPath, "cannot open a searcher: " + e, e);
    }
    try {
      return body.apply(searcher);
    } catch (IOException e) {
      throw new VectorIndexException(collection, directoryPath, "search failed: " + e, e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        LOG.warn("Releasing a searcher of '{}' failed: {}", collection, e.toString());
      }
    }
  }

  // -------------------------------------------------------------------------------------------- snapshots

  /**
   * Holds the last commit for a backup: its files stay on disk until the snapshot is closed, while writes
   * (and merges) continue. Close it promptly: held files take disk space.
   */
  public IndexSnapshot snapshot() {
    checkOpen();
    IndexCommit commit;
    try {
      commit = snapshots.snapshot();
    } catch (IOException | IllegalStateException e) {
      throw new VectorIndexException(collection, directoryPath, "cannot snapshot: " + e, e);
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
        if (released.compareAndSet(false, true)) {
          try {
            snapshots.release(commit);
            if (!closed.get()) {
              writer.deleteUnusedFiles();
            }
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
        snapshots.release(commit);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new VectorIndexException(collection, directoryPath, "cannot read snapshot: " + e, e);
    }
  }

  // -------------------------------------------------------------------------------------------------- misc

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("vector collection '" + collection + "' is closed");
    }
  }

  /** Closes the searchers and the writer (uncommitted changes cannot exist: every write commits). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      writeLock.lock();
      try {
        searchers.close();
        writer.close();
        directory.close();
        LOG.info("Closed vector collection '{}'", collection);
      } catch (IOException e) {
        throw new VectorIndexException(collection, directoryPath, "close failed: " + e, e);
      } finally {
        writeLock.unlock();
      }
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
    return "LuceneVectorIndex[collection=" + collection + ", directory=" + directoryPath + ", dimension="
        + settings.dimension() + "]";
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  @FunctionalInterface
  private interface IoFunction<A, B> {
    B apply(A a) throws IOException;
  }
}
