package com.bmo.learning.search.lucene;

import com.bmo.learning.search.backup.FileSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * A commit point of a collection, held so that Lucene deletes none of its files until {@link #close()},
 * however many writes and merges happen meanwhile. Lucene never changes a file once written, so the listed
 * files can be read (archived, uploaded) while the index goes on changing. Get one from
 * {@link LuceneSearchIndex#snapshot()}.
 */
public final class IndexSnapshot implements FileSnapshot {

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
  @Override
  public String collection() {
    return collection;
  }

  /** The index directory the files are in. */
  @Override
  public Path directory() {
    return directory;
  }

  /** The commit's generation (the N of {@code segments_N}). */
  @Override
  public long generation() {
    return generation;
  }

  @Override
  public String segmentsFileName() {
    return segmentsFileName;
  }

  /** Every file of the commit, {@code segments_N} included, sorted. */
  @Override
  public List<String> fileNames() {
    return fileNames;
  }

  /** Chunks live in this commit. */
  @Override
  public long chunkCount() {
    return chunkCount;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** The commit's user data (dimension, collection, time of the write). */
  public Map<String, String> userData() {
    return userData;
  }

  /** A file of the commit. */
  @Override
  public Path file(String name) {
    return directory.resolve(name);
  }

  /** The CRC32 Lucene keeps in the file's footer (read, not computed). */
  @Override
  public long checksum(String name) throws IOException {
    try (FSDirectory dir = FSDirectory.open(directory);
        IndexInput in = dir.openInput(name, IOContext.READONCE)) {
      return CodecUtil.retrieveChecksum(in);
    }
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
