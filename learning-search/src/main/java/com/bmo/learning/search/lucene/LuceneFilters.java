package com.bmo.learning.search.lucene;

import com.bmo.learning.search.ChunkFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** {@link ChunkFilter} as a Lucene query over the keyword fields {@link LuceneDocuments} writes. */
final class LuceneFilters {

  private LuceneFilters() {
  }

  /** The query selecting the chunks {@code filter} admits; null for no filter. */
  static Query toQuery(ChunkFilter filter) {
    if (filter == null) {
      return null;
    }
    if (filter instanceof ChunkFilter.Eq eq) {
      return new TermQuery(new Term(LuceneDocuments.filterField(eq.key()), eq.value()));
    }
    if (filter instanceof ChunkFilter.AnyOf any) {
      return new TermInSetQuery(LuceneDocuments.filterField(any.key()),
          any.values().stream().map(BytesRef::new).toList());
    }
    if (filter instanceof ChunkFilter.AnyMatch any) {
      // Filter clauses only: no scores to combine, and a pure SHOULD query matches when any clause does.
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (ChunkFilter f : any.filters()) {
        b.add(toQuery(f), BooleanClause.Occur.SHOULD);
      }
      return new ConstantScoreQuery(b.build());
    }
    ChunkFilter.AllOf all = (ChunkFilter.AllOf) filter;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (ChunkFilter f : all.filters()) {
      b.add(toQuery(f), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }
}
