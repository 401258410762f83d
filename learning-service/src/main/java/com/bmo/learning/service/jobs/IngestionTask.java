package com.bmo.learning.service.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * db-scheduler's one-time task {@value JobConfiguration#INGEST_TASK}: one {@link IngestionJob} run per
 * execution. A run the job {@linkplain IngestionJob.Outcome#DEFERRED defers} (a large document, no free
 * slot) is put back on the queue {@code deferral} later as a success, so it counts no failure and keeps
 * its priority; failures go to the failure handler (retry with backoff).
 */
final class IngestionTask extends OneTimeTask<String> {

  private final IngestionJob job;
  private final Duration deferral;

  IngestionTask(IngestionJob job, FailureHandler<String> onFailure, Duration deferral) {
    super(JobConfiguration.INGEST_TASK, String.class, onFailure);
    this.job = job;
    this.deferral = deferral;
  }

  @Override
  public CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
    if (job.run(UUID.fromString(instance.getData())) == IngestionJob.Outcome.DEFERRED) {
      return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(deferral));
    }
    return new CompletionHandler.OnCompleteRemove<>();
  }

  @Override
  public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
    execute(instance, context);
  }
}
