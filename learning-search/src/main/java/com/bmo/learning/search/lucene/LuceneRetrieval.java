package com.bmo.learning.search.lucene;

import com.bmo.learning.search.HybridRanking;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchMode;
import com.bmo.learning.search.SearchQuery;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * One search on one searcher (one consistent point in time): BM25 over the chunk text and its section
 * title, kNN over the vectors, both restricted by the filter inside the query (so a filter never starves
 * the result), fused; snippets from Lucene's {@link UnifiedHighlighter}.
 */
final class LuceneRetrieval {

  static final int SNIPPET_LENGTH = 240;
  static final int SNIPPET_PASSAGES = 2;

  private final IndexSettings settings;
  private final Analyzer analyzer;

  LuceneRetrieval(IndexSettings settings, Analyzer analyzer) {
    this.settings = settings;
    this.analyzer = analyzer;
  }

  List<SearchHit> search(IndexSearcher searcher, SearchQuery query) throws IOException {
    Query filter = LuceneFilters.toQuery(query.filter());
    int depth = query.mode() == SearchMode.HYBRID ? Math.max(query.k(), HybridRanking.FUSION_DEPTH) : query.k();
    Query keyword = query.mode().usesText() ? keywordQuery(query.text(), filter) : null;
    List<ScoreDoc> keywordDocs = keyword == null ? List.of() : List.of(searcher.search(keyword, depth).scoreDocs);
    List<ScoreDoc> vectorDocs = List.of();
    if (query.mode().usesVector()) {
      int candidates = Math.max(depth, settings.searchCandidates());
      TopDocs top = searcher.search(new KnnFloatVectorQuery(LuceneDocuments.VECTOR, query.vectorView(),
          candidates, filter), depth);
      vectorDocs = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        if (sd.score < query.minScore()) {
          break;
        }
        vectorDocs.add(sd);
      }
    }
    List<ScoreDoc> ranked = switch (query.mode()) {
      case KEYWORD -> keywordDocs;
      case VECTOR -> vectorDocs;
      case HYBRID -> fuse(keywordDocs, vectorDocs, settings.fusion());
    };
    ranked = ranked.subList(0, Math.min(query.k(), ranked.size()));
    return toHits(searcher, ranked, keyword == null ? null : textOnly(query.text()));
  }

  /** BM25 over text and heading: any term may match (OR), more matching terms rank higher. */
  Query keywordQuery(String text, Query filter) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    Query body = builder.createBooleanQuery(LuceneDocuments.TEXT, text, BooleanClause.Occur.SHOULD);
    Query heading = builder.createBooleanQuery(LuceneDocuments.HEADING, text, BooleanClause.Occur.SHOULD);
    if (body == null) {
      // Nothing searchable left after analysis (only punctuation).
      return new MatchNoDocsQuery("no terms in '" + text + "'");
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder().add(body, BooleanClause.Occur.SHOULD);
    if (heading != null) {
      match.add(new BoostQuery(heading, HybridRanking.HEADING_BOOST), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(match.build(), BooleanClause.Occur.MUST);
    if (filter != null) {
      q.add(filter, BooleanClause.Occur.FILTER);
    }
    return q.build();
  }

  private Query textOnly(String text) {
    Query q = new QueryBuilder(analyzer).createBooleanQuery(LuceneDocuments.TEXT, text,
        BooleanClause.Occur.SHOULD);
    return q == null ? new MatchNoDocsQuery() : q;
  }

  static List<ScoreDoc> fuse(List<ScoreDoc> keyword, List<ScoreDoc> vector, Fusion fusion) {
    if (fusion == Fusion.RECIPROCAL_RANK) {
      List<ScoreDoc> fused = new ArrayList<>();
      for (HybridRanking.Fused<ScoreDoc> f : HybridRanking.fuse(keyword, vector, sd -> sd.doc, Integer.MAX_VALUE)) {
        fused.add(new ScoreDoc(f.item().doc, (float) f.score()));
      }
      return fused;
    }
    Map<Integer, Float> scores = new LinkedHashMap<>();
    float max = keyword.isEmpty() ? 1 : keyword.get(0).score;
    for (ScoreDoc sd : keyword) {
      scores.merge(sd.doc, 0.5f * sd.score / max, Float::sum);
    }
    for (ScoreDoc sd : vector) {
      scores.merge(sd.doc, 0.5f * sd.score, Float::sum);
    }
    List<ScoreDoc> fused = new ArrayList<>(scores.size());
    scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score)));
    // Ties by doc id, so equal scores always come back in the same order.
    fused.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return fused;
  }

  private List<SearchHit> toHits(IndexSearcher searcher, List<ScoreDoc> ranked, Query highlight)
      throws IOException {
    if (ranked.isEmpty()) {
      return List.of();
    }
    String[] snippets = highlight == null ? null : snippets(searcher, ranked, highlight);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      ScoreDoc sd = ranked.get(i);
      SearchHit hit = LuceneDocuments.toHit(stored.document(sd.doc), sd.score);
      if (snippets != null && snippets[i] != null) {
        hit = hit.withSnippet(SearchHit.Snippet.htmlMark(snippets[i]));
      }
      hits.add(hit);
    }
    return hits;
  }

  private String[] snippets(IndexSearcher searcher, List<ScoreDoc> ranked, Query highlight)
      throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxNoHighlightPassages(0)
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
        .build();
    int[] docs = new int[ranked.size()];
    Map<Integer, Integer> order = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      docs[i] = ranked.get(i).doc;
      order.put(docs[i], i);
    }
    // The highlighter wants ascending doc ids and answers in that order.
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    String[] bySorted = highlighter.highlightFields(new String[] {LuceneDocuments.TEXT}, highlight, sorted,
        new int[] {SNIPPET_PASSAGES}).get(LuceneDocuments.TEXT);
    String[] result = new String[docs.length];
    for (int i = 0; i < sorted.length; i++) {
      result[order.get(sorted[i])] = bySorted[i];
    }
    return result;
  }
}
