package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.init.InitSpec;
import com.bmo.learning.localaws.init.SharedNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The endpoint's own lifecycle: init files, data directories, ports. Starts endpoints of its own. */
@Tag("integration")
class LocalAwsEndpointIT {

  @Test
  void initFileCreatesBucketsObjectsAndSecretsAndIsReportedByInitApi(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("seed"));
    Files.writeString(dir.resolve("seed/lesson.md"), "# Fractions");
    Path init = dir.resolve("init.yaml");
    Files.writeString(init, """
        buckets: [seed-docs]
        secrets:
          - name: seed/app/key
            value: s3cr3t
        objects:
          - bucket: seed-docs
            key: lessons/fractions.md
            file: seed/lesson.md
            contentType: text/markdown
            metadata: {course: math}
        """);
    try (var endpoint = LocalAwsEndpoint.builder().port(0).initFile(init).start();
        var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region());
        var sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      var object = s3.getObjectAsBytes(b -> b.bucket("seed-docs").key("lessons/fractions.md"));
      assertThat(object.asUtf8String()).isEqualTo("# Fractions");
      assertThat(object.response().contentType()).isEqualTo("text/markdown");
      assertThat(object.response().metadata()).containsEntry("course", "math");
      assertThat(sm.getSecretValue(b -> b.secretId("seed/app/key")).secretString()).isEqualTo("s3cr3t");

      var initApi = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/_localstack/init")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(initApi).contains("\"READY\":true").contains("init.yaml").contains("SUCCESSFUL");
    }
  }

  @Test
  void dataDirectoryKeepsObjectsAndSecretsAcrossRestarts(@TempDir Path dir) {
    try (var endpoint = LocalAwsEndpoint.builder().port(0).dataDirectory(dir).start();
        var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region());
        var sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      s3.createBucket(b -> b.bucket("kept"));
      s3.putObject(b -> b.bucket("kept").key("a.txt"), RequestBody.fromString("still here"));
      sm.createSecret(b -> b.name("kept/secret").secretString("v1"));
    }
    try (var endpoint = LocalAwsEndpoint.builder().port(0).dataDirectory(dir).start();
        var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region());
        var sm = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region())) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("a.txt")).asUtf8String())
          .isEqualTo("still here");
      assertThat(sm.getSecretValue(b -> b.secretId("kept/secret")).secretString()).isEqualTo("v1");
    }
  }

  @Test
  void withoutDataDirectoryNothingSurvivesARestart() {
    try (var endpoint = LocalAwsEndpoint.builder().port(0).start();
        var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region())) {
      s3.createBucket(b -> b.bucket("ephemeral"));
    }
    try (var endpoint = LocalAwsEndpoint.builder().port(0).start();
        var s3 = LocalAwsClients.s3(endpoint.endpoint(), endpoint.region())) {
      assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("ephemeral"));
    }
  }

  @Test
  void portInUseIsAClearStartError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> LocalAwsEndpoint.builder().port(port).start())
          .isInstanceOf(LocalAwsStartException.class)
          .hasMessageContaining("port " + port);
    }
  }

  @Test
  void bundledLauncherSeedIsValidAndUsesTheSharedNames() throws Exception {
    InitSpec seed = LocalAwsLauncher.bundledInit();
    SharedNames names = SharedNames.load(System.getenv());
    assertThat(seed.buckets()).containsExactly(names.get("BMO_DOCUMENTS_BUCKET"), names.get("BMO_BACKUPS_BUCKET"));
    assertThat(seed.secrets()).extracting(InitSpec.SecretSeed::name).containsExactly(
        names.secretName("BMO_OPENAI_API_KEY_SECRET"), names.secretName("BMO_DATABASE_SECRET"));
  }

  @Test
  void listensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
    InetAddress external = NetworkInterface.networkInterfaces()
        .filter(n -> !uncheckedIsLoopback(n))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst().orElse(null);
    Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
    try (var endpoint = LocalAwsEndpoint.builder().port(0).start()) {
      assertThat(connects(InetAddress.getLoopbackAddress(), endpoint.port())).isTrue();
      assertThat(connects(external, endpoint.port())).as("reachable on %s", external).isFalse();
    }
    try (var endpoint = LocalAwsEndpoint.builder().port(0).bindAddress(InetAddress.getByName("0.0.0.0")).start()) {
      assertThat(connects(external, endpoint.port())).as("reachable on %s when asked", external).isTrue();
    }
  }

  private static boolean uncheckedIsLoopback(NetworkInterface n) {
    try {
      return n.isLoopback() || !n.isUp();
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}
