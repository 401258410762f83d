package com.bmo.learning.search.lucene;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges a collection down to {@link MergeSettings#mergeTo()} segments on its own thread when a commit left
 * more than {@link MergeSettings#mergeAbove()}: Lucene's merge threads do the work while writes, searches
 * and snapshots go on (a held snapshot keeps its files), and the result becomes visible with a commit. One
 * merge at a time; closing the store aborts it.
 */
final class BackgroundMerger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundMerger.class);

  /** Commits a finished merge of {@code merged}; false when that store is no longer the collection's. */
  @FunctionalInterface
  interface MergeCommit {
    boolean commit(LuceneStore merged) throws IOException;
  }

  private final String collection;
  private final MergeSettings settings;
  private final MergeCommit commit;
  /** Null when background merges are off. */
  private final ExecutorService thread;
  /** The store a queued or running merge is for (a restore replaces the store while its merge aborts). */
  private final AtomicReference<LuceneStore> queued = new AtomicReference<>();

  BackgroundMerger(String collection, MergeSettings settings, MergeCommit commit) {
    this.collection = collection;
    this.settings = settings;
    this.commit = commit;
    this.thread = settings.backgroundMerge() ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lucene-merge-" + collection);
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Starts a merge of {@code target} if it has too many segments and none is queued or running for it. */
  void mergeIfFragmented(LuceneStore target) {
    LuceneStore previous = queued.get();
    if (thread == null || previous == target || target.segments() <= settings.mergeAbove()) {
      return;
    }
    if (queued.compareAndSet(previous, target)) {
      try {
        thread.execute(() -> mergeDown(target));
      } catch (RejectedExecutionException e) {
        queued.compareAndSet(target, null); // closing
      }
    }
  }

  /** Merges and commits, again while commits made meanwhile left too many segments. */
  private void mergeDown(LuceneStore target) {
    try {
      int before;
      while (!target.closed().get() && (before = target.segments()) > settings.mergeAbove()) {
        long start = System.nanoTime();
        target.writer().forceMerge(settings.mergeTo());
        if (!commit.commit(target)) {
          return;
        }
        LOG.info("Merged search index '{}' in {} ms: {} segments before, {} now (writes meanwhile add theirs)",
            collection, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), before, target.segments());
      }
    } catch (IOException | RuntimeException e) {
      if (target.closed().get()) {
        LOG.info("Background merge of search index '{}' stopped: index closed or restored", collection);
      } else {
        LOG.warn("Background merge of search index '{}' failed: {}", collection, e.toString());
      }
    } finally {
      queued.compareAndSet(target, null);
    }
  }

  /**
   * Ends the thread. Close the store first: that aborts the merge (Lucene 9.12 finishes building a running
   * merge's HNSW graph first, apache/lucene#16367).
   */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Background merge of search index '{}' still stopping", collection);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
