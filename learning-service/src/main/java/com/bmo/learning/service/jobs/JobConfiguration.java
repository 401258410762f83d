package com.bmo.learning.service.jobs;

import com.bmo.learning.service.config.ServiceProperties;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingestion task that db-scheduler runs; its failures are retried with exponential backoff. */
@Configuration(proxyBeanMethods = false)
public class JobConfiguration {

  public static final String INGEST_TASK = "ingest-document";

  @Bean
  OneTimeTask<String> ingestDocumentTask(IngestionJob job, ServiceProperties properties) {
    ServiceProperties.Jobs jobs = properties.jobs();
    return Tasks.oneTime(INGEST_TASK, String.class)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(jobs.initialBackoff(),
            jobs.backoffMultiplier()))
        .execute((instance, context) -> job.run(UUID.fromString(instance.getData())));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
