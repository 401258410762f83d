package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** LocalStack's health and init API, in LocalStack's JSON shape, so its scripts work here too. */
@LocalAwsTest
class LocalStackApiIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void healthReportsS3AndSecretsManagerRunning(LocalAwsTarget target) throws Exception {
    JsonNode health = get(target, "/_localstack/health");
    assertThat(health.path("services").path("s3").asText()).isIn("running", "available");
    assertThat(health.path("services").path("secretsmanager").asText()).isIn("running", "available");
    assertThat(health.path("version").asText()).isNotBlank();
  }

  @Test
  void initReportsItsStages(LocalAwsTarget target) throws Exception {
    JsonNode init = get(target, "/_localstack/init");
    assertThat(init.path("completed").path("READY").isBoolean()).isTrue();
    assertThat(init.path("scripts").isArray()).isTrue();
  }

  private JsonNode get(LocalAwsTarget target, String path) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(target.endpoint() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    return json.readTree(response.body());
  }
}
