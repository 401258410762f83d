package com.bmo.learning.localaws.junit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Decides which endpoint a test run uses, from the environment alone, so the decision is easy to test:
 * {@code AWS_ENDPOINT_URL} when set (must be on this machine unless {@code LOCAL_AWS_ALLOW_REMOTE=true}),
 * otherwise the embedded endpoint.
 */
record EndpointSelection(Optional<URI> external, boolean ci, boolean allowRemote) {

  static EndpointSelection from(Map<String, String> env) {
    String url = env.getOrDefault("AWS_ENDPOINT_URL", "").trim();
    return new EndpointSelection(
        url.isEmpty() ? Optional.empty() : Optional.of(parse(url)),
        "true".equalsIgnoreCase(env.getOrDefault("CI", "")),
        "true".equalsIgnoreCase(env.getOrDefault("LOCAL_AWS_ALLOW_REMOTE", "")));
  }

  private static URI parse(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("AWS_ENDPOINT_URL=" + url + " is not a valid endpoint URL: "
          + e.getMessage(), e);
    }
  }

  /**
   * The external endpoint to use, or empty for the embedded one.
   *
   * @throws ExtensionConfigurationException when the endpoint is remote and not allowed, or unreachable
   *     while {@code CI=true} — in CI an integration test that cannot run is a failure
   * @throws TestAbortedException when the endpoint is unreachable outside CI (the tests are skipped)
   */
  Optional<URI> externalEndpoint() {
    if (external.isEmpty()) {
      return external;
    }
    URI uri = external.get();
    try {
      checkLocal();
    } catch (IllegalStateException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    if (!reachable(uri, 2_000)) {
      String reason = "AWS endpoint " + uri + " (AWS_ENDPOINT_URL) is not reachable";
      if (ci) {
        throw new ExtensionConfigurationException(reason + "; CI=true, so this is a failure");
      }
      throw new TestAbortedException(reason
          + "; skipping integration tests (unset AWS_ENDPOINT_URL to use the embedded endpoint)");
    }
    return external;
  }

  /**
   * Refuses an endpoint that is not on this machine unless explicitly allowed: a test run must never
   * reach real AWS (and cost money) by accident.
   */
  void checkLocal() {
    if (external.isEmpty() || allowRemote) {
      return;
    }
    String host = external.get().getHost();
    if (!isLoopback(host)) {
      throw new IllegalStateException("AWS_ENDPOINT_URL=" + external.get() + " is not on this machine;"
          + " integration tests only run against a local endpoint unless LOCAL_AWS_ALLOW_REMOTE=true");
    }
  }

  static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host) || host.toLowerCase().endsWith(".localhost")) {
      return true;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True when a TCP connection to the external endpoint opens within the timeout. */
  static boolean reachable(URI endpoint, int timeoutMillis) {
    int port = endpoint.getPort() != -1 ? endpoint.getPort()
        : "https".equals(endpoint.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
