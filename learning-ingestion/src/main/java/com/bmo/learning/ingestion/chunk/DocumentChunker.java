package com.bmo.learning.ingestion.chunk;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.source.LoadedFile;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the documents of one file into chunks with LangChain4j's recursive splitter (paragraphs, then
 * lines, sentences, words, characters) of at most {@code maxChunkChars} characters, consecutive chunks
 * sharing up to {@code overlapChars} characters. Every chunk keeps its document's metadata and gets
 * {@code chunk_index} (0-based, across all documents of the file, pages in order), {@code chunk_count}
 * and {@code chunk_id} (see {@link StableId#chunk}).
 *
 * <p>Thread-safe: each thread uses its own splitter (OpenNLP's sentence detector is not shared).
 */
public final class DocumentChunker {

  private final int maxChunkChars;
  private final int overlapChars;
  private final ThreadLocal<DocumentSplitter> splitter;

  /**
   * @throws IllegalArgumentException unless {@code 0 < maxChunkChars} and
   *     {@code 0 <= overlapChars < maxChunkChars}
   */
  public DocumentChunker(int maxChunkChars, int overlapChars) {
    if (maxChunkChars < 1) {
      throw new IllegalArgumentException("maxChunkChars must be positive, was " + maxChunkChars);
    }
    if (overlapChars < 0 || overlapChars >= maxChunkChars) {
      throw new IllegalArgumentException("overlapChars must be >= 0 and below maxChunkChars ("
          + maxChunkChars + "), was " + overlapChars);
    }
    this.maxChunkChars = maxChunkChars;
    this.overlapChars = overlapChars;
    this.splitter = ThreadLocal.withInitial(() -> DocumentSplitters.recursive(maxChunkChars, overlapChars));
  }

  public int maxChunkChars() {
    return maxChunkChars;
  }

  public int overlapChars() {
    return overlapChars;
  }

  /** Chunks of a loaded file. */
  public List<TextSegment> chunk(LoadedFile file) {
    return chunk(file.sourceUri(), file.version(), file.documents());
  }

  /**
   * Chunks of the documents of one file, in order.
   *
   * @param sourceUri the file's URI, for chunk ids
   * @param version the file's version (ETag or content hash), for chunk ids
   */
  public List<TextSegment> chunk(String sourceUri, String version, List<Document> documents) {
    DocumentSplitter s = splitter.get();
    List<TextSegment> chunks = new ArrayList<>();
    for (Document document : documents) {
      for (TextSegment segment : s.split(document)) {
        if (segment.text().isBlank()) {
          continue;
        }
        int index = chunks.size();
        segment.metadata()
            .put(MetadataKeys.CHUNK_INDEX, index)
            .put(MetadataKeys.CHUNK_ID, StableId.chunk(sourceUri, version, index, segment.text()).toString());
        chunks.add(segment);
      }
    }
    for (TextSegment chunk : chunks) {
      chunk.metadata().put(MetadataKeys.CHUNK_COUNT, chunks.size());
    }
    return chunks;
  }
}
