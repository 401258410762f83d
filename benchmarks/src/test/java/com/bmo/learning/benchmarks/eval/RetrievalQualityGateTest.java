package com.bmo.learning.benchmarks.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality gate, not a timed test: the pipeline (clean-up, sections, chunks) with MiniLM and hybrid
 * search (BM25 + exact kNN fused by RRF, as {@link EvalIndex}) must keep answering the in-repo subset of
 * the evaluation (eight public-domain SQLite pages, 14 learner questions) at least as well as the floor.
 * A change that makes chunks worse (boilerplate back in, sections lost, chunks cut mid-topic) drops
 * MRR@10 under it. The floor sits below the value measured when it was set (docs/EVALUATION.md) by a
 * margin for harmless reordering.
 */
class RetrievalQualityGateTest {

  private static final double HYBRID_MRR_FLOOR = 0.65;

  @Test
  void hybridSearchOverThePipelinesChunksStaysAboveTheFloor() throws Exception {
    Path dir = Path.of(getClass().getResource("/eval-subset/questions.jsonl").toURI()).getParent();
    List<EvalQuestion> questions;
    try (InputStream in = getClass().getResourceAsStream("/eval-subset/questions.jsonl")) {
      questions = EvalQuestion.read(in);
    }
    List<Path> files = questions.stream().map(q -> dir.resolve(q.fileName())).distinct().toList();
    assertThat(questions).hasSizeGreaterThanOrEqualTo(14);

    EvalIndex pipeline = new EvalIndex(PassageSources.pipeline(files, 800, 0),
        new AllMiniLmL6V2EmbeddingModel(), "");
    RankingMetrics hybrid = RetrievalEvaluation.evaluate(pipeline, questions, EvalIndex.Mode.HYBRID);
    assertThat(hybrid.mrrAt10()).as("hybrid %s", hybrid).isGreaterThanOrEqualTo(HYBRID_MRR_FLOOR);
  }
}
