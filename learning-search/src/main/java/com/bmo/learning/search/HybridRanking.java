package com.bmo.learning.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How every backend ranks, so that Lucene and OpenSearch answer alike: the words the keyword side ignores,
 * the weight of a section-title match, and the fusion of the keyword and vector lists of a hybrid search.
 * The values were chosen on half of the retrieval evaluation's questions and checked on the other half
 * (docs/EVALUATION.md).
 */
public final class HybridRanking {

  /** Each list of a hybrid search contributes at least this many candidates to the fusion. */
  public static final int FUSION_DEPTH = 50;
  /** Reciprocal rank fusion's constant (Cormack et al. 2009): how fast a lower rank stops counting. */
  public static final int RANK_CONSTANT = 60;
  /**
   * The vector list counts this much more than the keyword list: a learner's question paraphrases the
   * manual, so meaning is the stronger signal; exact words still lift a passage both lists agree on.
   */
  public static final double VECTOR_WEIGHT = 1.5;
  /** A match in the section title (heading path) counts half as much as one in the passage. */
  public static final float HEADING_BOOST = 0.5f;

  /**
   * Words the keyword side leaves out: Lucene's English stop words and the words that make a sentence a
   * question ("how do I", "what is", "can you") rather than say what it is about. Left in, they make BM25
   * favour passages that happen to repeat them. Stemming (Porter) comes after this filter.
   */
  public static final Set<String> STOP_WORDS = Set.of(
      // Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
      "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
      "will", "with",
      // question words of learners
      "how", "what", "which", "why", "when", "where", "who", "whom", "whose", "do", "does", "did", "can",
      "could", "should", "would", "i", "me", "my", "you", "your", "we", "our", "were", "been", "am", "get",
      "use", "using", "used", "way", "make", "thing", "things", "about", "from", "have", "has", "just", "also",
      "so", "than", "its", "one", "some", "any", "all", "instead", "want", "need", "happens", "mean", "means",
      "actually", "between", "without", "after", "before", "other", "only", "each");

  private HybridRanking() {
  }

  /** An item of a fused ranking and its score (higher is better). */
  public record Fused<T>(T item, double score) {
  }

  /**
   * Weighted reciprocal rank fusion: an item scores {@code Σ weight / (RANK_CONSTANT + rank)} over the
   * lists it appears in (rank from 1; keyword weight 1, vector weight {@link #VECTOR_WEIGHT}). Needs no
   * calibration of BM25 against cosine scores, which differ per backend. Ties keep first-seen order
   * (keyword list first).
   *
   * @param id what makes two entries the same item (a chunk id, a Lucene doc id)
   * @return the best {@code k} items, best first
   */
  public static <T> List<Fused<T>> fuse(List<T> keyword, List<T> vector, Function<T, ?> id, int k) {
    Map<Object, Double> scores = new LinkedHashMap<>();
    Map<Object, T> items = new LinkedHashMap<>();
    add(keyword, 1.0, id, scores, items);
    add(vector, VECTOR_WEIGHT, id, scores, items);
    List<Fused<T>> fused = new ArrayList<>(scores.size());
    scores.forEach((key, score) -> fused.add(new Fused<>(items.get(key), score)));
    fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
    return List.copyOf(fused.subList(0, Math.min(k, fused.size())));
  }

  private static <T> void add(List<T> ranking, double weight, Function<T, ?> id, Map<Object, Double> scores,
      Map<Object, T> items) {
    for (int i = 0; i < ranking.size(); i++) {
      T item = ranking.get(i);
      Object key = id.apply(item);
      scores.merge(key, weight / (RANK_CONSTANT + i + 1), Double::sum);
      items.putIfAbsent(key, item);
    }
  }
}
