package com.bmo.learning.search.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion: an item's score is the sum of {@code 1 / (c + rank)} over the rankings it
 * appears in (rank from 1). Scores of different scales (BM25, cosine) need no normalisation.
 */
final class RankFusion {

  static final int RANK_CONSTANT = 60;

  private RankFusion() {
  }

  record Fused<T>(T item, double score) {
  }

  /** The {@code k} best items of the fused rankings, best first; ties keep the first ranking's order. */
  static <T> List<Fused<T>> fuse(List<List<T>> rankings, Function<T, String> id, int k) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, T> items = new LinkedHashMap<>();
    for (List<T> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        T item = ranking.get(i);
        String key = id.apply(item);
        scores.merge(key, 1.0 / (RANK_CONSTANT + i + 1), Double::sum);
        items.putIfAbsent(key, item);
      }
    }
    List<Fused<T>> fused = new ArrayList<>();
    scores.forEach((key, score) -> fused.add(new Fused<>(items.get(key), score)));
    fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
    return fused.subList(0, Math.min(k, fused.size()));
  }
}
