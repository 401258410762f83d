package com.bmo.learning.service.jobs;

import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentRepository;
import com.bmo.learning.service.documents.Visibility;
import com.bmo.learning.service.ingestion.DocumentIngestor;
import com.bmo.learning.service.ingestion.SourceDocument;
import com.bmo.learning.service.ingestion.UnprocessableDocumentException;
import com.bmo.learning.service.ops.LoggedText;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One ingestion attempt of one document: PENDING → PROCESSING → INDEXED, or back to PENDING for a retry
 * (the job throws, db-scheduler reschedules it with exponential backoff), or FAILED once the document
 * cannot be processed or has used up its attempts.
 *
 * <p>Idempotent: the index replaces a document's chunks as a whole, so running an attempt twice (a retry,
 * or a job revived after its worker died) leaves the same chunks. Attempts are counted in the database,
 * so the limit holds across restarts and instances.
 */
@Component
public class IngestionJob {

  private static final Logger LOG = LoggerFactory.getLogger(IngestionJob.class);

  private final DocumentRepository documents;
  private final DocumentIngestor ingestor;
  private final SearchIndex index;
  private final int maxAttempts;
  private final Clock clock;

  public IngestionJob(DocumentRepository documents, DocumentIngestor ingestor, SearchIndex index,
      ServiceProperties properties, Clock clock) {
    this.documents = documents;
    this.ingestor = ingestor;
    this.index = index;
    this.maxAttempts = properties.jobs().maxAttempts();
    this.clock = clock;
  }

  public void run(UUID documentId) {
    Optional<Document> started = documents.markProcessing(documentId, clock.instant());
    if (started.isEmpty()) {
      LOG.info("Document {} is gone or already finished; nothing to do", documentId);
      return;
    }
    Document doc = started.get();
    long t0 = System.nanoTime();
    try {
      // Embedded before the index is touched: the index's lock never waits for the model.
      List<IndexedChunk> chunks = ingestor.chunks(source(doc));
      index.replaceSource(doc.sourceUri(), chunks);
      int stored = chunks.size();
      if (documents.markIndexed(documentId, stored, clock.instant())) {
        LOG.info("Document {} indexed: {} chunks from {} in {} ms (attempt {})", documentId, stored,
            LoggedText.of(doc.sourceUri()), (System.nanoTime() - t0) / 1_000_000, doc.attempts());
      } else {
        // Deleted while we worked: leave nothing of it behind.
        index.deleteSource(doc.sourceUri());
        LOG.info("Document {} was deleted during ingestion; its chunks were removed", documentId);
      }
    } catch (UnprocessableDocumentException e) {
      documents.markFailed(documentId, e.getMessage(), clock.instant());
      LOG.warn("Document {} ({}) cannot be ingested: {}", documentId, LoggedText.of(doc.sourceUri()),
          LoggedText.of(e.getMessage()));
    } catch (RuntimeException e) {
      String reason = describe(e);
      if (doc.attempts() >= maxAttempts) {
        documents.markFailed(documentId, "Gave up after " + doc.attempts() + " attempts: " + reason,
            clock.instant());
        LOG.warn("Document {} ({}) FAILED after {} attempts: {}", documentId, LoggedText.of(doc.sourceUri()),
            doc.attempts(), LoggedText.of(reason));
        return;
      }
      documents.markRetrying(documentId, reason, clock.instant());
      LOG.warn("Document {} ({}) attempt {} of {} failed, will retry: {}", documentId,
          LoggedText.of(doc.sourceUri()), doc.attempts(), maxAttempts, LoggedText.of(reason));
      throw new IngestionAttemptFailedException(documentId, reason, e);
    }
  }

  static SourceDocument source(Document doc) {
    Map<String, String> metadata = new LinkedHashMap<>(doc.metadata());
    if (doc.course() != null) {
      metadata.put("course", doc.course());
    }
    if (doc.learnerId() != null) {
      metadata.put("learner_id", doc.learnerId());
    }
    metadata.put(SourceDocument.SERVICE_DOCUMENT_ID, doc.id().toString());
    // Who may find the chunks: search filters on it (Visibility).
    metadata.put(Visibility.OWNER_METADATA, Visibility.ownerTag(doc.uploadedBy()));
    return new SourceDocument(doc.id(), doc.bucket(), doc.key(), doc.fileName(), metadata);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
