package com.bmo.learning.search.index;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which chunks a search may return, by metadata: {@code ChunkFilter.eq("course", "algebra")}. Values match
 * the metadata value's string form ({@code page = 3} matches {@code eq("page", 3)} and
 * {@code eq("page", "3")}).
 */
public sealed interface ChunkFilter {

  /** Metadata {@code key} equals {@code value}. */
  static ChunkFilter eq(String key, Object value) {
    return new Eq(key, String.valueOf(Objects.requireNonNull(value, "value")));
  }

  /** Metadata {@code key} equals one of {@code values}. */
  static ChunkFilter anyOf(String key, Set<?> values) {
    return new AnyOf(key, values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));
  }

  /** Every one of {@code filters} holds. */
  static ChunkFilter allOf(ChunkFilter... filters) {
    return new AllOf(List.of(filters));
  }

  /** The Lucene query selecting the matching documents. */
  Query toQuery();

  /** {@code key = value}. */
  record Eq(String key, String value) implements ChunkFilter {
    public Eq {
      checkKey(key);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Query toQuery() {
      return new TermQuery(new Term(LuceneDocuments.filterField(key), value));
    }
  }

  /** {@code key ∈ values}. */
  record AnyOf(String key, Set<String> values) implements ChunkFilter {
    public AnyOf {
      checkKey(key);
      values = Set.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("anyOf(" + key + ") needs at least one value");
      }
    }

    @Override
    public Query toQuery() {
      return new TermInSetQuery(LuceneDocuments.filterField(key),
          values.stream().map(BytesRef::new).toList());
    }
  }

  /** Conjunction. */
  record AllOf(List<ChunkFilter> filters) implements ChunkFilter {
    public AllOf {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("allOf needs at least one filter");
      }
    }

    @Override
    public Query toQuery() {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (ChunkFilter f : filters) {
        b.add(f.toQuery(), BooleanClause.Occur.FILTER);
      }
      return b.build();
    }
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("filter key must not be blank");
    }
  }
}
