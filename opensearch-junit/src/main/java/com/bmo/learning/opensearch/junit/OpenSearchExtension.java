package com.bmo.learning.opensearch.junit;

import com.bmo.learning.testsupport.ExternalEndpoint;
import com.bmo.learning.testsupport.ResourceNames;
import com.bmo.learning.testsupport.SessionParameterResolver;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * JUnit 5 extension that gives integration tests a real OpenSearch node and an index name of their own.
 *
 * <ul>
 *   <li>One node per test JVM: an {@link EmbeddedOpenSearchNode} started on first use and stopped when the
 *       run ends, or the node in {@code OPENSEARCH_URL} (on this machine unless
 *       {@code OPENSEARCH_ALLOW_REMOTE=true}). An unreachable external node skips the tests with the reason
 *       — or fails them when {@code CI=true}; an embedded node that does not start always fails them.</li>
 *   <li>Per test method: a {@link TestIndex} with a unique name; afterwards every index whose name starts
 *       with it is deleted.</li>
 * </ul>
 */
public final class OpenSearchExtension extends SessionParameterResolver<OpenSearchExtension.Session> {

  private static final Namespace NAMESPACE = Namespace.create(OpenSearchExtension.class);

  public OpenSearchExtension() {
    super(Session.class, Session::open, OpenSearchTarget.class, TestIndex.class);
  }

  @Override
  protected Object resolve(Class<?> type, Session session, ExtensionContext context) {
    if (type == OpenSearchTarget.class) {
      return session.target;
    }
    if (type == TestIndex.class) {
      // One index name per test method (or per class, for a constructor or @BeforeAll parameter).
      return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestIndex.class,
          k -> new IndexCleanup(new TestIndex(indexName(context)), session), IndexCleanup.class).index();
    }
    return null;
  }

  static String indexName(ExtensionContext context) {
    return ResourceNames.forTestClass(context.getRequiredTestClass(), 10);
  }

  private record IndexCleanup(TestIndex index, Session session) implements CloseableResource {
    @Override
    public void close() throws IOException, InterruptedException {
      session.deleteIndices(index.name());
    }
  }

  static final class Session implements CloseableResource {
    private final OpenSearchTarget target;
    private final EmbeddedOpenSearchNode embedded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Session(OpenSearchTarget target, EmbeddedOpenSearchNode embedded) {
      this.target = target;
      this.embedded = embedded;
    }

    static Session open() {
      Optional<URI> external = ExternalEndpoint.from(System.getenv(), "OpenSearch node", "OPENSEARCH_URL",
          "OPENSEARCH_ALLOW_REMOTE").select();
      if (external.isPresent()) {
        return new Session(new OpenSearchTarget(external.get(), false), null);
      }
      try {
        EmbeddedOpenSearchNode node = EmbeddedOpenSearchNode.start("it-" + ResourceNames.random(6));
        return new Session(new OpenSearchTarget(node.httpEndpoint(), true), node);
      } catch (OpenSearchNodeStartException e) {
        throw new ExtensionConfigurationException(e.getMessage(), e);
      }
    }

    /**
     * Deletes every index named {@code prefix*} by name: deleting by wildcard is refused on clusters with
     * {@code action.destructive_requires_name}.
     */
    void deleteIndices(String prefix) throws IOException, InterruptedException {
      HttpResponse<String> listed = http.send(request("/_cat/indices/" + prefix + "*?h=index&expand_wildcards=all")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (listed.statusCode() != 200) {
        throw new IOException("listing indices " + prefix + "* answered " + listed.statusCode() + ": " + listed.body());
      }
      for (String index : listed.body().split("\\s+")) {
        if (index.isBlank()) {
          continue;
        }
        HttpResponse<String> deleted = http.send(request("/" + URLEncoder.encode(index, StandardCharsets.UTF_8))
            .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() != 200 && deleted.statusCode() != 404) {
          throw new IOException("deleting index " + index + " answered " + deleted.statusCode() + ": " + deleted.body());
        }
      }
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(target.endpoint().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
