package com.bmo.learning.opensearch.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.knn.plugin.KNNPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenSearch 2.19 node with the k-NN plugin, running inside this JVM: HTTP on 127.0.0.1 on a free
 * port, a single-node cluster, data in a temporary directory that {@link #close()} removes. No Docker and
 * no install; the k-NN plugin ships without native libraries, so only {@code "engine": "lucene"} works.
 *
 * <p>Starting one takes several seconds and a few hundred MB of memory: share one per JVM (the JUnit
 * extension {@link OpenSearchExtension} does).
 */
public final class EmbeddedOpenSearchNode implements AutoCloseable {

  /** System property that picks the Log4j API's provider, and Log4j Core's provider class. */
  public static final String LOG4J_PROVIDER_PROPERTY = "log4j.provider";
  public static final String LOG4J_CORE_PROVIDER = "org.apache.logging.log4j.core.impl.Log4jProvider";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedOpenSearchNode.class);
  private static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class, ReindexPlugin.class,
      CommonAnalysisPlugin.class, KNNPlugin.class);

  private final Node node;
  private final Path home;
  private final URI httpEndpoint;

  private EmbeddedOpenSearchNode(Node node, Path home, URI httpEndpoint) {
    this.node = node;
    this.home = home;
    this.httpEndpoint = httpEndpoint;
  }

  /** Starts a node named {@code clusterName} with a fresh temporary home and data directory. */
  public static EmbeddedOpenSearchNode start(String clusterName) {
    Objects.requireNonNull(clusterName, "clusterName");
    requireLog4jCore();
    // Netty's processor count is global; another Netty user in the same JVM may have set it already.
    System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
    Path home;
    try {
      home = Files.createTempDirectory("opensearch-node-");
    } catch (IOException e) {
      throw new OpenSearchNodeStartException("cannot create a temporary directory for the node", e);
    }
    Settings settings = Settings.builder()
        .put("cluster.name", clusterName)
        .put("node.name", clusterName + "-0")
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", "0")
        .put("transport.port", "0")
        // A shared test machine's disk may be fuller than the default watermarks allow.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    long started = System.nanoTime();
    PluginNode node = new PluginNode(settings, PLUGINS);
    try {
      node.start();
      InetSocketAddress address = node.injector().getInstance(HttpServerTransport.class)
          .boundAddress().publishAddress().address();
      URI endpoint = URI.create("http://127.0.0.1:" + address.getPort());
      LOG.info("OpenSearch node {} started in {} ms at {}", clusterName,
          (System.nanoTime() - started) / 1_000_000, endpoint);
      return new EmbeddedOpenSearchNode(node, home, endpoint);
    } catch (NodeValidationException | RuntimeException e) {
      closeQuietly(node);
      deleteTree(home);
      throw new OpenSearchNodeStartException("the embedded OpenSearch node did not start: " + e.getMessage(), e);
    }
  }

  /**
   * The server sets log levels through Log4j Core's {@code Configurator}, which fails unless Core is the
   * Log4j API's provider. Spring Boot's {@code log4j-to-slf4j} outranks Core; say so before the node fails
   * with a bare ClassCastException.
   */
  private static void requireLog4jCore() {
    Object context = LogManager.getContext(false);
    if (!(context instanceof org.apache.logging.log4j.core.LoggerContext)) {
      throw new OpenSearchNodeStartException("the OpenSearch node needs Log4j Core as the Log4j API's provider,"
          + " but the API is bound to " + context.getClass().getName() + " (log4j-to-slf4j on the classpath?);"
          + " start the JVM with -D" + LOG4J_PROVIDER_PROPERTY + "=" + LOG4J_CORE_PROVIDER, null);
    }
  }

  /** The node's REST endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI httpEndpoint() {
    return httpEndpoint;
  }

  /** Stops the node and deletes its data. */
  @Override
  public void close() {
    closeQuietly(node);
    deleteTree(home);
  }

  private static void closeQuietly(Node node) {
    try {
      node.close();
      node.awaitClose(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A temporary directory left behind is not worth failing a test run for.
    }
  }

  /** {@link Node}'s plugin-taking constructor is protected; this is what OpenSearch's own MockNode does. */
  private static final class PluginNode extends Node {
    PluginNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null,
          () -> settings.get("node.name")), plugins, true);
    }
  }
}
