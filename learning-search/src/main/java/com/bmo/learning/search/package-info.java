/**
 * The search port (SearchIndex) with its query, filter and hit types, shared by the Lucene and OpenSearch
 * backends. Nullability: parameters, return values and record components are non-null unless their Javadoc
 * says they may be null (the convention of every library module).
 */
package com.bmo.learning.search;
