package com.bmo.learning.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The policy every JUnit harness here applies to an endpoint outside the test JVM (LocalStack for
 * local-aws-junit, a Docker OpenSearch for opensearch-junit), decided from the environment alone so it
 * is easy to test:
 * <ul>
 *   <li>{@code urlVariable} unset or blank: the harness's embedded endpoint;</li>
 *   <li>set: that http(s) URL, which must be on this machine (loopback) unless
 *       {@code allowRemoteVariable=true} — tests create and delete things, and must never reach a real
 *       service (and cost money) by accident;</li>
 *   <li>unreachable (no TCP connection within 2 s): a missing {@link Prerequisite} — the tests are
 *       skipped with the reason, or fail when {@code CI=true}.</li>
 * </ul>
 *
 * @param what what the endpoint is, for messages ("AWS endpoint", "OpenSearch node")
 * @param url the parsed URL; empty when {@code urlVariable} is unset
 */
public record ExternalEndpoint(String what, String urlVariable, String allowRemoteVariable, Optional<URI> url,
    boolean ci, boolean allowRemote) {

  private static final int PROBE_TIMEOUT_MILLIS = 2_000;

  public ExternalEndpoint {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(urlVariable, "urlVariable");
    Objects.requireNonNull(allowRemoteVariable, "allowRemoteVariable");
    Objects.requireNonNull(url, "url");
  }

  /**
   * Reads {@code urlVariable}, {@code allowRemoteVariable} and {@code CI} from {@code env}.
   *
   * @throws ExtensionConfigurationException the URL is not an http(s) URL with a host
   */
  public static ExternalEndpoint from(Map<String, String> env, String what, String urlVariable,
      String allowRemoteVariable) {
    String value = env.getOrDefault(urlVariable, "").trim();
    return new ExternalEndpoint(what, urlVariable, allowRemoteVariable,
        value.isEmpty() ? Optional.empty() : Optional.of(parse(urlVariable, value)),
        Prerequisite.isCi(env),
        "true".equalsIgnoreCase(env.getOrDefault(allowRemoteVariable, "")));
  }

  private static URI parse(String variable, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(variable + "=" + value + " is not a valid endpoint URL: "
          + e.getMessage(), e);
    }
  }

  /**
   * The external endpoint to use, or empty for the embedded one.
   *
   * @throws ExtensionConfigurationException the endpoint is remote and not allowed, or unreachable while
   *     {@code CI=true}
   * @throws org.opentest4j.TestAbortedException the endpoint is unreachable outside CI (the tests are skipped)
   */
  public Optional<URI> select() {
    if (url.isEmpty()) {
      return url;
    }
    URI uri = url.get();
    if (!allowRemote && !isLoopback(uri.getHost())) {
      throw new ExtensionConfigurationException(urlVariable + "=" + uri + " is not on this machine;"
          + " integration tests only run against a local " + what + " unless " + allowRemoteVariable + "=true");
    }
    if (!reachable(uri, PROBE_TIMEOUT_MILLIS)) {
      throw Prerequisite.unavailable(what + " " + uri + " (" + urlVariable + ") is not reachable (unset "
          + urlVariable + " to use the embedded one)", ci);
    }
    return url;
  }

  /** True for {@code localhost}, {@code *.localhost} and names whose every address is a loopback one. */
  public static boolean isLoopback(String host) {
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

  /** True when a TCP connection to the endpoint's port opens within the timeout. */
  public static boolean reachable(URI endpoint, int timeoutMillis) {
    int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
