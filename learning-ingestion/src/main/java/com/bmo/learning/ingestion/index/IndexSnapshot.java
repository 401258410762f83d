package com.bmo.learning.ingestion.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A commit point of a collection, held so that Lucene deletes none of its files until {@link #close()},
 * however many writes and merges happen meanwhile. Lucene never changes a file once written, so the listed
 * files can be read (copied, archived, uploaded) while the index goes on changing.
 *
 * @param collection the collection's name
 * @param directory the index directory the files are in
 * @param generation the commit's generation ({@code segments_N})
 * @param segmentsFileName the commit's {@code segments_N} file
 * @param fileNames every file of the commit, {@code segments_N} included, sorted
 * @param chunkCount chunks live in this commit
 * @param dimension vector length
 * @param userData the commit's user data
 */
public record IndexSnapshot(String collection, Path directory, long generation, String segmentsFileName,
    List<String> fileNames, long chunkCount, int dimension, Map<String, String> userData,
    Runnable release) implements AutoCloseable {

  public IndexSnapshot {
    fileNames = List.copyOf(fileNames);
    userData = Map.copyOf(userData);
  }

  /** A file of the commit. */
  public Path file(String name) {
    return directory.resolve(name);
  }

  /** Lets Lucene delete the commit's files once no newer commit needs them. */
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
