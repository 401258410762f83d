package com.bmo.learning.ingestion.source;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import dev.langchain4j.data.document.Document;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads LangChain4j {@link Document}s from S3: one object ({@link S3ObjectLoader}) or every object under
 * a prefix that matches a glob ({@link S3PrefixLoader}). {@link #forUri} picks one from the URI.
 */
public sealed interface S3DocumentLoader permits S3ObjectLoader, S3PrefixLoader {

  /** The object or prefix this loader reads. */
  S3Uri uri();

  /** The objects to load, one {@link S3ObjectSource} each, listed lazily. */
  Stream<S3ObjectSource> sources();

  /** The parsers this loader uses. */
  DocumentParsers parsers();

  /**
   * Every document of every object, in key order. Fails on the first file that cannot be loaded; for
   * per-file results that never fail the batch use
   * {@link com.bmo.learning.ingestion.process.DocumentProcessor}.
   *
   * @throws IngestionException the first file's failure
   */
  default List<Document> loadDocuments() {
    try (Stream<S3ObjectSource> sources = sources()) {
      return sources.flatMap(s -> s.load(parsers()).documents().stream()).toList();
    }
  }

  /** A loader for {@code uri}: a prefix loader (no glob: every object) if it names a prefix, else one object. */
  static S3DocumentLoader forUri(S3Storage storage, S3Uri uri, LoaderOptions options) {
    return forUri(storage, uri, null, options);
  }

  /**
   * A loader for {@code uri}: a prefix loader filtered by {@code glob} (null for all objects) if it names a
   * prefix, else a single-object loader.
   *
   * @throws IllegalArgumentException a glob with a single-object URI, or a malformed glob
   */
  static S3DocumentLoader forUri(S3Storage storage, S3Uri uri, String glob, LoaderOptions options) {
    if (uri.isPrefix()) {
      return new S3PrefixLoader(storage, uri, glob, options);
    }
    if (glob != null) {
      throw new IllegalArgumentException("a glob applies to a prefix (s3://bucket/prefix/), not to the"
          + " single object " + uri);
    }
    return new S3ObjectLoader(storage, uri, options);
  }
}
