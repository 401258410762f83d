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
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Bounded: a document over one of the ingestion limits fails at once (the pipeline says which); an
 * attempt that has not produced its chunks within {@code learning.jobs.timeout} is abandoned (its worker
 * thread interrupted, its result never used) and FAILED with the reason; a large document waits for one
 * of the instance's {@link LargeDocumentSlots} and is {@linkplain Outcome#DEFERRED deferred} when none is
 * free, without counting an attempt.
 */
@Component
public class IngestionJob {

  private static final Logger LOG = LoggerFactory.getLogger(IngestionJob.class);

  private final DocumentRepository documents;
  private final DocumentIngestor ingestor;
  private final SearchIndex index;
  private final int maxAttempts;
  private final Duration timeout;
  private final LargeDocumentSlots largeSlots;
  private final Clock clock;
  private final ExecutorService workers;

  /** What became of a run. */
  public enum Outcome {
    /** The attempt ran (indexed, failed, or nothing to do); a retry, if any, was thrown as an exception. */
    DONE,
    /** A large document found no free slot; nothing was done, no attempt counted: run it again later. */
    DEFERRED
  }

  public IngestionJob(DocumentRepository documents, DocumentIngestor ingestor, SearchIndex index,
      ServiceProperties properties, Clock clock) {
    this.documents = documents;
    this.ingestor = ingestor;
    this.index = index;
    this.maxAttempts = properties.jobs().maxAttempts();
    this.timeout = properties.jobs().timeout();
    this.largeSlots = new LargeDocumentSlots(properties.jobs().largeDocumentSize().toBytes(),
        properties.jobs().maxConcurrentLarge());
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    // Unbounded on purpose: a timed-out attempt's thread may still be finishing (its work is bounded by
    // the ingestion limits), and a new attempt must not queue behind it.
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ingestion-attempt-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Whether a document of this size is large (queued at a lower priority, limited slots). */
  public boolean isLarge(Long size) {
    return largeSlots.isLarge(size);
  }

  /** Runs one attempt, or defers a large document when this instance has no free large-document slot. */
  public Outcome run(UUID documentId) {
    boolean large = documents.find(documentId).map(largeSlots::isLarge).orElse(false);
    if (large && !largeSlots.tryAcquire()) {
      LOG.debug("Document {} is large and every large-document slot is taken; deferred", documentId);
      return Outcome.DEFERRED;
    }
    try {
      attempt(documentId);
      return Outcome.DONE;
    } finally {
      if (large) {
        largeSlots.release();
      }
    }
  }

  @PreDestroy
  void stopWorkers() {
    workers.shutdownNow();
  }

  private void attempt(UUID documentId) {
    Optional<Document> started = documents.markProcessing(documentId, clock.instant());
    if (started.isEmpty()) {
      LOG.info("Document {} is gone or already finished; nothing to do", documentId);
      return;
    }
    Document doc = started.get();
    long t0 = System.nanoTime();
    try {
      // Embedded before the index is touched: the index's lock never waits for the model.
      List<IndexedChunk> chunks = chunksWithinTimeout(doc);
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

  /**
   * The document's chunks, made on a worker thread that is interrupted and abandoned after the time-out:
   * its result is never used, so nothing it does later reaches the index.
   */
  private List<IndexedChunk> chunksWithinTimeout(Document doc) {
    Future<List<IndexedChunk>> work = workers.submit(() -> ingestor.chunks(source(doc)));
    try {
      return work.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      work.cancel(true);
      throw new UnprocessableDocumentException(doc.sourceUri(), "ingestion took longer than "
          + describe(timeout) + ", the limit (learning.jobs.timeout); the document is too large or too"
          + " complex to ingest in time", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // The service is stopping: hand the job back (retried later), as an interrupted attempt always was.
      work.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the service was stopping", e);
    }
  }

  /** "10 min", "45 s", "300 ms". */
  static String describe(Duration d) {
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + " min";
    }
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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
