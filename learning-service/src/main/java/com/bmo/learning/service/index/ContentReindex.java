package com.bmo.learning.service.index;

import com.bmo.learning.search.IndexReplaced;
import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentRepository;
import com.bmo.learning.service.documents.DocumentStatus;
import com.bmo.learning.service.documents.IngestionQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-indexes after the embedding model or the chunker changed. The index beans report a replaced index
 * ({@link IndexReplaced}: the old contents were made with another content version and are not mixed in);
 * once the service is ready, every INDEXED document goes back to PENDING with the reason
 * ("re-indexing: chunker changed (…)") and onto the ordinary ingestion queue, in one transaction, so the
 * work runs in the background under the normal job limits and on any instance. Health
 * ({@code contentReindex}) says whether a re-index was started and how many documents still wait.
 */
@Component
public class ContentReindex implements ApplicationListener<ApplicationReadyEvent>, HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(ContentReindex.class);

  private final DocumentRepository documents;
  /** Looked up when needed: the queue's job uses the index, whose bean reports to this one. */
  private final ObjectProvider<IngestionQueue> queue;
  private final TransactionTemplate tx;
  private final Clock clock;
  private volatile IndexReplaced replaced;
  private volatile Runnable whenQueued = () -> { };
  private volatile Integer queued;
  private volatile Instant queuedAt;

  public ContentReindex(DocumentRepository documents, ObjectProvider<IngestionQueue> queue, TransactionTemplate tx,
      Clock clock) {
    this.documents = documents;
    this.queue = queue;
    this.tx = tx;
    this.clock = clock;
  }

  /** The index was replaced at start-up: queue every document again once the service is ready. */
  public void indexReplaced(IndexReplaced replacement) {
    indexReplaced(replacement, () -> { });
  }

  /** The same, running {@code whenQueued} after the documents are queued (committed). */
  void indexReplaced(IndexReplaced replacement, Runnable whenQueued) {
    this.replaced = replacement;
    this.whenQueued = whenQueued;
  }

  /** The replacement reported at start-up, or null. */
  IndexReplaced replaced() {
    return replaced;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    IndexReplaced r = replaced;
    if (r == null || queued != null) {
      return;
    }
    String reason = "re-indexing: " + r.cause();
    IngestionQueue ingestion = queue.getObject();
    List<Document> requeued = tx.execute(status -> {
      List<Document> docs = documents.requeueIndexed(reason, clock.instant());
      docs.forEach(d -> ingestion.enqueue(d.id(), d.size()));
      return docs;
    });
    queued = requeued.size();
    queuedAt = clock.instant();
    whenQueued.run();
    LOG.warn("Search index '{}' {}: {} document(s) queued for ingestion again; searches find them as they are"
        + " re-indexed", r.index(), reason, queued);
  }

  @Override
  public Health health() {
    IndexReplaced r = replaced;
    if (r == null) {
      return Health.up().withDetail("reindex", "none").build();
    }
    Map<DocumentStatus, Long> counts = documents.countByStatus();
    long waiting = counts.getOrDefault(DocumentStatus.PENDING, 0L) + counts.getOrDefault(DocumentStatus.PROCESSING, 0L);
    Health.Builder h = Health.up().withDetail("reindex", waiting == 0 && queued != null ? "done" : "running")
        .withDetail("cause", r.cause())
        .withDetail("contentVersion", r.current().toString())
        .withDetail("documentsWaiting", waiting);
    if (queued != null) {
      h.withDetail("documentsQueued", queued).withDetail("queuedAt", queuedAt.toString());
    }
    return h.build();
  }
}
