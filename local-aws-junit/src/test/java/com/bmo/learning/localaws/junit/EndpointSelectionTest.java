package com.bmo.learning.localaws.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class EndpointSelectionTest {

  @Test
  void withoutAwsEndpointUrlTheEmbeddedEndpointIsUsed() {
    assertThat(EndpointSelection.from(Map.of()).externalEndpoint()).isEmpty();
    assertThat(EndpointSelection.from(Map.of("AWS_ENDPOINT_URL", "  ")).externalEndpoint()).isEmpty();
  }

  @Test
  void reachableLocalEndpointIsUsed() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      var selection = EndpointSelection.from(
          Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getLocalPort()));
      assertThat(selection.externalEndpoint()).hasValueSatisfying(
          uri -> assertThat(uri.getPort()).isEqualTo(server.getLocalPort()));
    }
  }

  @Test
  void unreachableEndpointIsSkippedLocally() {
    var selection = EndpointSelection.from(Map.of("AWS_ENDPOINT_URL", "http://localhost:" + closedPort()));
    assertThatThrownBy(selection::externalEndpoint)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("not reachable");
  }

  @Test
  void unreachableEndpointFailsInCi() {
    var selection = EndpointSelection.from(
        Map.of("AWS_ENDPOINT_URL", "http://localhost:" + closedPort(), "CI", "true"));
    assertThatThrownBy(selection::externalEndpoint)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  void remoteEndpointIsRefusedUnlessAllowed() {
    var refused = EndpointSelection.from(Map.of("AWS_ENDPOINT_URL", "https://s3.us-east-1.amazonaws.com"));
    assertThatThrownBy(refused::checkLocal)
        .hasMessageContaining("not on this machine")
        .hasMessageContaining("LOCAL_AWS_ALLOW_REMOTE");
    assertThatThrownBy(refused::externalEndpoint).isInstanceOf(ExtensionConfigurationException.class);

    var allowed = EndpointSelection.from(Map.of("AWS_ENDPOINT_URL", "https://s3.us-east-1.amazonaws.com",
        "LOCAL_AWS_ALLOW_REMOTE", "true"));
    allowed.checkLocal(); // no exception
  }

  @Test
  void loopbackNamesAndAddressesCountAsLocal() {
    assertThat(EndpointSelection.isLoopback("localhost")).isTrue();
    assertThat(EndpointSelection.isLoopback("127.0.0.1")).isTrue();
    assertThat(EndpointSelection.isLoopback("127.1.2.3")).isTrue();
    assertThat(EndpointSelection.isLoopback("[::1]")).isTrue();
    assertThat(EndpointSelection.isLoopback("s3.localhost")).isTrue();
    assertThat(EndpointSelection.isLoopback("10.0.0.5")).isFalse();
    assertThat(EndpointSelection.isLoopback("8.8.8.8")).isFalse();
  }

  @Test
  void malformedUrlIsAClearError() {
    assertThatThrownBy(() -> EndpointSelection.from(Map.of("AWS_ENDPOINT_URL", "localhost:4566")))
        .hasMessageContaining("AWS_ENDPOINT_URL=localhost:4566 is not a valid endpoint URL");
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
