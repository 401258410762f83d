package com.bmo.learning.opensearch.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The harness against the real node: k-NN works, each test has its own index, left-overs are deleted. */
@OpenSearchTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchExtensionIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static OpenSearchTarget node;
  private static String firstIndex;

  @Test
  @Order(1)
  void luceneKnnIndexAnswersAFilteredNearestNeighbourQuery(OpenSearchTarget target, TestIndex index)
      throws Exception {
    node = target;
    firstIndex = index.name();
    assertThat(send(target, "PUT", "/" + index.name(), """
        {"settings": {"index.knn": true, "number_of_shards": 1, "number_of_replicas": 0},
         "mappings": {"properties": {
           "tag": {"type": "keyword"},
           "vector": {"type": "knn_vector", "dimension": 3,
                      "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}
        """).statusCode()).isEqualTo(200);
    // Also an index that only shares the prefix: the clean-up must delete it too.
    assertThat(send(target, "PUT", "/" + index.name() + "-v2", "{}").statusCode()).isEqualTo(200);
    send(target, "PUT", "/" + index.name() + "/_doc/a?refresh=true", "{\"tag\":\"x\",\"vector\":[1,0,0]}");
    send(target, "PUT", "/" + index.name() + "/_doc/b?refresh=true", "{\"tag\":\"y\",\"vector\":[0.9,0.1,0]}");
    send(target, "PUT", "/" + index.name() + "/_doc/c?refresh=true", "{\"tag\":\"x\",\"vector\":[0,1,0]}");

    HttpResponse<String> found = send(target, "POST", "/" + index.name() + "/_search?filter_path=hits.hits._id", """
        {"size": 2, "query": {"knn": {"vector": {"vector": [1, 0, 0], "k": 2,
          "filter": {"term": {"tag": "x"}}}}}}
        """);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("{\"hits\":{\"hits\":[{\"_id\":\"a\"},{\"_id\":\"c\"}]}}");
  }

  @Test
  @Order(2)
  void eachTestGetsItsOwnIndexAndTheLastOnesAreGone(OpenSearchTarget target, TestIndex index) throws Exception {
    assertThat(target).isEqualTo(node);
    assertThat(index.name()).isNotEqualTo(firstIndex).startsWith("it-").endsWith("-opensearchextensionit");
    assertThat(send(target, "HEAD", "/" + firstIndex, null).statusCode()).isEqualTo(404);
    assertThat(send(target, "HEAD", "/" + firstIndex + "-v2", null).statusCode()).isEqualTo(404);
    assertThat(send(target, "HEAD", "/" + index.name(), null).statusCode()).isEqualTo(404);
  }

  @AfterAll
  static void embeddedByDefault() {
    if (System.getenv("OPENSEARCH_URL") == null) {
      assertThat(node.embedded()).isTrue();
      assertThat(node.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
  }

  private static HttpResponse<String> send(OpenSearchTarget target, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.endpoint().resolve(path));
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
