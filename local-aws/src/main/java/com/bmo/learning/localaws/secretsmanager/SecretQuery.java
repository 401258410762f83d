package com.bmo.learning.localaws.secretsmanager;

import java.util.List;
import java.util.Objects;

/**
 * Which secrets to list and how: filters (ANDed), whether secrets pending deletion are included, the
 * page size, where to continue ({@code nextToken}, or {@code null} for the first page) and the order.
 */
record SecretQuery(List<SecretFilter> filters, boolean includePlannedDeletion, int maxResults,
    String nextToken, SecretSortKey sortKey, boolean ascending) {

  SecretQuery {
    filters = List.copyOf(filters);
    Objects.requireNonNull(sortKey, "sortKey");
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be positive, was " + maxResults);
    }
  }

  /** All active secrets matching the filters, oldest first, in pages of {@code maxResults}. */
  static SecretQuery of(List<SecretFilter> filters, int maxResults, String nextToken) {
    return new SecretQuery(filters, false, maxResults, nextToken, SecretSortKey.CREATED_DATE, true);
  }
}
