package com.bmo.learning.ingestion.chunk;

import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.segment.TextSegment;

/**
 * The two texts of a chunk. Users see {@link TextSegment#text()}, the passage as it stands in the
 * document. Embedding and keyword indexing use {@link #forIndexing}: the heading path first, so that a
 * passage is found by the words of its title and section ("Arrays", "Readline") even when it does not
 * repeat them.
 */
public final class ChunkText {

  private ChunkText() {
  }

  /** {@code heading_path + "\n\n" + text}, or the text alone when the chunk has no heading path. */
  public static String forIndexing(TextSegment segment) {
    String path = segment.metadata().getString(MetadataKeys.HEADING_PATH);
    return path == null || path.isBlank() ? segment.text() : path + "\n\n" + segment.text();
  }
}
