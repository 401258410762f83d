package com.bmo.learning.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchEmbedderTest {

  /** A model whose vector encodes the text's length, recording the size of every call. */
  static final class RecordingModel implements EmbeddingModel {
    final List<Integer> calls = new ArrayList<>();
    final Function<List<TextSegment>, List<Embedding>> answer;

    RecordingModel(Function<List<TextSegment>, List<Embedding>> answer) {
      this.answer = answer;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      calls.add(segments.size());
      return Response.from(answer.apply(segments));
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public String modelName() {
      return "recording";
    }
  }

  static List<Embedding> byLength(List<TextSegment> segments) {
    return segments.stream().map(s -> Embedding.from(new float[] {s.text().length(), 1, 0})).toList();
  }

  static List<TextSegment> texts(int n) {
    return IntStream.range(0, n).mapToObj(i -> TextSegment.from("x".repeat(i + 1))).toList();
  }

  @Test
  void splitsIntoBatchesAndKeepsOrder() {
    RecordingModel model = new RecordingModel(BatchEmbedderTest::byLength);
    BatchEmbedder embedder = new BatchEmbedder(model, 4);

    List<float[]> vectors = embedder.embedAll(texts(10));

    assertThat(model.calls).containsExactly(4, 4, 2);
    assertThat(vectors).hasSize(10);
    for (int i = 0; i < 10; i++) {
      assertThat(vectors.get(i)[0]).isEqualTo(i + 1);
    }
    assertThat(embedder.dimension()).isEqualTo(3);
    assertThat(embedder.embedAll(List.of())).isEmpty();
  }

  @Test
  void wrongCountOrDimensionFromTheModelIsATypedError() {
    BatchEmbedder short1 = new BatchEmbedder(new RecordingModel(s -> byLength(s).subList(0, 1)), 8);
    assertThatThrownBy(() -> short1.embedAll(texts(3))).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("recording").hasMessageContaining("1 embeddings");

    BatchEmbedder wide = new BatchEmbedder(new RecordingModel(
        s -> s.stream().map(x -> Embedding.from(new float[] {1, 2, 3, 4})).toList()), 8);
    assertThatThrownBy(() -> wide.embedQuery("q")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("4 dimensions");

    BatchEmbedder nan = new BatchEmbedder(new RecordingModel(
        s -> s.stream().map(x -> Embedding.from(new float[] {Float.NaN, 2, 3})).toList()), 8);
    assertThatThrownBy(() -> nan.embedAll(texts(1))).isInstanceOf(EmbeddingException.class);
  }

  @Test
  void modelFailureIsWrappedWithModelNameAndBatchSize() {
    BatchEmbedder failing = new BatchEmbedder(new RecordingModel(s -> {
      throw new IllegalStateException("onnx exploded");
    }), 8);
    assertThatThrownBy(() -> failing.embedAll(texts(5)))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("recording").hasMessageContaining("batch of 5")
        .hasMessageContaining("onnx exploded")
        .satisfies(e -> assertThat(((EmbeddingException) e).batchSize()).isEqualTo(5));
  }

  @Test
  void blankTextIsRefusedBeforeTheModelIsCalled() {
    RecordingModel model = new RecordingModel(BatchEmbedderTest::byLength);
    BatchEmbedder embedder = new BatchEmbedder(model, 8);
    assertThatThrownBy(() -> embedder.embedQuery(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchEmbedder(model, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(model.calls).isEmpty();
  }
}
