package com.bmo.learning.opensearch.junit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Decides which node a test run uses, from the environment alone: {@code OPENSEARCH_URL} when set (on
 * this machine unless {@code OPENSEARCH_ALLOW_REMOTE=true}), otherwise the embedded node.
 */
record NodeSelection(Optional<URI> external, boolean ci, boolean allowRemote) {

  static final String URL_VARIABLE = "OPENSEARCH_URL";

  static NodeSelection from(Map<String, String> env) {
    String url = env.getOrDefault(URL_VARIABLE, "").trim();
    return new NodeSelection(
        url.isEmpty() ? Optional.empty() : Optional.of(parse(url)),
        "true".equalsIgnoreCase(env.getOrDefault("CI", "")),
        "true".equalsIgnoreCase(env.getOrDefault("OPENSEARCH_ALLOW_REMOTE", "")));
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(URL_VARIABLE + "=" + url + " is not a valid URL", e);
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new ExtensionConfigurationException(URL_VARIABLE + "=" + url + " is not an http(s) URL with a host");
    }
    return uri;
  }

  /**
   * The external node to use, or empty for the embedded one.
   *
   * @throws ExtensionConfigurationException the node is remote and not allowed, or unreachable while
   *     {@code CI=true} — in CI an integration test that cannot run is a failure
   * @throws TestAbortedException the node is unreachable outside CI (the tests are skipped, with the reason)
   */
  Optional<URI> externalNode() {
    if (external.isEmpty()) {
      return external;
    }
    URI uri = external.get();
    if (!allowRemote && !isLoopback(uri.getHost())) {
      throw new ExtensionConfigurationException(URL_VARIABLE + "=" + uri + " is not on this machine; tests"
          + " create and delete indices, so they only run against a remote node with OPENSEARCH_ALLOW_REMOTE=true");
    }
    if (!reachable(uri, 2_000)) {
      String reason = "OpenSearch node " + uri + " (" + URL_VARIABLE + ") is not reachable";
      if (ci) {
        throw new ExtensionConfigurationException(reason + "; CI=true, so this is a failure");
      }
      throw new TestAbortedException(reason + "; skipping (unset " + URL_VARIABLE + " to use the embedded node)");
    }
    return external;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    if ("localhost".equals(h) || h.endsWith(".localhost")) {
      return true;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(h);
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

  static boolean reachable(URI node, int timeoutMillis) {
    int port = node.getPort() != -1 ? node.getPort() : "https".equals(node.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(node.getHost(), port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
