package com.bmo.learning.ingestion.source;

import com.bmo.learning.aws.s3.BucketNotFoundException;
import com.bmo.learning.aws.s3.DownloadResult;
import com.bmo.learning.aws.s3.ObjectMetadata;
import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.StorageException;
import com.bmo.learning.ingestion.DocumentTooLargeException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.SourceNotFoundException;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.chunk.StableId;
import com.bmo.learning.ingestion.parse.Content;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import com.bmo.learning.ingestion.parse.DocumentType;
import dev.langchain4j.data.document.Metadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One S3 object as a document source. {@link #metadata()} comes from a HEAD request (made once and
 * kept); {@link #inputStream()} gives the bytes, from memory or from a temporary file that is deleted
 * when the stream is closed. {@link #load(DocumentParsers)} parses the object, checking that it did not
 * change between HEAD and GET (same ETag) and removing any temporary file before it returns.
 *
 * <p>Not thread-safe: use one instance per thread (they are cheap).
 */
public final class S3ObjectSource implements FileSource {

  private static final Logger LOG = LoggerFactory.getLogger(S3ObjectSource.class);

  private final S3Storage storage;
  private final S3Uri uri;
  private final LoaderOptions options;
  private final Long listedSize;
  private ObjectMetadata head;

  public S3ObjectSource(S3Storage storage, S3Uri uri, LoaderOptions options) {
    this(storage, uri, options, null);
  }

  /** A source found by a listing, whose size is already known (checked before any request). */
  S3ObjectSource(S3Storage storage, S3Uri uri, LoaderOptions options, ObjectSummary listed) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.options = Objects.requireNonNull(options, "options");
    if (uri.isPrefix()) {
      throw new IllegalArgumentException(uri + " is a prefix, not an object");
    }
    this.listedSize = listed == null ? null : listed.size();
  }

  public S3Uri s3Uri() {
    return uri;
  }

  @Override
  public String uri() {
    return uri.toString();
  }

  @Override
  public String fileName() {
    return uri.fileName();
  }

  /** The object's metadata: location, ETag, version, content type, size, last-modified, user metadata. */
  @Override
  public Metadata metadata() {
    return sourceMetadata(head(), DocumentType.fromFileName(fileName()).orElse(null));
  }

  /**
   * The object's bytes. Objects above {@link LoaderOptions#inMemoryThreshold()} are downloaded to a
   * temporary file first, which closing the stream deletes.
   */
  @Override
  public InputStream inputStream() throws IOException {
    ObjectMetadata h = head();
    checkSize(h.size());
    if (h.size() <= options.inMemoryThreshold()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) h.size());
      download(out);
      return new ByteArrayInputStream(out.toByteArray());
    }
    Path temp = tempFile();
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        download(out);
      }
      return Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  @Override
  public LoadedFile load(DocumentParsers parsers) {
    if (listedSize != null) {
      checkSize(listedSize);
    }
    // The object may be replaced between HEAD and GET; then the metadata would not describe the bytes.
    for (int attempt = 1; ; attempt++) {
      ObjectMetadata h = head();
      checkSize(h.size());
      Path temp = null;
      try {
        Content content;
        String eTag;
        if (h.size() <= options.inMemoryThreshold()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream((int) h.size());
          eTag = download(out).eTag();
          content = Content.ofBytes(uri(), fileName(), out.toByteArray());
        } else {
          temp = tempFile();
          try (OutputStream out = Files.newOutputStream(temp)) {
            eTag = download(out).eTag();
          }
          content = Content.ofFile(uri(), fileName(), temp);
        }
        if (!Objects.equals(eTag, h.eTag())) {
          if (attempt < 2) {
            LOG.debug("{} changed between HEAD and GET (ETag {} -> {}); reading it again", uri, h.eTag(),
                eTag);
            head = null;
            continue;
          }
          throw new SourceReadException(uri(), "the object changed while it was being read (ETag "
              + h.eTag() + " then " + eTag + ")", null);
        }
        DocumentParsers.Parsed parsed = parsers.parse(content);
        return new LoadedFile(uri(), version(h), parsed.type(), h.size(),
            SourceMetadata.withSource(parsed.documents(), sourceMetadata(h, parsed.type())));
      } catch (IOException e) {
        throw new SourceReadException(uri(), "cannot write the temporary file: " + e, e);
      } finally {
        if (temp != null) {
          deleteQuietly(temp);
        }
      }
    }
  }

  private ObjectMetadata head() {
    if (head == null) {
      try {
        head = storage.head(uri.bucket(), uri.key());
      } catch (StorageException e) {
        throw mapStorage(e);
      }
    }
    return head;
  }

  private DownloadResult download(OutputStream out) {
    try {
      return storage.download(uri.bucket(), uri.key(), out);
    } catch (StorageException e) {
      throw mapStorage(e);
    }
  }

  private void checkSize(long size) {
    if (size > options.maxFileSize()) {
      throw new DocumentTooLargeException(uri(), size, options.maxFileSize());
    }
  }

  private Path tempFile() throws IOException {
    Files.createDirectories(options.tempDirectory());
    return Files.createTempFile(options.tempDirectory(), "ingest-", ".part");
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("Could not remove temporary file {}: {}", temp, e.toString());
    }
  }

  private SourceReadException mapStorageRead(StorageException e) {
    return new SourceReadException(uri(), e.getMessage(), e);
  }

  private RuntimeException mapStorage(StorageException e) {
    if (e instanceof ObjectNotFoundException) {
      return new SourceNotFoundException(uri(), "no such object", e);
    }
    if (e instanceof BucketNotFoundException) {
      return new SourceNotFoundException(uri(), "no such bucket '" + uri.bucket() + "'", e);
    }
    return mapStorageRead(e);
  }

  /**
   * What identifies the content for stable ids: the ETag. Not the version id: re-uploading identical
   * bytes to a versioned bucket creates a version, but the chunks are the same and keep their ids.
   */
  static String version(ObjectMetadata h) {
    return String.valueOf(h.eTag());
  }

  private Metadata sourceMetadata(ObjectMetadata h, DocumentType type) {
    Metadata m = new Metadata();
    SourceMetadata.putUserMetadata(m, h.metadata());
    m.put(MetadataKeys.SOURCE_URI, uri());
    m.put(MetadataKeys.SOURCE_TYPE, "s3");
    m.put(MetadataKeys.BUCKET, uri.bucket());
    m.put(MetadataKeys.KEY, uri.key());
    m.put(MetadataKeys.FILE_NAME, fileName());
    if (h.eTag() != null) {
      m.put(MetadataKeys.ETAG, h.eTag());
    }
    if (h.versionId() != null) {
      m.put(MetadataKeys.VERSION_ID, h.versionId());
    }
    String contentType = h.contentType() != null ? h.contentType() : type != null ? type.mediaType() : null;
    if (contentType != null) {
      m.put(MetadataKeys.CONTENT_TYPE, contentType);
    }
    if (type != null) {
      m.put(MetadataKeys.DOCUMENT_TYPE, type.id());
    }
    m.put(MetadataKeys.SIZE, h.size());
    if (h.lastModified() != null) {
      m.put(MetadataKeys.LAST_MODIFIED, h.lastModified().toString());
    }
    m.put(MetadataKeys.DOCUMENT_ID, StableId.document(uri(), version(h)).toString());
    return m;
  }

  @Override
  public String toString() {
    return "S3ObjectSource[" + uri + "]";
  }
}
