package com.bmo.learning.search.opensearch;

import com.bmo.learning.opensearch.junit.OpenSearchTarget;
import com.bmo.learning.opensearch.junit.OpenSearchTest;
import com.bmo.learning.opensearch.junit.TestIndex;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchIndexContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The backend contract every {@link SearchIndex} keeps, run against a real OpenSearch node. */
@OpenSearchTest
class OpenSearchSearchIndexContractIT extends SearchIndexContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final OpenSearchTarget node;
  private final TestIndex prefix;

  OpenSearchSearchIndexContractIT(OpenSearchTarget node, TestIndex prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  @Override
  protected SearchIndex openIndex(int dimension) {
    // A fresh index per test; the harness deletes every index under the prefix afterwards.
    String name = prefix.name() + "-" + SEQUENCE.incrementAndGet();
    return OpenSearchSearchIndex.open(OpenSearchSettings.builder(node.endpoint(), name).replicas(0).build(), dimension);
  }
}
