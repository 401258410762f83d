package com.bmo.learning.service.search;

import java.util.Map;
import java.util.Objects;

/**
 * A question for the index.
 *
 * @param k hits wanted
 * @param filters metadata that every hit must have (e.g. {@code course=algebra}); empty for none
 */
public record SearchQuery(String text, int k, Map<String, String> filters) {

  public SearchQuery {
    Objects.requireNonNull(text, "text");
    filters = Map.copyOf(filters);
  }
}
