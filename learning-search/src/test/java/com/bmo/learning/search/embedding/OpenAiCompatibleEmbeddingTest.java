package com.bmo.learning.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible model against a minimal {@code /v1/embeddings} server on the loopback interface:
 * what goes over the wire (key, model, dimensions, batches) and what comes back.
 */
class OpenAiCompatibleEmbeddingTest {

  static final ObjectMapper JSON = new ObjectMapper();
  HttpServer server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/embeddings", exchange -> {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      requests.add(request);
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      int dims = request.path("dimensions").asInt(3);
      ObjectNode response = JSON.createObjectNode().put("object", "list").put("model",
          request.path("model").asText());
      ArrayNode data = response.putArray("data");
      int i = 0;
      for (JsonNode input : request.path("input")) {
        ObjectNode item = data.addObject().put("object", "embedding").put("index", i++);
        ArrayNode vector = item.putArray("embedding");
        for (int d = 0; d < dims; d++) {
          vector.add(d == 0 ? input.asText().length() : 0.5);
        }
      }
      response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
      byte[] body = JSON.writeValueAsBytes(response);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  RemoteEmbeddingSettings settings(int batch) {
    return new RemoteEmbeddingSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
        "text-embedding-3-small", 4, batch, Duration.ofSeconds(10), 0);
  }

  @Test
  void sendsTheCurrentKeyModelAndDimensionsInBatches() {
    AtomicReference<String> key = new AtomicReference<>("sk-first");
    EmbeddingModel model = EmbeddingModels.openAiCompatible(settings(3), key::get);
    BatchEmbedder embedder = new BatchEmbedder(model, 100);

    List<TextSegment> segments = IntStream.range(0, 7).mapToObj(i -> TextSegment.from("t".repeat(i + 1)))
        .toList();
    List<float[]> vectors = embedder.embedAll(segments);
    // A rotated secret is used from the next request on, without rebuilding the model.
    key.set("sk-rotated");
    float[] query = embedder.embedQuery("question");

    assertThat(vectors).hasSize(7);
    for (int i = 0; i < 7; i++) {
      assertThat(vectors.get(i)).hasSize(4);
      assertThat(vectors.get(i)[0]).isEqualTo(i + 1);
    }
    assertThat(query[0]).isEqualTo("question".length());
    assertThat(requests).extracting(r -> r.path("input").size()).containsExactly(3, 3, 1, 1);
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.path("model").asText()).isEqualTo("text-embedding-3-small");
      assertThat(r.path("dimensions").asInt()).isEqualTo(4);
    });
    assertThat(authorizations).containsExactly("Bearer sk-first", "Bearer sk-first", "Bearer sk-first",
        "Bearer sk-rotated");
    assertThat(embedder.dimension()).isEqualTo(4);
  }

  @Test
  void aMissingKeyIsATypedErrorThatDoesNotReachTheServer() {
    EmbeddingModel model = EmbeddingModels.openAiCompatible(settings(3), () -> " ");
    BatchEmbedder embedder = new BatchEmbedder(model, 10);
    assertThatThrownBy(() -> embedder.embedQuery("q"))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("no key");
    assertThat(requests).isEmpty();
  }

  @Test
  void settingsRejectNonsense() {
    assertThatThrownBy(() -> new RemoteEmbeddingSettings(URI.create("ftp://x"), "m", 4, 1,
        Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemoteEmbeddingSettings.openAi(" ", 384))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RemoteEmbeddingSettings.openAi("text-embedding-3-small", 384).toString())
        .doesNotContain("sk-");
  }
}
