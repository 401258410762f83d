package com.bmo.learning.search.lucene;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;

/** The open Lucene objects of a collection's directory; replaced as a whole by a restore. */
record LuceneStore(FSDirectory directory, SnapshotDeletionPolicy snapshots, IndexWriter writer,
    SearcherManager searchers, AtomicBoolean closed) {

  /** Closes searchers and writer; the writer rolls back (every write has committed) and aborts merges. */
  void close() throws IOException {
    closed.set(true);
    try {
      searchers.close();
      writer.close();
    } finally {
      directory.close();
    }
  }

  /** Segments of the committed state searches see; 0 once closed. */
  int segments() {
    if (closed.get()) {
      return 0;
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().leaves().size();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      return 0;
    }
  }
}
