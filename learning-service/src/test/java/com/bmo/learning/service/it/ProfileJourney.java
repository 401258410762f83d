package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.LocalAwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service as a user meets it in a profile: its jar started as its own process, then over HTTP with the
 * keys the init script printed: upload → INDEXED → search → backup, and the keys' roles enforced.
 */
final class ProfileJourney {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private ProfileJourney() {
  }

  /** A free loopback port for the service (it must know its port before it starts, to be health-checked). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code java -jar} the service's jar with {@code args} and {@code environment} in {@code directory}. */
  static ExternalProcess startService(String name, int port, List<String> args, Map<String, String> environment,
      Path directory) {
    List<String> command = new java.util.ArrayList<>(List.of(ExternalProcess.java(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", ProfileStack.serviceJar().toString()));
    command.addAll(args);
    ExternalProcess service = ExternalProcess.start(name, command, ExternalProcess.cleanEnvironment(environment),
        directory);
    awaitReady(service, port);
    return service;
  }

  private static void awaitReady(ExternalProcess service, int port) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new AssertionError("the service exited during start-up\n" + service.tail());
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ExternalProcess.sleep(250);
    }
    throw new AssertionError("the service was not ready within " + START_TIMEOUT + "\n" + service.tail());
  }

  /** Upload → INDEXED → search hit → full backup in the backups bucket; a user key cannot back up. */
  static void uploadIndexSearchBackup(ExternalProcess service, int port, ProfileStack stack, String profile) {
    TestEnvironment env = new TestEnvironment(stack.environment(), null, stack.documentsBucket(),
        stack.backupsBucket(), stack.userKey(), stack.adminKey(), null, null);
    ApiClient api = new ApiClient("http://localhost:" + port, env);
    String course = "profile-" + profile;
    byte[] lesson = ("# Tide pools\n\nA tide pool is a rocky pool on the seashore that the sea fills at high"
        + " tide. Anemones, sea stars and hermit crabs live in tide pools and must survive the hours when the"
        + " water is cut off from the ocean.\n").getBytes(StandardCharsets.UTF_8);

    ApiClient.Response accepted = api.upload("tide-pools.md", lesson, Map.of("course", course));
    assertThat(accepted.status()).as("upload with the script's user key: %s\n%s", accepted.body(), service.tail())
        .isEqualTo(202);
    String id = accepted.body().path("id").asText();

    JsonNode doc = api.awaitTerminal(id, Duration.ofSeconds(120));
    assertThat(doc.path("status").asText()).as("document %s\n%s", doc, service.tail()).isEqualTo("INDEXED");
    assertThat(doc.path("chunk_count").asInt()).isPositive();

    ApiClient.Response found = api.search("Where do hermit crabs and anemones live?", 3, Map.of("course", course));
    assertThat(found.status()).as("search: %s", found.body()).isEqualTo(200);
    JsonNode top = found.body().path("hits").path(0);
    assertThat(top.path("document_id").asText()).as("top hit %s", found.body()).isEqualTo(id);
    assertThat(top.path("source_uri").asText()).startsWith("s3://" + stack.documentsBucket() + "/");

    assertThat(api.postJson("/api/v1/backups", Map.of("type", "full"), stack.userKey()).status())
        .as("a user key may not back up").isEqualTo(403);
    assertThat(api.get("/api/v1/documents/" + id, "bmo_not-a-key-the-script-printed").status()).isEqualTo(401);

    ApiClient.Response backup = api.postJson("/api/v1/backups", Map.of("type", "full"), stack.adminKey());
    assertThat(backup.status()).as("backup with the script's admin key: %s\n%s", backup.body(), service.tail())
        .isEqualTo(201);
    String key = backup.body().path("key").asText();
    assertThat(backup.body().path("bucket").asText()).isEqualTo(stack.backupsBucket());
    try (S3Client s3 = LocalAwsClients.s3(stack.endpoint(), ProfileStack.REGION)) {
      long size = s3.headObject(b -> b.bucket(stack.backupsBucket()).key(key)).contentLength();
      assertThat(size).as("backup object s3://%s/%s", stack.backupsBucket(), key)
          .isEqualTo(backup.body().path("size").asLong());
    }
  }

  static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
