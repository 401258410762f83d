package com.bmo.learning.service.jobs;

import com.bmo.learning.service.config.ServiceProperties;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingestion task that db-scheduler runs ({@link IngestionTask}); its failures are retried with
 * exponential backoff, its deferrals (large documents waiting for a slot) rescheduled after the initial
 * backoff.
 */
@Configuration(proxyBeanMethods = false)
public class JobConfiguration {

  public static final String INGEST_TASK = "ingest-document";

  @Bean
  OneTimeTask<String> ingestDocumentTask(IngestionJob job, ServiceProperties properties) {
    ServiceProperties.Jobs jobs = properties.jobs();
    return new IngestionTask(job, new FailureHandler.ExponentialBackoffFailureHandler<>(jobs.initialBackoff(),
        jobs.backoffMultiplier()), jobs.initialBackoff());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
