package com.bmo.learning.opensearch.junit;

import java.net.URI;

/**
 * The OpenSearch node the tests of this JVM use.
 *
 * @param endpoint its REST endpoint, e.g. {@code http://127.0.0.1:41234}
 * @param embedded true for the node inside this JVM, false for one named by {@code OPENSEARCH_URL}
 */
public record OpenSearchTarget(URI endpoint, boolean embedded) {
}
