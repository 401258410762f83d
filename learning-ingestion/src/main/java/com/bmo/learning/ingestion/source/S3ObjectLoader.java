package com.bmo.learning.ingestion.source;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import java.util.Objects;
import java.util.stream.Stream;

/** Loads one S3 object. */
public final class S3ObjectLoader implements S3DocumentLoader {

  private final S3Storage storage;
  private final S3Uri uri;
  private final LoaderOptions options;
  private final DocumentParsers parsers;

  /**
   * @throws IllegalArgumentException when {@code uri} names a prefix
   */
  public S3ObjectLoader(S3Storage storage, S3Uri uri, LoaderOptions options) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.options = Objects.requireNonNull(options, "options");
    if (uri.isPrefix()) {
      throw new IllegalArgumentException(uri + " names a prefix; use S3PrefixLoader");
    }
    this.parsers = new DocumentParsers(options.pdfMode());
  }

  @Override
  public S3Uri uri() {
    return uri;
  }

  @Override
  public Stream<S3ObjectSource> sources() {
    return Stream.of(source());
  }

  public S3ObjectSource source() {
    return new S3ObjectSource(storage, uri, options);
  }

  /** Loads the object; see {@link S3ObjectSource#load}. */
  public LoadedFile load() {
    return source().load(parsers);
  }

  @Override
  public DocumentParsers parsers() {
    return parsers;
  }
}
