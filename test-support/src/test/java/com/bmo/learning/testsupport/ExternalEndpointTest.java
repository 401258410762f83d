package com.bmo.learning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/** The harnesses' external-endpoint policy, with local-aws-junit's variables and opensearch-junit's. */
class ExternalEndpointTest {

  private static ExternalEndpoint aws(String... keyValues) {
    return ExternalEndpoint.from(env(keyValues), "AWS endpoint", "AWS_ENDPOINT_URL", "LOCAL_AWS_ALLOW_REMOTE");
  }

  private static ExternalEndpoint openSearch(String... keyValues) {
    return ExternalEndpoint.from(env(keyValues), "OpenSearch node", "OPENSEARCH_URL", "OPENSEARCH_ALLOW_REMOTE");
  }

  @Test
  void withoutTheVariableTheEmbeddedEndpointIsUsedEvenInCi() {
    assertThat(aws().select()).isEmpty();
    assertThat(aws("AWS_ENDPOINT_URL", "  ").select()).isEmpty();
    assertThat(openSearch("CI", "true").select()).isEmpty();
  }

  @Test
  void aReachableLocalEndpointIsUsed() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());
      assertThat(aws("AWS_ENDPOINT_URL", url.toString()).select()).contains(url);
      assertThat(openSearch("OPENSEARCH_URL", url.toString()).select()).contains(url);
    }
  }

  @Test
  void anUnreachableEndpointIsSkippedLocallyAndFailsInCi() {
    String url = "http://localhost:" + closedPort();
    assertThatThrownBy(() -> aws("AWS_ENDPOINT_URL", url).select())
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("AWS endpoint " + url + " (AWS_ENDPOINT_URL) is not reachable");
    assertThatThrownBy(() -> openSearch("OPENSEARCH_URL", url, "CI", "true").select())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("OpenSearch node").hasMessageContaining("CI=true");
  }

  @Test
  void aRemoteEndpointIsRefusedBeforeAnyConnection() {
    // 192.0.2.0/24 is reserved for documentation: never connected to, refused before any connection.
    assertThatThrownBy(() -> openSearch("OPENSEARCH_URL", "https://192.0.2.10:9200").select())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("not on this machine").hasMessageContaining("OPENSEARCH_ALLOW_REMOTE=true");
    assertThatThrownBy(() -> aws("AWS_ENDPOINT_URL", "https://s3.us-east-1.amazonaws.com").select())
        .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("LOCAL_AWS_ALLOW_REMOTE");
  }

  @Test
  void loopbackNamesAndAddressesCountAsLocal() {
    assertThat(ExternalEndpoint.isLoopback("localhost")).isTrue();
    assertThat(ExternalEndpoint.isLoopback("127.0.0.1")).isTrue();
    assertThat(ExternalEndpoint.isLoopback("127.1.2.3")).isTrue();
    assertThat(ExternalEndpoint.isLoopback("[::1]")).isTrue();
    assertThat(ExternalEndpoint.isLoopback("s3.localhost")).isTrue();
    assertThat(ExternalEndpoint.isLoopback("10.0.0.5")).isFalse();
    assertThat(ExternalEndpoint.isLoopback("192.0.2.10")).isFalse();
  }

  @Test
  void aMalformedUrlIsAClearConfigurationError() {
    assertThatThrownBy(() -> aws("AWS_ENDPOINT_URL", "localhost:4566"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL=localhost:4566 is not a valid endpoint URL");
    assertThatThrownBy(() -> openSearch("OPENSEARCH_URL", "localhost:9200"))
        .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("OPENSEARCH_URL");
  }

  private static Map<String, String> env(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
