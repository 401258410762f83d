package com.bmo.learning.service.ops;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.service.auth.ApiKeyRegistry;
import com.bmo.learning.service.config.SecretsAccess;
import com.bmo.learning.service.config.ServiceProperties;
import java.util.stream.Stream;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of what the service depends on, beside Boot's own {@code db} (PostgreSQL) and db-scheduler's:
 * {@code s3} (both buckets answer a listing), {@code secretsManager} (the API-key secret is described —
 * metadata only, never its value) and {@code index} (the local index answers a count).
 */
@Configuration(proxyBeanMethods = false)
public class HealthIndicators {

  @Bean
  HealthIndicator s3HealthIndicator(S3Storage s3, ServiceProperties properties) {
    return () -> {
      String documents = properties.buckets().documents();
      String backups = properties.buckets().backups();
      try {
        for (String bucket : new String[] {documents, backups}) {
          try (Stream<?> probe = s3.list(bucket, "health-probe/")) {
            probe.findAny();
          }
        }
        return Health.up().withDetail("documentsBucket", documents).withDetail("backupsBucket", backups).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
      }
    };
  }

  @Bean
  HealthIndicator secretsManagerHealthIndicator(SecretsAccess secrets, ApiKeyRegistry keys) {
    return () -> {
      try {
        secrets.client().describe(keys.secretName());
        return Health.up().withDetail("apiKeysSecret", keys.secretName()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("apiKeysSecret", keys.secretName())
            .withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }

  @Bean
  HealthIndicator indexHealthIndicator(SearchIndex index, ServiceProperties properties) {
    return () -> {
      try {
        return Health.up().withDetail("chunks", index.count())
            .withDetail("directory", properties.index().directory().toString()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
      }
    };
  }
}
