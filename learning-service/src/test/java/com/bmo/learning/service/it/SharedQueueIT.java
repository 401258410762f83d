package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.search.SearchIndex;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Two instances on one database share the ingestion queue: every document is ingested exactly once, by
 * one of them (each instance keeps its own index, as DESIGN.md describes).
 */
@LocalAwsTest
@Tag("slow")
class SharedQueueIT {

  @Test
  void twoInstancesShareTheQueueWithoutIngestingAnyDocumentTwice(LocalAwsTarget aws, S3Client s3,
      SecretsManagerClient sm) throws Exception {
    TestEnvironment env = TestEnvironment.create("shared-queue", aws, s3, sm);
    TestEnvironment second = new TestEnvironment(env.name(), aws, env.documentsBucket(), env.backupsBucket(),
        env.userKey(), env.adminKey(), env.jdbcUrl(), Files.createTempDirectory("service-it-index-b-"));
    ConfigurableApplicationContext a = ServiceInstances.start(env, "instance-a");
    ConfigurableApplicationContext b = ServiceInstances.start(second, "instance-b");
    try {
      ApiClient apiA = new ApiClient(ServiceInstances.url(a), env);
      ApiClient apiB = new ApiClient(ServiceInstances.url(b), second);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        ApiClient api = i % 2 == 0 ? apiA : apiB;
        ids.add(api.upload("shared-" + i + ".md", ("# Lesson " + i + "\nShared queue lesson number " + i + ".")
            .getBytes(), Map.of("course", "shared")).body().path("id").asText());
      }
      SearchIndex indexA = a.getBean(SearchIndex.class);
      SearchIndex indexB = b.getBean(SearchIndex.class);
      for (String id : ids) {
        JsonNode doc = apiA.awaitTerminal(id, Duration.ofSeconds(90));
        assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
        assertThat(doc.path("attempts").asInt()).as("attempts of %s", id).isEqualTo(1);
        String source = doc.path("source_uri").asText();
        long inA = indexA.countSource(source);
        long inB = indexB.countSource(source);
        assertThat(inA == 0 || inB == 0).as("%s ingested by one instance only (a=%d, b=%d)", id, inA, inB).isTrue();
        assertThat(inA + inB).isEqualTo(doc.path("chunk_count").asLong());
      }
    } finally {
      b.close();
      a.close();
    }
  }
}
