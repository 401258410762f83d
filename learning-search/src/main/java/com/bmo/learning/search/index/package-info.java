/**
 * The Lucene vector index: chunks with their vectors, metadata filters, snapshots for backups.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.search.index;
