package com.bmo.learning.opensearch.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class NodeSelectionTest {

  @Test
  void withoutUrlTheEmbeddedNodeIsUsed() {
    assertThat(NodeSelection.from(Map.of("CI", "true")).externalNode()).isEmpty();
    assertThat(NodeSelection.from(Map.of("OPENSEARCH_URL", "  ")).externalNode()).isEmpty();
  }

  @Test
  void reachableLocalUrlIsUsed() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());
      assertThat(NodeSelection.from(Map.of("OPENSEARCH_URL", url.toString())).externalNode()).contains(url);
    }
  }

  @Test
  void unreachableNodeSkipsLocallyButFailsInCi() throws IOException {
    int freePort;
    try (ServerSocket server = new ServerSocket(0)) {
      freePort = server.getLocalPort();
    }
    String url = "http://127.0.0.1:" + freePort;
    assertThatThrownBy(() -> NodeSelection.from(Map.of("OPENSEARCH_URL", url)).externalNode())
        .isInstanceOf(TestAbortedException.class).hasMessageContaining(url);
    assertThatThrownBy(() -> NodeSelection.from(Map.of("OPENSEARCH_URL", url, "CI", "true")).externalNode())
        .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("CI=true");
  }

  @Test
  void remoteNodeIsRefusedUnlessAllowed() {
    // 192.0.2.0/24 is reserved for documentation: never connected to, refused before any connection.
    assertThatThrownBy(() -> NodeSelection.from(Map.of("OPENSEARCH_URL", "https://192.0.2.10:9200")).externalNode())
        .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("OPENSEARCH_ALLOW_REMOTE");
  }

  @Test
  void malformedUrlIsAConfigurationError() {
    assertThatThrownBy(() -> NodeSelection.from(Map.of("OPENSEARCH_URL", "localhost:9200")))
        .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("OPENSEARCH_URL");
  }

  @Test
  void loopbackNamesAreRecognised() {
    assertThat(NodeSelection.isLoopback("localhost")).isTrue();
    assertThat(NodeSelection.isLoopback("127.0.0.1")).isTrue();
    assertThat(NodeSelection.isLoopback("[::1]")).isTrue();
    assertThat(NodeSelection.isLoopback("192.0.2.10")).isFalse();
  }
}
