package com.bmo.learning.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which chunks a search may return, by metadata: {@code ChunkFilter.eq("course", "algebra")}. Values match
 * the metadata value's string form ({@code page = 3} matches {@code eq("page", 3)} and
 * {@code eq("page", "3")}). A small backend-neutral syntax tree ({@link Eq}, {@link AnyOf}, {@link AllOf}
 * for "and", {@link AnyMatch} for "or" across keys, nested freely): each backend translates it (Lucene to a
 * filter query, OpenSearch to a bool filter) and applies it inside both the keyword and the kNN search.
 */
public sealed interface ChunkFilter {

  /** Metadata {@code key} equals {@code value}. */
  static ChunkFilter eq(String key, Object value) {
    return new Eq(key, String.valueOf(Objects.requireNonNull(value, "value")));
  }

  /** Metadata {@code key} equals one of {@code values}. */
  static ChunkFilter anyOf(String key, Set<?> values) {
    return new AnyOf(key, values.stream().map(String::valueOf).collect(Collectors.toSet()));
  }

  /** Every one of {@code filters} holds. */
  static ChunkFilter allOf(ChunkFilter... filters) {
    return new AllOf(List.of(filters));
  }

  /** Every one of {@code filters} holds; null when the list is empty (no filter). */
  static ChunkFilter allOf(List<ChunkFilter> filters) {
    return filters.isEmpty() ? null : filters.size() == 1 ? filters.get(0) : new AllOf(filters);
  }

  /** At least one of {@code filters} holds (keys may differ: "mine, or in a course granted to me"). */
  static ChunkFilter anyMatch(ChunkFilter... filters) {
    return new AnyMatch(List.of(filters));
  }

  /** At least one of {@code filters} holds; the single filter itself when there is one. */
  static ChunkFilter anyMatch(List<ChunkFilter> filters) {
    return filters.size() == 1 ? filters.get(0) : new AnyMatch(filters);
  }

  /** {@code key = value}. */
  record Eq(String key, String value) implements ChunkFilter {
    public Eq {
      checkKey(key);
      Objects.requireNonNull(value, "value");
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
  }

  /** Conjunction. */
  record AllOf(List<ChunkFilter> filters) implements ChunkFilter {
    public AllOf {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("allOf needs at least one filter");
      }
    }
  }

  /** Disjunction: a chunk passes when any of the filters admits it. */
  record AnyMatch(List<ChunkFilter> filters) implements ChunkFilter {
    public AnyMatch {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("anyMatch needs at least one filter");
      }
    }
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("filter key must not be blank");
    }
  }
}
