package com.bmo.learning.service.it;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.service.LearningServiceApplication;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Base of the end-to-end tests that share one running service (random port, real HTTP) on the harness's
 * AWS endpoint and the embedded PostgreSQL. Every subclass gets the same configuration, so Spring's
 * test-context cache starts the service once for all of them — and no second scheduler on the same
 * database ever takes their jobs.
 */
@LocalAwsTest
@ActiveProfiles("it")
@SpringBootTest(classes = LearningServiceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServiceIT {

  static TestEnvironment env;

  @LocalServerPort
  int port;

  @BeforeAll
  static synchronized void createEnvironment(LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    if (env == null) {
      env = TestEnvironment.create("shared", aws, s3, sm);
    }
  }

  @DynamicPropertySource
  static void serviceProperties(DynamicPropertyRegistry registry) {
    for (String name : new String[] {"learning.environment", "learning.aws.endpoint", "learning.aws.region",
        "learning.aws.static-credentials", "learning.aws.multipart-checksum", "learning.buckets.documents", "learning.buckets.backups",
        "learning.index.directory", "spring.datasource.url", "spring.datasource.username",
        "spring.datasource.password", "learning.upload.max-size", "learning.jobs.max-attempts",
        "learning.jobs.initial-backoff", "db-scheduler.polling-interval", "db-scheduler.heartbeat-interval",
        "db-scheduler.missed-heartbeats-limit", "db-scheduler.shutdown-max-wait"}) {
      registry.add(name, () -> env.properties().get(name));
    }
  }

  ApiClient api() {
    return new ApiClient("http://localhost:" + port, env);
  }
}
