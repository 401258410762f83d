package com.bmo.learning.cli;

import static org.awaitility.Awaitility.await;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.service.it.ServiceInstances;
import com.bmo.learning.service.it.TestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Base of the CLI's end-to-end tests: one running service for the whole test JVM, started as the
 * service's own end-to-end tests start theirs (harness AWS endpoint, embedded PostgreSQL, real HTTP on a
 * free port); the CLI runs in-process against it with the environment a test gives it.
 */
@LocalAwsTest
abstract class CliIT {

  static TestEnvironment env;
  static ConfigurableApplicationContext service;
  static String url;

  /** What a command did: its exit code and what it printed. */
  record Run(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return ServiceClient.JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static synchronized void startService(LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    if (service == null) {
      env = TestEnvironment.create("cli", aws, s3, sm);
      service = ServiceInstances.start(env, "cli");
      url = ServiceInstances.url(service);
      ConfigurableApplicationContext started = service;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
  }

  /** Runs {@code learning args…} against the service as the demo user (key and endpoint from the environment). */
  static Run cli(String... args) {
    return cliWith(Map.of("LEARNING_ENDPOINT", url, "LEARNING_API_KEY", env.userKey()), args);
  }

  static Run cliWith(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LearningCli.execute(args, new LinkedHashMap<>(environment), new PrintWriter(out), new PrintWriter(err),
        false);
    return new Run(code, out.toString(), err.toString());
  }

  /** The service's API, for checking what the CLI did. */
  static ServiceClient api(String key) {
    return new ServiceClient(URI.create(url), key, Duration.ofSeconds(30));
  }

  static JsonNode awaitTerminal(String id) {
    JsonNode[] last = new JsonNode[1];
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = api(env.userKey()).get("/api/v1/documents/" + id);
      String s = last[0].path("status").asText();
      return s.equals("INDEXED") || s.equals("FAILED");
    });
    return last[0];
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
