package com.bmo.learning.search.backup;

/** An index that can hold its last commit for a backup while writes go on (the Lucene backend's index). */
@FunctionalInterface
public interface SnapshotSource {

  /** Holds the last commit; close it promptly (held files take disk space). */
  FileSnapshot snapshot();
}
