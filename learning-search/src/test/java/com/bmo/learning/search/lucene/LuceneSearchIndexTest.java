package com.bmo.learning.search.lucene;

import static com.bmo.learning.search.TestChunks.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.ContentVersionMismatchException;
import com.bmo.learning.search.DimensionMismatchException;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchIndexContract;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.TestChunks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on Lucene, plus what only a local directory has: reopening, locking, snapshots. */
class LuceneSearchIndexTest extends SearchIndexContract {

  @TempDir
  Path dir;

  @Override
  protected SearchIndex openIndex(int dimension) {
    return LuceneSearchIndex.open("lessons", dir.resolve("lessons"), IndexSettings.defaults(dimension));
  }

  private LuceneSearchIndex lucene() {
    return (LuceneSearchIndex) index;
  }

  @Test
  void writesAreCommittedAndSurviveReopening() {
    index.upsert(document("doc", 12, "algebra", DIM));
    index.close();
    index = openIndex(DIM);
    assertThat(index.count()).isEqualTo(12);
    assertThat(index.get("doc#11")).isPresent();
    assertThat(index.search(SearchQuery.keyword("doc part 11", 1)).get(0).chunkId()).isEqualTo("doc#11");
  }

  @Test
  void reopeningWithAnotherDimensionIsRefused() {
    index.close();
    assertThatThrownBy(() -> LuceneSearchIndex.open("lessons", dir.resolve("lessons"),
        IndexSettings.defaults(DIM * 2))).isInstanceOf(DimensionMismatchException.class);
    index = openIndex(DIM);
  }

  @Test
  void anIndexBuiltWithAnotherModelOrChunkerIsRefusedWithTheReason() {
    index.close();
    ContentVersion built = new ContentVersion("model-a", "2/1000/200");
    try (LuceneSearchIndex first = LuceneSearchIndex.open("versioned", dir.resolve("versioned"),
        IndexSettings.defaults(DIM), built)) {
      first.upsert(document("doc", 3, "algebra", DIM));
    }
    ContentVersion otherChunker = new ContentVersion("model-a", "3/600/100");
    assertThatThrownBy(() -> LuceneSearchIndex.open("versioned", dir.resolve("versioned"),
        IndexSettings.defaults(DIM), otherChunker))
        .isInstanceOf(ContentVersionMismatchException.class)
        .hasMessageContaining("model model-a, chunker 2/1000/200").hasMessageContaining("3/600/100")
        .hasMessageContaining("re-index");
    try (LuceneSearchIndex same = LuceneSearchIndex.open("versioned", dir.resolve("versioned"),
        IndexSettings.defaults(DIM), built)) {
      assertThat(same.count()).isEqualTo(3);
      assertThat(same.contentVersion()).isEqualTo(built);
    }
    index = openIndex(DIM);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefused() {
    assertThatThrownBy(() -> openIndex(DIM)).isInstanceOf(IndexLockedException.class);
  }

  @Test
  void badSettingsGetClearErrors() {
    assertThatThrownBy(() -> LuceneSearchIndex.open("../escape", dir, IndexSettings.defaults(DIM)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection name");
    assertThatThrownBy(() -> IndexSettings.defaults(2048)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotKeepsItsFilesWhileWritesAndMergesGoOn() throws Exception {
    index.upsert(document("doc", 40, "algebra", DIM));
    try (IndexSnapshot snapshot = lucene().snapshot()) {
      assertThat(snapshot.chunkCount()).isEqualTo(40);
      assertThat(snapshot.fileNames()).contains(snapshot.segmentsFileName());
      for (int i = 0; i < 15; i++) {
        index.upsert(document("more" + i, 10, "algebra", DIM));
      }
      index.clear();
      for (String name : snapshot.fileNames()) {
        assertThat(snapshot.file(name)).as(name).exists();
      }
    }
    index.upsert(document("after", 1, "algebra", DIM));
    // The released commit's segments_N is deleted; a background merge committing right now may briefly
    // show its own next to the last one, so look again for a while before failing.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (commitFiles().size() > 1 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(commitFiles()).hasSize(1);
  }

  private List<String> commitFiles() throws java.io.IOException {
    try (var files = Files.list(dir.resolve("lessons"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_")).toList();
    }
  }

  @Test
  void replaceDirectoryReopensOnWhatTheDirectoryThenHolds() throws Exception {
    index.upsert(document("old", 5, "algebra", DIM));
    Path other = dir.resolve("other");
    try (LuceneSearchIndex second = LuceneSearchIndex.open("lessons", other, IndexSettings.defaults(DIM))) {
      second.upsert(document("new", 3, "algebra", DIM));
    }

    lucene().replaceDirectory(target -> {
      try {
        try (var files = Files.list(target)) {
          for (Path p : files.toList()) {
            Files.delete(p);
          }
        }
        try (var files = Files.list(other)) {
          for (Path p : files.toList()) {
            Files.move(p, target.resolve(p.getFileName()));
          }
        }
        return null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    assertThat(index.count()).isEqualTo(3);
    assertThat(index.countSource(TestChunks.source("old"))).isZero();
    index.upsert(document("later", 2, "algebra", DIM));
    assertThat(index.count()).isEqualTo(5);
  }
}
