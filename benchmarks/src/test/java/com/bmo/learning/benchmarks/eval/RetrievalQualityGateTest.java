package com.bmo.learning.benchmarks.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.embedding.EmbeddingModels;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality gate, not a timed test: the pipeline (clean-up, sections, chunks) with the service's model and
 * hybrid search in the service's own index ({@link EvalIndex}: English analyzer, kNN, weighted rank fusion)
 * must keep answering the in-repo subset of the evaluation (eight public-domain SQLite pages, 14 learner
 * questions) at least as well as the floor. A change that makes chunks or ranking worse (boilerplate back
 * in, sections lost, chunks cut mid-topic, a fusion that lets one side drown the other) drops MRR@10 under
 * it. The floor sits below the value measured when it was set (docs/EVALUATION.md) by a margin for
 * harmless reordering.
 */
class RetrievalQualityGateTest {

  private static final double HYBRID_MRR_FLOOR = 0.72;

  @Test
  void hybridSearchOverThePipelinesChunksStaysAboveTheFloor() throws Exception {
    Path dir = Path.of(getClass().getResource("/eval-subset/questions.jsonl").toURI()).getParent();
    List<EvalQuestion> questions;
    try (InputStream in = getClass().getResourceAsStream("/eval-subset/questions.jsonl")) {
      questions = EvalQuestion.read(in);
    }
    List<Path> files = questions.stream().map(q -> dir.resolve(q.fileName())).distinct().toList();
    assertThat(questions).hasSizeGreaterThanOrEqualTo(14);

    try (EvalIndex pipeline = new EvalIndex(PassageSources.pipeline(files, 800, 0), EmbeddingModels.localMiniLm(),
        "")) {
      RankingMetrics hybrid = RetrievalEvaluation.evaluate(pipeline, questions, EvalIndex.Mode.HYBRID);
      System.out.println("quality gate, hybrid: " + hybrid);
      assertThat(hybrid.mrrAt10()).as("hybrid %s", hybrid).isGreaterThanOrEqualTo(HYBRID_MRR_FLOOR);
    }
  }
}
