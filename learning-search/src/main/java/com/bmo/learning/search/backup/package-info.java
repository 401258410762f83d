/**
 * Backups of the Lucene index to S3 (full archives and incremental manifests), restore, retention and
 * safe extraction. Nullability: parameters, return values and record components are non-null unless
 * their Javadoc says they may be null (the convention of every library module).
 */
package com.bmo.learning.search.backup;
