package com.bmo.learning.service.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexOpeningTest {

  private static final ContentVersion BUILT = new ContentVersion("model-a", "2/800/0");
  private static final ContentVersion RECHUNKED = new ContentVersion("model-a", "2/400/0");

  @TempDir
  Path dir;

  private static IndexedChunk chunk(String id) {
    return new IndexedChunk(id, "s3://b/doc.pdf", "text " + id, Map.of("chunk_id", id, "source_uri", "s3://b/doc.pdf"),
        new float[] {1, 0, 0, 0});
  }

  @Test
  void anIndexOfAnotherContentVersionIsSetAsideAndReplacedByAnEmptyOneUntilTheDocumentsAreQueued() throws Exception {
    Path index = dir.resolve("lessons");
    ContentReindex unchanged = new ContentReindex(null, null, null, Clock.systemUTC());
    try (LuceneSearchIndex first = LuceneIndexOpening.open("lessons", index, IndexSettings.defaults(4), BUILT,
        unchanged)) {
      first.upsert(List.of(chunk("a#0"), chunk("a#1")));
    }
    assertThat(unchanged.replaced()).isNull();

    ContentReindex reindex = new ContentReindex(null, null, null, Clock.systemUTC());
    try (LuceneSearchIndex second = LuceneIndexOpening.open("lessons", index, IndexSettings.defaults(4), RECHUNKED,
        reindex)) {
      assertThat(second.count()).as("old chunks are not mixed in").isZero();
      assertThat(second.contentVersion()).isEqualTo(RECHUNKED);
    }
    assertThat(reindex.replaced().previous()).isEqualTo(BUILT);
    assertThat(reindex.replaced().cause()).isEqualTo("chunker changed (2/800/0 → 2/400/0)");
    try (LuceneSearchIndex aside = LuceneSearchIndex.open("lessons", dir.resolve("lessons.superseded"),
        IndexSettings.defaults(4), BUILT)) {
      assertThat(aside.count()).as("the old index is kept aside").isEqualTo(2);
    }

    // Stopped before the documents were queued: the next start queues them, though the version now matches.
    ContentReindex afterCrash = new ContentReindex(null, null, null, Clock.systemUTC());
    LuceneIndexOpening.open("lessons", index, IndexSettings.defaults(4), RECHUNKED, afterCrash).close();
    assertThat(afterCrash.replaced().cause()).isEqualTo("chunker changed (2/800/0 → 2/400/0)");
    assertThat(Files.exists(dir.resolve("lessons.reindex-pending"))).isTrue();
  }
}
