/**
 * The OpenSearch search backend: index mapping, chunk store, keyword, kNN and hybrid queries.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.search.opensearch;
