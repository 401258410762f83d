package com.bmo.learning.service.jobs;

import com.bmo.learning.service.documents.IngestionQueue;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The durable ingestion queue: db-scheduler's table in PostgreSQL. One execution per document, identified by
 * the document id, so a document is never queued twice. Called inside the transaction that records the
 * document, so both happen or neither.
 */
@Component
class DbSchedulerIngestionQueue implements IngestionQueue {

  private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerIngestionQueue.class);

  private final SchedulerClient scheduler;
  private final OneTimeTask<String> task;
  private final IngestionJob job;

  DbSchedulerIngestionQueue(SchedulerClient scheduler, OneTimeTask<String> ingestDocumentTask, IngestionJob job) {
    this.scheduler = scheduler;
    this.task = ingestDocumentTask;
    this.job = job;
  }

  /**
   * {@inheritDoc} Large documents ({@code size} above {@code learning.jobs.large-document-size}) are queued at
   * a lower priority, so small ones queued after them are still taken first.
   */
  @Override
  public void enqueue(UUID documentId, Long size) {
    String id = documentId.toString();
    int priority = job.isLarge(size) ? Priority.LOW : Priority.HIGH;
    if (!scheduler.scheduleIfNotExists(task.instanceBuilder(id).data(id).priority(priority)
        .scheduledTo(Instant.now()))) {
      // Already queued (or finishing): make sure it runs (again) now rather than at its backoff time.
      if (!scheduler.reschedule(TaskInstanceId.of(task.getName(), id), Instant.now())) {
        LOG.warn("Document {} is already being ingested; not queued again", documentId);
      }
    }
  }

  @Override
  public void cancel(UUID documentId) {
    TaskInstanceId id = TaskInstanceId.of(task.getName(), documentId.toString());
    try {
      if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
        scheduler.cancel(id);
      }
    } catch (RuntimeException e) {
      // Picked meanwhile: the job notices the document is gone when it finishes.
      LOG.debug("Ingestion of {} could not be cancelled: {}", documentId, e.toString());
    }
  }
}
