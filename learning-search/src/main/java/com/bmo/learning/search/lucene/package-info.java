/**
 * The Lucene backend of the search port: chunks with their vectors and text in one index directory,
 * metadata filters, snapshots for backups. Nullability: parameters, return values and record components
 * are non-null unless their Javadoc says they may be null (the convention of every library module).
 */
package com.bmo.learning.search.lucene;
