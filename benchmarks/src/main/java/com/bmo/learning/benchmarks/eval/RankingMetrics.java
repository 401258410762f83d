package com.bmo.learning.benchmarks.eval;

import java.util.List;

/** Recall@1/5/10 and MRR@10 over questions, from the 1-based rank of each question's first relevant hit. */
public record RankingMetrics(int questions, double recallAt1, double recallAt5, double recallAt10, double mrrAt10) {

  /** @param firstRelevantRanks 1-based rank of the first relevant hit per question, 0 when none in the top 10 */
  public static RankingMetrics of(List<Integer> firstRelevantRanks) {
    int n = firstRelevantRanks.size();
    double r1 = 0;
    double r5 = 0;
    double r10 = 0;
    double mrr = 0;
    for (int rank : firstRelevantRanks) {
      if (rank >= 1 && rank <= 10) {
        r10++;
        mrr += 1.0 / rank;
        if (rank <= 5) {
          r5++;
        }
        if (rank == 1) {
          r1++;
        }
      }
    }
    return n == 0 ? new RankingMetrics(0, 0, 0, 0, 0) : new RankingMetrics(n, r1 / n, r5 / n, r10 / n, mrr / n);
  }

  /** R@1, R@5 and MRR@10 only. */
  public String brief() {
    return String.format("R@1 %.3f R@5 %.3f MRR@10 %.3f (n=%d)", recallAt1, recallAt5, mrrAt10, questions);
  }

  @Override
  public String toString() {
    return String.format("R@1 %.3f  R@5 %.3f  R@10 %.3f  MRR@10 %.3f  (n=%d)", recallAt1, recallAt5, recallAt10,
        mrrAt10, questions);
  }
}
