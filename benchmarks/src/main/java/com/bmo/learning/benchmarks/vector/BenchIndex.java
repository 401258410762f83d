package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The benchmark corpus: {@code size} synthetic vectors in a Lucene index, built once and reused. */
final class BenchIndex {

  static final long SEED = 42;
  static final long DOCUMENT_STREAM = 1;
  static final long QUERY_STREAM = 2;
  static final long EXTRA_STREAM = 3;

  private BenchIndex() {
  }

  static IndexSettings settings(int maxConn, int beamWidth, int candidates) {
    return IndexSettings.defaults(SyntheticEmbeddings.DIMENSION).withHnsw(maxConn, beamWidth)
        .withSearchCandidates(candidates).withRamBufferMb(1536);
  }

  static Path directory(Path root, int size, int maxConn, int beamWidth) {
    return directory(root, size, maxConn, beamWidth, false);
  }

  static Path directory(Path root, int size, int maxConn, int beamWidth, boolean uniform) {
    return root.resolve("hnsw-" + size + "-m" + maxConn + "-b" + beamWidth + (uniform ? "-uniform" : ""));
  }

  static IndexedChunk chunk(SyntheticEmbeddings data, long stream, int i) {
    String id = "v" + stream + "-" + i;
    // 100 vectors per "document", two courses: realistic metadata, small stored text.
    String source = "s3://bench/doc" + stream + "-" + i / 100 + ".pdf";
    Map<String, Object> m = Map.of("chunk_id", id, "source_uri", source, "course",
        i % 2 == 0 ? "algebra" : "biology", "page", i % 100);
    return new IndexedChunk(id, source, "chunk " + id, m, data.vector(stream, i));
  }

  /** Opens the index of {@code size} vectors under {@code root}, building it first if needed. */
  static LuceneSearchIndex openOrBuild(Path root, int size, int maxConn, int beamWidth, int candidates)
      throws IOException {
    return openOrBuild(root, size, maxConn, beamWidth, candidates, false);
  }

  static LuceneSearchIndex openOrBuild(Path root, int size, int maxConn, int beamWidth, int candidates,
      boolean uniform) throws IOException {
    Path dir = directory(root, size, maxConn, beamWidth, uniform);
    Path done = dir.resolveSibling(dir.getFileName() + ".complete");
    IndexSettings settings = settings(maxConn, beamWidth, candidates);
    if (Files.exists(done)) {
      LuceneSearchIndex index = LuceneSearchIndex.open("bench", dir, settings);
      if (index.count() == size) {
        System.out.printf("reusing index %s (%d vectors)%n", dir, size);
        return index;
      }
      index.close();
    }
    deleteTree(dir);
    SyntheticEmbeddings data = new SyntheticEmbeddings(SEED, uniform);
    LuceneSearchIndex index = LuceneSearchIndex.open("bench", dir, settings);
    long started = System.nanoTime();
    List<IndexedChunk> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(chunk(data, DOCUMENT_STREAM, i));
    }
    // One write: one flush, one segment, one HNSW graph (the RAM buffer holds it all).
    index.upsert(all);
    System.out.printf("built index of %d vectors (maxConn %d, beamWidth %d) in %.1f s%n", size, maxConn,
        beamWidth, (System.nanoTime() - started) / 1e9);
    Files.writeString(done, "ok");
    return index;
  }

  static long sizeOf(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
