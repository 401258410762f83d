package com.bmo.learning.ingestion.source;

import com.bmo.learning.aws.s3.BucketNotFoundException;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.StorageException;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.SourceNotFoundException;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads every object under a prefix whose key (relative to the prefix) matches a {@link KeyGlob}, such
 * as {@code **}{@code /*.pdf}. The listing is read one page (1,000 keys) at a time as the stream is
 * consumed, so a prefix of millions of objects never sits in memory. "Folder" marker objects (keys
 * ending in {@code /}) are skipped. A prefix with no matching object gives an empty stream.
 */
public final class S3PrefixLoader implements S3DocumentLoader {

  private final S3Storage storage;
  private final S3Uri prefix;
  private final KeyGlob glob;
  private final LoaderOptions options;
  private final DocumentParsers parsers;

  /**
   * @param glob null or empty for every object
   * @throws IllegalArgumentException when {@code prefix} names an object, or the glob is malformed
   */
  public S3PrefixLoader(S3Storage storage, S3Uri prefix, String glob, LoaderOptions options) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.options = Objects.requireNonNull(options, "options");
    if (!prefix.isPrefix()) {
      throw new IllegalArgumentException(prefix + " names an object; a prefix ends with '/'");
    }
    this.glob = glob == null || glob.isEmpty() ? null : KeyGlob.compile(glob);
    this.parsers = new DocumentParsers(options.pdfMode());
  }

  @Override
  public S3Uri uri() {
    return prefix;
  }

  public Optional<KeyGlob> glob() {
    return Optional.ofNullable(glob);
  }

  @Override
  public DocumentParsers parsers() {
    return parsers;
  }

  /**
   * The matching objects, lazily. A listing failure surfaces from the stream as
   * {@link SourceNotFoundException} (no such bucket) or {@link SourceReadException}.
   */
  @Override
  public Stream<S3ObjectSource> sources() {
    Stream<ObjectSummary> listing;
    try {
      listing = storage.list(prefix.bucket(), prefix.key());
    } catch (StorageException e) {
      throw mapListing(e);
    }
    Iterator<ObjectSummary> objects = listing.iterator();
    Iterator<ObjectSummary> mapped = new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return objects.hasNext();
        } catch (StorageException e) {
          throw mapListing(e);
        }
      }

      @Override
      public ObjectSummary next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return objects.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(mapped,
            Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(listing::close)
        .filter(o -> !o.key().endsWith("/"))
        .filter(o -> glob == null || glob.matches(o.key().substring(prefix.key().length())))
        .map(o -> new S3ObjectSource(storage, prefix.withKey(o.key()), options, o));
  }

  private RuntimeException mapListing(StorageException e) {
    if (e instanceof BucketNotFoundException) {
      return new SourceNotFoundException(prefix.toString(), "no such bucket '" + prefix.bucket() + "'", e);
    }
    return new SourceReadException(prefix.toString(), "cannot list the prefix: " + e.getMessage(), e);
  }
}
