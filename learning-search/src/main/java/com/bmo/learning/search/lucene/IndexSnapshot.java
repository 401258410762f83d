package com.bmo.learning.search.lucene;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A commit point of a collection, held so that Lucene deletes none of its files until {@link #close()},
 * however many writes and merges happen meanwhile. Lucene never changes a file once written, so the listed
 * files can be read (archived, uploaded) while the index goes on changing. Get one from
 * {@link LuceneSearchIndex#snapshot()}.
 */
public final class IndexSnapshot implements AutoCloseable {

  private final String collection;
  private final Path directory;
  private final long generation;
  private final String segmentsFileName;
  private final List<String> fileNames;
  private final long chunkCount;
  private final int dimension;
  private final Map<String, String> userData;
  private final Runnable release;

  IndexSnapshot(String collection, Path directory, long generation, String segmentsFileName,
      List<String> fileNames, long chunkCount, int dimension, Map<String, String> userData, Runnable release) {
    this.collection = collection;
    this.directory = directory;
    this.generation = generation;
    this.segmentsFileName = segmentsFileName;
    this.fileNames = List.copyOf(fileNames);
    this.chunkCount = chunkCount;
    this.dimension = dimension;
    this.userData = Map.copyOf(userData);
    this.release = release;
  }

  /** The collection's name. */
  public String collection() {
    return collection;
  }

  /** The index directory the files are in. */
  public Path directory() {
    return directory;
  }

  /** The commit's generation (the N of {@code segments_N}). */
  public long generation() {
    return generation;
  }

  public String segmentsFileName() {
    return segmentsFileName;
  }

  /** Every file of the commit, {@code segments_N} included, sorted. */
  public List<String> fileNames() {
    return fileNames;
  }

  /** Chunks live in this commit. */
  public long chunkCount() {
    return chunkCount;
  }

  public int dimension() {
    return dimension;
  }

  /** The commit's user data (dimension, collection, time of the write). */
  public Map<String, String> userData() {
    return userData;
  }

  /** A file of the commit. */
  public Path file(String name) {
    return directory.resolve(name);
  }

  /** Lets Lucene delete the commit's files once no newer commit needs them. Idempotent. */
  @Override
  public void close() {
    release.run();
  }

  @Override
  public String toString() {
    return "IndexSnapshot[collection=" + collection + ", generation=" + generation + ", files="
        + fileNames.size() + ", chunks=" + chunkCount + "]";
  }
}
