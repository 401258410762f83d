package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bmo.learning.local.LearningLocalApplication;
import com.bmo.learning.local.LocalInfrastructure;
import com.bmo.learning.testfixtures.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's local mode, as {@code spring-boot:run} starts it (default profile {@code local}), but on free
 * ports: embedded AWS endpoint and PostgreSQL in the JVM, seeded buckets, API keys and sample lessons, the
 * start-up banner with working commands, and everything gone at shutdown.
 */
@Tag("slow")
class LocalModeIT {

  @Test
  void localModeStartsEverythingSeedsSamplesPrintsWorkingKeysAndCleansUp() throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ConfigurableApplicationContext ctx;
    System.setOut(new PrintStream(printed, true, "UTF-8"));
    try {
      ctx = LearningLocalApplication.run("--server.port=0",
          "--learning.local.aws.port=0", "--learning.upload.max-size=40MB");
    } finally {
      System.setOut(console);
    }
    LocalInfrastructure local = ctx.getBean(LocalInfrastructure.class);
    Path temporary = local.temporaryDirectory();
    int awsPort = local.aws().port();
    try {
      assertThat(ctx.getEnvironment().getActiveProfiles()).isEmpty();
      assertThat(ctx.getEnvironment().getDefaultProfiles()).containsExactly("local");
      String banner = printed.toString("UTF-8");
      String url = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
      assertThat(banner).contains("Service:          " + url)
          .contains("Demo user key:    " + local.userKey())
          .contains("curl -s -H 'X-API-Key: " + local.userKey() + "' -F file=@")
          .contains(url + "/api/v1/search");
      assertThat(local.userKey()).isNotEqualTo(local.adminKey());

      // Safe by default: the service and the embedded endpoint listen on the loopback interface only.
      int servicePort = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      for (java.net.InetAddress address : nonLoopbackAddresses()) {
        assertThat(connects(address, servicePort)).as("service reachable on %s", address).isFalse();
        assertThat(connects(address, awsPort)).as("AWS endpoint reachable on %s", address).isFalse();
      }
      assertThat(connects(java.net.InetAddress.getLoopbackAddress(), servicePort)).isTrue();

      TestEnvironment env = new TestEnvironment("local", null, "bmo-learning-documents", "bmo-learning-backups",
          local.userKey(), local.adminKey(), null, null);
      ApiClient api = new ApiClient(url, env);

      // The printed upload example names a file the repository ships, as a path from the working directory.
      java.util.regex.Matcher example = java.util.regex.Pattern.compile("-F file=@(\\S+)").matcher(banner);
      assertThat(example.find()).isTrue();
      Path shipped = Path.of(example.group(1));
      assertThat(shipped).isRegularFile();
      ApiClient.Response uploaded = api.upload(shipped.getFileName().toString(), Files.readAllBytes(shipped),
          Map.of("course", "math-101"));
      assertThat(uploaded.status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/documents?course=samples&status=INDEXED")
          .body().path("total").asInt() == 3);
      JsonNode top = api.search("How do I add two fractions?", 1, null).body().path("hits").get(0);
      assertThat(top.path("source_uri").asText()).isEqualTo("s3://bmo-learning-documents/samples/fractions.md");

      // Over the 16 MiB multipart threshold: stored in parts on the embedded endpoint, then ingested.
      byte[] big = TestDocuments.pdfWithImage("A large illustrated lesson about ocean currents.", 2600);
      assertThat(big.length).isGreaterThan(17 * 1024 * 1024);
      ApiClient.Response accepted = api.upload("ocean-atlas.pdf", big, Map.of("course", "oceans"));
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(api.awaitTerminal(accepted.body().path("id").asText(), Duration.ofSeconds(120)).path("status")
          .asText()).isEqualTo("INDEXED");

      assertThat(api.postJson("/api/v1/backups", Map.of("type", "full"), local.adminKey()).status()).isEqualTo(201);
      assertThat(api.get("/actuator/health", null).body().path("status").asText()).isEqualTo("UP");
    } finally {
      ctx.close();
    }
    assertThat(Files.exists(temporary)).as("temporary state removed").isFalse();
    try (Socket s = new Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.connect(new InetSocketAddress("localhost", awsPort), 500))
          .as("embedded endpoint stopped").isInstanceOf(java.io.IOException.class);
    }
  }

  private static java.util.List<java.net.InetAddress> nonLoopbackAddresses() throws java.net.SocketException {
    return java.net.NetworkInterface.networkInterfaces().flatMap(java.net.NetworkInterface::inetAddresses)
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).toList();
  }

  private static boolean connects(java.net.InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}
