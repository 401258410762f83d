package com.bmo.learning.ingestion.process;

import com.bmo.learning.aws.concurrent.BoundedRunner;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.IngestionLimits;
import com.bmo.learning.aws.s3.InvalidS3UriException;
import com.bmo.learning.ingestion.InvalidSourceException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.UnexpectedFailureException;
import com.bmo.learning.ingestion.chunk.DocumentChunker;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import com.bmo.learning.ingestion.source.FileSource;
import com.bmo.learning.ingestion.source.LoadedFile;
import com.bmo.learning.ingestion.source.LoaderOptions;
import com.bmo.learning.ingestion.source.LocalFileSource;
import com.bmo.learning.ingestion.source.S3ObjectSource;
import com.bmo.learning.ingestion.source.S3PrefixLoader;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.segment.TextSegment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns files in S3 or on the local disk into chunks ready for embedding: fetch, detect the type, parse,
 * attach metadata, split. One file ({@link #processFile}), every file under an S3 prefix matching a glob
 * ({@link #processPrefix}), a list of S3 URIs ({@link #processUris}), a mixed list of S3 URIs and local
 * paths ({@link #processSources}) or local files alone ({@link #processLocalFiles}).
 *
 * <p>Batches never fail because of one file: each file gets a {@link FileResult} (success with chunks, or
 * failure with a typed {@link IngestionException}) and the batch a {@link BatchSummary}. Files are
 * processed on {@code parallelism} threads; at most {@code 2 × parallelism} files are in flight, so a
 * prefix of any size is listed only as fast as it is processed.
 *
 * <p>Caller-supplied metadata is added to every chunk; it overrides the objects' user metadata of the
 * same name and may not use a {@linkplain MetadataKeys#RESERVED reserved} name.
 *
 * <p>Thread-safe. Close it to stop its threads.
 */
public final class DocumentProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentProcessor.class);

  private final S3Storage storage;
  private final LoaderOptions loaderOptions;
  private final IngestionLimits limits;
  private final DocumentParsers parsers;
  private final DocumentChunker chunker;
  private final int parallelism;
  private final ExecutorService pool;

  private DocumentProcessor(Builder b) {
    this.storage = b.storage;
    this.loaderOptions = b.loaderOptions;
    this.limits = b.limits;
    this.parsers = new DocumentParsers(b.loaderOptions.pdfMode(), b.limits);
    this.chunker = new DocumentChunker(b.maxChunkChars, b.overlapChars);
    this.parallelism = b.parallelism;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "ingest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A builder.
   *
   * @param storage the S3 client; null for a processor of local files only
   */
  /**
   * The chunking rules and sizes in force ({@link DocumentChunker#version()}): an index records it and
   * refuses chunks made under other rules.
   */
  public String chunkerVersion() {
    return chunker.version();
  }

  public static Builder builder(S3Storage storage) {
    return new Builder(storage);
  }

  public int parallelism() {
    return parallelism;
  }

  public LoaderOptions loaderOptions() {
    return loaderOptions;
  }

  /** The per-document limits in force. */
  public IngestionLimits limits() {
    return limits;
  }

  // ---------------------------------------------------------------------------------------- single file

  /**
   * Processes one S3 object, in the calling thread.
   *
   * @throws IngestionException why the file could not be ingested
   * @throws IllegalArgumentException reserved or unsupported metadata, or a prefix URI
   */
  public FileResult.Success processFile(S3Uri uri, Map<String, ?> metadata) {
    Map<String, Object> extra = checkMetadata(metadata);
    if (uri.isPrefix()) {
      throw new IllegalArgumentException(uri + " is a prefix; use processPrefix");
    }
    return process(new S3ObjectSource(requireStorage(), uri, loaderOptions), extra);
  }

  /** Processes one local file, in the calling thread; see {@link #processFile(S3Uri, Map)}. */
  public FileResult.Success processLocalFile(Path file, Map<String, ?> metadata) {
    return process(new LocalFileSource(file, loaderOptions), checkMetadata(metadata));
  }

  // -------------------------------------------------------------------------------------------- batches

  /**
   * Processes every object under {@code prefix} whose key relative to it matches {@code glob} (null: all),
   * in listing order. No match gives an empty result. A listing failure (missing bucket, S3
   * unavailable) ends the listing and is recorded as a failure of the prefix itself.
   *
   * @throws IllegalArgumentException a URI that is not a prefix, a malformed glob, bad metadata
   */
  public BatchResult processPrefix(S3Uri prefix, String glob, Map<String, ?> metadata) {
    Map<String, Object> extra = checkMetadata(metadata);
    S3PrefixLoader loader = new S3PrefixLoader(requireStorage(), prefix, glob, loaderOptions);
    long started = System.nanoTime();
    List<FileResult> results;
    try (Stream<S3ObjectSource> sources = loader.sources()) {
      Iterator<S3ObjectSource> it = sources.iterator();
      results = runAll(new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Supplier<FileResult> next() {
          S3ObjectSource source = it.next();
          return () -> processSafely(source, extra);
        }
      }, prefix.toString());
    }
    return finish("prefix " + prefix + (glob == null ? "" : " glob " + glob), results, started);
  }

  /** Processes S3 objects; a URI naming a prefix is an {@link InvalidSourceException} for that entry. */
  public BatchResult processUris(List<S3Uri> uris, Map<String, ?> metadata) {
    Map<String, Object> extra = checkMetadata(metadata);
    S3Storage s3 = requireStorage();
    List<Supplier<FileResult>> tasks = new ArrayList<>();
    for (S3Uri uri : uris) {
      if (uri.isPrefix()) {
        tasks.add(() -> failure(uri.toString(), new InvalidSourceException(uri.toString(),
            "a prefix, not an object; use processPrefix", null)));
      } else {
        tasks.add(() -> processSafely(new S3ObjectSource(s3, uri, loaderOptions), extra));
      }
    }
    return runBatch("uris", tasks);
  }

  /**
   * Processes a mixed list: {@code s3://bucket/key} URIs, {@code file:} URIs and local paths. An entry
   * that is none of these (another scheme, a malformed S3 URI, an S3 prefix) fails on its own with an
   * {@link InvalidSourceException}; so does an S3 entry when this processor has no S3 client.
   */
  public BatchResult processSources(List<String> sources, Map<String, ?> metadata) {
    Map<String, Object> extra = checkMetadata(metadata);
    List<Supplier<FileResult>> tasks = new ArrayList<>();
    for (String entry : sources) {
      tasks.add(() -> {
        FileSource source;
        try {
          source = resolve(entry);
        } catch (InvalidSourceException e) {
          return failure(String.valueOf(entry), e);
        }
        return processSafely(source, extra);
      });
    }
    return runBatch("sources", tasks);
  }

  /** Processes local files. */
  public BatchResult processLocalFiles(List<Path> files, Map<String, ?> metadata) {
    Map<String, Object> extra = checkMetadata(metadata);
    List<Supplier<FileResult>> tasks = new ArrayList<>();
    for (Path file : files) {
      tasks.add(() -> processSafely(new LocalFileSource(file, loaderOptions), extra));
    }
    return runBatch("local files", tasks);
  }

  // ------------------------------------------------------------------------------------------- internals

  private FileSource resolve(String entry) {
    if (entry == null || entry.isBlank()) {
      throw new InvalidSourceException(String.valueOf(entry), "an empty entry", null);
    }
    String s = entry.strip();
    if (S3Uri.looksLikeS3Uri(s)) {
      S3Uri uri;
      try {
        uri = S3Uri.parseObject(s);
      } catch (InvalidS3UriException e) {
        throw new InvalidSourceException(s, e.getMessage(), e);
      }
      if (storage == null) {
        throw new InvalidSourceException(s, "this processor has no S3 client", null);
      }
      return new S3ObjectSource(storage, uri, loaderOptions);
    }
    try {
      if (s.regionMatches(true, 0, "file:", 0, 5)) {
        return new LocalFileSource(Path.of(URI.create(s)), loaderOptions);
      }
      int scheme = s.indexOf("://");
      if (scheme > 0 && s.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
        throw new InvalidSourceException(s, "scheme '" + s.substring(0, scheme) + "' is not supported;"
            + " use s3://bucket/key, file:///path or a local path", null);
      }
      return new LocalFileSource(Path.of(s), loaderOptions);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // InvalidPathException, or a file: URI that Path.of rejects.
      throw new InvalidSourceException(s, "not a usable path or URI: " + e.getMessage(), e);
    }
  }

  private FileResult processSafely(FileSource source, Map<String, Object> extra) {
    try {
      return process(source, extra);
    } catch (IngestionException e) {
      return failure(source.uri(), e);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      LOG.warn("Unexpected failure ingesting {}", source.uri(), e);
      return failure(source.uri(), new UnexpectedFailureException(source.uri(), e.toString(), e));
    }
  }

  private FileResult.Success process(FileSource source, Map<String, Object> extra) {
    LoadedFile file = source.load(parsers);
    List<Document> documents = extra.isEmpty() ? file.documents() : file.documents().stream()
        .map(d -> Document.from(d.text(), d.metadata().copy().putAll(extra)))
        .toList();
    List<TextSegment> chunks = chunker.chunk(file.sourceUri(), file.version(), documents);
    limits.check(file.sourceUri(), IngestionLimits.Limit.CHUNKS, chunks.size(), false);
    LOG.debug("Ingested {}: {} bytes, {} document(s), {} chunk(s)", file.sourceUri(), file.size(),
        documents.size(), chunks.size());
    return new FileResult.Success(file.sourceUri(), file.version(), file.type(), file.size(),
        file.pageCount(), documents.size(), chunks);
  }

  private static FileResult.Failure failure(String source, IngestionException e) {
    LOG.debug("Not ingested {}: {}", source, e.getMessage());
    return new FileResult.Failure(source, e);
  }

  private BatchResult runBatch(String what, List<Supplier<FileResult>> tasks) {
    long started = System.nanoTime();
    return finish(what, runAll(tasks.iterator(), what), started);
  }

  /**
   * Runs tasks on the pool, at most {@code 2 × parallelism} in flight, and returns their results in task
   * order. A failure of the task iterator itself (an S3 listing that breaks off) becomes one more
   * failure, named {@code label}.
   */
  private List<FileResult> runAll(Iterator<Supplier<FileResult>> tasks, String label) {
    try {
      return new BoundedRunner(pool, parallelism * 2).runAll(tasks, e -> {
        if (e instanceof IngestionException listingFailure) {
          return failure(label, listingFailure);
        }
        throw e;
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while processing " + label, e);
    } catch (ExecutionException e) {
      // processSafely turns every per-file failure into a result; this is a bug.
      throw new IllegalStateException("file task failed unexpectedly", e.getCause());
    }
  }

  private BatchResult finish(String what, List<FileResult> results, long started) {
    BatchSummary summary = BatchSummary.of(results, Duration.ofNanos(System.nanoTime() - started));
    LOG.info("Ingested {}: {} file(s), {} ok, {} failed {}, {} chunk(s), {} ms", what, summary.files(),
        summary.succeeded(), summary.failed(), summary.failuresByCode(), summary.chunks(),
        summary.elapsed().toMillis());
    return new BatchResult(results, summary);
  }

  private S3Storage requireStorage() {
    if (storage == null) {
      throw new IllegalStateException("this DocumentProcessor was built without an S3Storage");
    }
    return storage;
  }

  /** Copies and checks caller-supplied metadata: no reserved names, only LangChain4j's value types. */
  static Map<String, Object> checkMetadata(Map<String, ?> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("metadata names must not be blank");
      }
      if (MetadataKeys.RESERVED.contains(k)) {
        throw new IllegalArgumentException("metadata name '" + k + "' is reserved; reserved names: "
            + new java.util.TreeSet<>(MetadataKeys.RESERVED));
      }
      if (!(v instanceof String || v instanceof UUID || v instanceof Integer || v instanceof Long
          || v instanceof Float || v instanceof Double)) {
        throw new IllegalArgumentException("metadata '" + k + "' has a value of type "
            + (v == null ? "null" : v.getClass().getName())
            + "; supported: String, UUID, Integer, Long, Float, Double");
      }
      copy.put(k, v);
    });
    return Map.copyOf(copy);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * Builder: chunks of 800 characters without overlap (the retrieval evaluation's choice, see
   * docs/EVALUATION.md), min(4, available processors) threads, {@link LoaderOptions#defaults()}.
   */
  public static final class Builder {
    private final S3Storage storage;
    private LoaderOptions loaderOptions = LoaderOptions.defaults();
    private IngestionLimits limits = IngestionLimits.defaults();
    private int maxChunkChars = 800;
    private int overlapChars = 0;
    private int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private Builder(S3Storage storage) {
      this.storage = storage;
    }

    public Builder loaderOptions(LoaderOptions loaderOptions) {
      this.loaderOptions = Objects.requireNonNull(loaderOptions, "loaderOptions");
      return this;
    }

    /**
     * Per-document limits (pages, characters, decompressed bytes, chunks); a document over one fails
     * with a {@link com.bmo.learning.ingestion.DocumentLimitExceededException}. Default
     * {@link IngestionLimits#defaults()}.
     */
    public Builder limits(IngestionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Chunk size and overlap in characters; see {@link DocumentChunker}. */
    public Builder chunking(int maxChunkChars, int overlapChars) {
      this.maxChunkChars = maxChunkChars;
      this.overlapChars = overlapChars;
      return this;
    }

    /** Files processed at the same time (1 to 64). */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1 || parallelism > 64) {
        throw new IllegalArgumentException("parallelism must be 1..64, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    public DocumentProcessor build() {
      return new DocumentProcessor(this);
    }
  }
}
