package com.bmo.learning.opensearch.junit;

/**
 * An index name unique to one test method. The index does not exist yet; after the test, every index
 * whose name starts with {@link #name()} is deleted (with its aliases), whatever the test left behind.
 *
 * @param name lower-case, safe as an index or alias name and as a prefix of further index names
 */
public record TestIndex(String name) {
}
