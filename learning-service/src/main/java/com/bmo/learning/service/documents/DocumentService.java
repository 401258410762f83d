package com.bmo.learning.service.documents;

import com.bmo.learning.aws.s3.InvalidS3UriException;
import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.PresignedRequest;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.service.auth.ForbiddenException;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.ingestion.SourceDocument;
import com.bmo.learning.service.ops.LoggedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts documents (uploads, or objects already in S3), records them and queues their ingestion; reads,
 * lists and deletes them. The document row and its job are written in one transaction: a document is
 * never recorded without its job, nor queued without its row.
 */
@Service
public class DocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
  /** Objects one ingest request may queue. */
  public static final int MAX_OBJECTS_PER_INGEST = 1000;

  private final DocumentRepository documents;
  private final IngestionQueue queue;
  private final S3Storage s3;
  private final SearchIndex index;
  private final TransactionTemplate tx;
  private final ServiceProperties properties;
  private final Clock clock;

  public DocumentService(DocumentRepository documents, IngestionQueue queue, S3Storage s3, SearchIndex index,
      TransactionTemplate tx, ServiceProperties properties, Clock clock) {
    this.documents = documents;
    this.queue = queue;
    this.s3 = s3;
    this.index = index;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks the file (size, type by content), stores it under {@code uploads/{yyyy}/{MM}/{id}/{name}} with
   * its metadata, records it as PENDING (owned by {@code uploadedBy}, a key id) and queues its ingestion.
   */
  public Document upload(UploadedFile file, DocumentMetadata metadata, String uploadedBy) {
    long limit = properties.upload().maxSize().toBytes();
    if (file.size() > limit) {
      throw new FileTooLargeException(file.size(), limit);
    }
    FileNames.checkOriginal(file.originalName());
    String original = file.originalName() == null ? "" : file.originalName();
    if (file.size() == 0) {
      throw InvalidRequestException.of("file", "is empty");
    }
    FileType type = FileTypeDetector.detect(head(file), original);
    String safeName = FileNames.safeName(original, type);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    String key = String.format("%s/%04d/%02d/%s/%s", properties.upload().keyPrefix(), utc.getYear(),
        utc.getMonthValue(), id, safeName);
    String bucket = properties.buckets().documents();

    Map<String, String> s3Metadata = new LinkedHashMap<>(metadata.asMap());
    s3Metadata.put(SourceDocument.SERVICE_DOCUMENT_ID, id.toString());
    s3Metadata.put("original_name", asciiOnly(original));
    String etag;
    try (InputStream in = file.open()) {
      etag = s3.upload(bucket, key, in, file.size(), UploadOptions.builder()
          .contentType(type.contentType()).metadata(s3Metadata).build()).eTag();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file", e);
    }
    Document doc = Document.builder().id(id).origin(DocumentOrigin.UPLOAD).bucket(bucket).key(key)
        .fileName(safeName).contentType(type.contentType()).size(file.size()).metadata(metadata)
        .uploadedBy(uploadedBy).createdAt(now).build();
    try {
      tx.executeWithoutResult(status -> {
        documents.insert(doc);
        documents.recordEtag(id, etag);
        queue.enqueue(id, file.size());
      });
    } catch (RuntimeException e) {
      // Nothing recorded: the object must not linger unowned.
      deleteObjectQuietly(bucket, key);
      throw e;
    }
    LOG.info("Document {} accepted: {} ({} bytes, {}) → s3://{}/{}", id, safeName, file.size(), type, bucket,
        LoggedText.of(key));
    return doc;
  }

  /**
   * Queues objects already in S3: one object, or every object under a prefix (a URI ending in {@code /}).
   * An object already known is ingested again (its document keeps its id).
   *
   * @return the documents queued
   */
  public List<Document> ingestExisting(String uri, DocumentMetadata metadata) {
    return ingest(uri, metadata, true).queued();
  }

  /**
   * Queues objects already in S3: one object, or every object under a prefix (a URI ending in {@code /}).
   * An object already known keeps its document id. Unless {@code force}, an object whose document is
   * INDEXED and whose ETag and requested metadata are what they were when it was queued is skipped: only
   * what changed is embedded again. FAILED documents are always queued again.
   */
  public IngestOutcome ingest(String uri, DocumentMetadata metadata, boolean force) {
    return ingest(uri, metadata, force, null, Visibility.EVERYTHING);
  }

  /**
   * {@link #ingest(String, DocumentMetadata, boolean)} on behalf of a caller: new documents are owned by
   * {@code owner}; an object already recorded as someone else's document the caller may not change is
   * refused (403).
   */
  public IngestOutcome ingest(String uri, DocumentMetadata metadata, boolean force, String owner,
      Visibility visibility) {
    S3Uri location = parseUri(uri);
    Map<String, StoredObject> etags = new LinkedHashMap<>();
    if (location.isPrefix()) {
      try (Stream<ObjectSummary> objects = s3.list(location.bucket(), location.key())) {
        objects.filter(o -> !o.key().endsWith("/"))
            .limit(MAX_OBJECTS_PER_INGEST + 1L)
            .forEach(o -> etags.put(o.key(), new StoredObject(o.eTag(), o.size())));
      }
      if (etags.isEmpty()) {
        throw new SourceObjectNotFoundException(uri, "No objects under " + uri);
      }
      if (etags.size() > MAX_OBJECTS_PER_INGEST) {
        throw InvalidRequestException.of("uri", "more than " + MAX_OBJECTS_PER_INGEST
            + " objects under " + uri + "; ingest a narrower prefix");
      }
    } else {
      try {
        var head = s3.head(location.bucket(), location.key());
        etags.put(location.key(), new StoredObject(head.eTag(), head.size()));
      } catch (ObjectNotFoundException e) {
        throw new SourceObjectNotFoundException(uri, "No object at " + uri);
      }
    }
    List<Document> queued = new ArrayList<>();
    List<Document> skipped = new ArrayList<>();
    etags.forEach((key, object) -> {
      ObjectIngest result = ingestObject(location.bucket(), key, object, metadata, force, owner, visibility);
      (result.queued() ? queued : skipped).add(result.document());
    });
    LOG.info("{} document(s) queued from {}, {} unchanged skipped", queued.size(), LoggedText.of(uri),
        skipped.size());
    return new IngestOutcome(queued, skipped);
  }

  private record ObjectIngest(Document document, boolean queued) {
  }

  /** An object to ingest as listed: its ETag and its size (large ones are queued behind small ones). */
  private record StoredObject(String etag, long size) {
  }

  private static S3Uri parseUri(String uri) {
    if (uri.chars().anyMatch(Character::isISOControl)) {
      // S3 would refuse or mangle such a key; no lesson is named so.
      throw InvalidRequestException.of("uri", "must not contain control characters");
    }
    try {
      return S3Uri.parse(uri);
    } catch (InvalidS3UriException e) {
      throw InvalidRequestException.of("uri", e.getMessage() + " (expected s3://bucket/key or s3://bucket/prefix/)");
    }
  }

  private ObjectIngest ingestObject(String bucket, String key, StoredObject object, DocumentMetadata metadata,
      boolean force, String owner, Visibility visibility) {
    Instant now = clock.instant();
    String etag = object.etag();
    return tx.execute(status -> {
      Optional<Document> existing = documents.findByObject(bucket, key);
      if (existing.isPresent()) {
        Document doc = existing.get();
        if (!visibility.canChange(doc)) {
          throw new ForbiddenException("s3://" + bucket + "/" + key + " is already another caller's document");
        }
        if (!doc.status().terminal()) {
          return new ObjectIngest(doc, true);  // already queued or in progress
        }
        String course = metadata.course() != null ? metadata.course() : doc.course();
        String learnerId = metadata.learnerId() != null ? metadata.learnerId() : doc.learnerId();
        boolean unchanged = doc.status() == DocumentStatus.INDEXED && etag != null
            && etag.equals(documents.etag(doc.id()).orElse(null))
            && Objects.equals(course, doc.course()) && Objects.equals(learnerId, doc.learnerId())
            && metadata.extra().equals(doc.metadata());
        if (unchanged && !force) {
          return new ObjectIngest(doc, false);
        }
        documents.resetForReingest(doc.id(), metadata.extra(), course, learnerId, now);
        documents.recordEtag(doc.id(), etag);
        queue.enqueue(doc.id(), object.size());
        return new ObjectIngest(documents.find(doc.id()).orElseThrow(), true);
      }
      UUID id = UUID.randomUUID();
      String name = key.substring(key.lastIndexOf('/') + 1);
      Document doc = Document.builder().id(id).origin(DocumentOrigin.S3).bucket(bucket).key(key)
          .fileName(FileNames.sanitize(name)).size(object.size()).metadata(metadata).uploadedBy(owner)
          .createdAt(now).build();
      documents.insert(doc);
      documents.recordEtag(id, etag);
      queue.enqueue(id, object.size());
      return new ObjectIngest(doc, true);
    });
  }

  /**
   * A URL that reads the document's object straight from S3 without credentials until it expires, so a
   * browser can open the original file (a PDF at a page, say).
   */
  public PresignedRequest contentUrl(Document doc, Duration expiry) {
    return s3.presignGet(doc.bucket(), doc.key(), expiry);
  }

  public Document get(UUID id) {
    return documents.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
  }

  /** The document if the caller may see it; another caller's document is "not found", as if absent. */
  public Document get(UUID id, Visibility visibility) {
    return documents.find(id).filter(visibility::canRead).orElseThrow(() -> new DocumentNotFoundException(id));
  }

  public DocumentPage list(String course, DocumentStatus status, int page, int size, Visibility visibility) {
    return documents.list(course, status, page, size, visibility);
  }

  /** {@link #delete(UUID)} if the caller may change the document: 404 if it cannot see it, else 403. */
  public void delete(UUID id, Visibility visibility) {
    if (!visibility.canChange(get(id, visibility))) {
      throw new ForbiddenException("Document " + id + " is shared: only an admin may delete it");
    }
    delete(id);
  }

  /**
   * Removes the document: its queued job, its chunks, its row, and — for uploads, whose object the service
   * created — its S3 object. Objects that were already in S3 before an ingest request stay.
   */
  public void delete(UUID id) {
    Document doc = get(id);
    queue.cancel(id);
    documents.delete(id);
    long chunks = index.deleteSource(doc.sourceUri());
    if (doc.origin() == DocumentOrigin.UPLOAD) {
      deleteObjectQuietly(doc.bucket(), doc.key());
    }
    LOG.info("Document {} deleted ({} chunks removed)", id, chunks);
  }

  private void deleteObjectQuietly(String bucket, String key) {
    try {
      s3.delete(bucket, key);
    } catch (ObjectNotFoundException gone) {
      // fine
    } catch (RuntimeException e) {
      LOG.warn("Could not delete s3://{}/{}: {}", bucket, LoggedText.of(key), LoggedText.of(e.toString()));
    }
  }

  private static byte[] head(UploadedFile file) {
    try (InputStream in = file.open()) {
      return in.readNBytes(FileTypeDetector.HEAD_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file", e);
    }
  }

  private static String asciiOnly(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "?");
    return ascii.length() <= 200 ? ascii : ascii.substring(0, 200);
  }
}
