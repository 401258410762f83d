package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A service instance dies in the middle of an ingestion job; after a restart the job is taken up again and
 * the document ends INDEXED, with its chunks once. The instances run as separate application contexts on
 * their own database, buckets and index, so no other test's scheduler can take the job.
 */
@LocalAwsTest
@Tag("slow")
class RestartRecoveryIT {

  @Test
  void jobOfAKilledInstanceIsPickedUpAfterRestartAndEndsIndexed(LocalAwsTarget aws, S3Client s3,
      SecretsManagerClient sm) throws Exception {
    TestEnvironment env = TestEnvironment.create("restart", aws, s3, sm);
    ControllableIngestion ingestion = new ControllableIngestion();
    ControllableIngestion.Gate held = ingestion.holdIngestion("photosynthesis.pdf");
    String id;
    Map<String, Object> job;
    ConfigurableApplicationContext first = ServiceInstances.start(env, "instance-a", ingestion);
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(first), env);
      id = api.upload("photosynthesis.pdf", TestDocuments.pdf("Photosynthesis turns light into chemical energy "
          + "in the chloroplasts of plant cells."), Map.of("course", "restart")).body().path("id").asText();
      assertThat(held.awaitEntered(Duration.ofSeconds(60))).as("the job started").isTrue();

      // Mid-job: the execution is picked by instance A and heart-beating, the document PROCESSING.
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      job = jdbc.sql("select picked, picked_by, execution_time, version from scheduled_tasks"
          + " where task_instance = :id").param("id", id).query().singleRow();
      assertThat(job.get("picked")).isEqualTo(true);
      assertThat((String) job.get("picked_by")).isEqualTo("instance-a");
      assertThat(api.get("/api/v1/documents/" + id).body().path("status").asText()).isEqualTo("PROCESSING");
    } finally {
      first.close();
    }

    // A killed process runs no shutdown code: its execution stays picked, its heartbeat stops, and the
    // document stays PROCESSING. Closing the context above let the job hand itself back, so put the rows
    // back the way a kill leaves them.
    JdbcClient db = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
        env.jdbcUrl(), "postgres", "postgres"));
    db.sql("update scheduled_tasks set picked = true, picked_by = 'instance-a', last_heartbeat = :beat,"
        + " execution_time = :time where task_instance = :id")
        .param("beat", Timestamp.from(Instant.now().minusSeconds(600)))
        .param("time", job.get("execution_time"))
        .param("id", id).update();
    db.sql("update documents set status = 'PROCESSING' where id = :id")
        .param("id", java.util.UUID.fromString(id)).update();
    assertThat(db.sql("select count(*) from scheduled_tasks where task_instance = :id and picked")
        .param("id", id).query(Long.class).single()).isEqualTo(1);

    held.open();
    ConfigurableApplicationContext second = ServiceInstances.start(env, "instance-b");
    try {
      ApiClient api = new ApiClient(ServiceInstances.url(second), env);
      JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(90));
      assertThat(doc.path("status").asText()).isEqualTo("INDEXED");
      assertThat(doc.path("attempts").asInt()).isEqualTo(2);
      SearchIndex index = second.getBean(SearchIndex.class);
      assertThat(index.countSource(doc.path("source_uri").asText())).isEqualTo(doc.path("chunk_count").asLong());
      JsonNode hits = api.search("Where does photosynthesis happen?", 3, Map.of("course", "restart")).body()
          .path("hits");
      assertThat(hits).hasSize(doc.path("chunk_count").asInt());
      assertThat(hits.get(0).path("document_id").asText()).isEqualTo(id);
      await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
          "select count(*) from scheduled_tasks where task_instance = :id").param("id", id)
          .query(Long.class).single() == 0);
    } finally {
      second.close();
    }
  }
}
