package com.bmo.learning.ingestion.chunk;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.source.LoadedFile;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits the documents of one file into chunks of at most {@code maxChunkChars} characters that follow
 * the document's structure: a chunk never crosses a section boundary; within a section it ends at a
 * paragraph, else at a sentence, else at a line, else at a word (only a single word longer than a chunk
 * is cut). Consecutive chunks of a section share whole sentences up to {@code overlapChars} characters.
 * A section's last chunk shorter than a quarter of {@code maxChunkChars} is merged into the chunk before it
 * (so that chunk may be up to a quarter longer than {@code maxChunkChars}), and a chunk without a letter
 * or digit is dropped.
 *
 * <p>A section is a run of consecutive documents with the same {@value MetadataKeys#SECTION_INDEX} and
 * {@value MetadataKeys#HEADING_PATH} (the parsers cut PDFs into one document per section part per
 * page); a document without a section index is a section of its own. A section whose only text is its
 * heading gives no chunk (its heading is in the heading path of the sections below it).
 *
 * <p>Every chunk keeps its first document's metadata and gets {@code page} (first page) and
 * {@code page_end} (last page, only when it spans pages), {@code chunk_index} (0-based across the file),
 * {@code chunk_count} and {@code chunk_id} (see {@link StableId#chunk}). The chunk text is the document's
 * own text; the heading path stays in metadata ({@link ChunkText#forIndexing} joins them for embedding
 * and keyword indexing). Thread-safe and stateless.
 */
public final class DocumentChunker {

  /**
   * Version of the chunking rules. An index that stores it with its vectors can tell chunks made by other
   * rules (together with the size: see {@link #version()}). 2: section- and sentence-aware chunks.
   * 3: a section's short last chunk joins the one before it; chunks without a letter or digit are dropped.
   */
  public static final String VERSION = "3";

  private final int maxChunkChars;
  private final int overlapChars;

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
  }

  public int maxChunkChars() {
    return maxChunkChars;
  }

  public int overlapChars() {
    return overlapChars;
  }

  /** The rules and sizes in one string, e.g. {@code "3/600/100"}: chunks of different versions differ. */
  public String version() {
    return VERSION + "/" + maxChunkChars + "/" + overlapChars;
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
    List<TextSegment> chunks = new ArrayList<>();
    int i = 0;
    while (i < documents.size()) {
      int end = i + 1;
      while (end < documents.size() && sameSection(documents.get(i), documents.get(end))) {
        end++;
      }
      chunkSection(documents.subList(i, end), sourceUri, version, chunks);
      i = end;
    }
    for (TextSegment chunk : chunks) {
      chunk.metadata().put(MetadataKeys.CHUNK_COUNT, chunks.size());
    }
    return chunks;
  }

  private static boolean sameSection(Document a, Document b) {
    Integer sa = a.metadata().getInteger(MetadataKeys.SECTION_INDEX);
    Integer sb = b.metadata().getInteger(MetadataKeys.SECTION_INDEX);
    return sa != null && sa.equals(sb) && Objects.equals(a.metadata().getString(MetadataKeys.HEADING_PATH),
        b.metadata().getString(MetadataKeys.HEADING_PATH));
  }

  private void chunkSection(List<Document> parts, String sourceUri, String version, List<TextSegment> out) {
    StringBuilder text = new StringBuilder();
    List<int[]> pageStarts = new ArrayList<>(); // {offset, page}
    for (Document part : parts) {
      String t = part.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      Integer page = part.metadata().getInteger(MetadataKeys.PAGE);
      pageStarts.add(new int[] {text.length(), page == null ? -1 : page});
      text.append(t);
    }
    String section = text.toString();
    if (section.isEmpty() || isOnlyHeading(section, parts.get(0).metadata())) {
      return;
    }
    List<Span> units = new ArrayList<>();
    SentenceUnits.split(section, 0, section.length(), maxChunkChars, units);
    List<Span> spans = new ArrayList<>();
    int first = 0;
    while (first < units.size()) {
      int last = first;
      while (last + 1 < units.size() && units.get(last + 1).end() - units.get(first).start() <= maxChunkChars) {
        last++;
      }
      Span span = new Span(units.get(first).start(), units.get(last).end());
      if (hasWords(section, span)) {
        spans.add(span);
      }
      if (last + 1 >= units.size()) {
        break;
      }
      // The next chunk starts with the last whole units of this one that fit in the overlap.
      int next = last + 1;
      while (next - 1 > first && units.get(last).end() - units.get(next - 1).start() <= overlapChars) {
        next--;
      }
      first = next;
    }
    mergeShortTail(spans);
    for (Span span : spans) {
      out.add(segment(section.substring(span.start(), span.end()), parts.get(0).metadata(),
          pageAt(pageStarts, span.start()), pageAt(pageStarts, span.end() - 1), sourceUri, version, out.size()));
    }
  }

  /**
   * A section's last chunk shorter than a quarter of the chunk size joins the chunk before it (of the same
   * section): on its own such a tail (e.g. a closing "End") is a passage with too little to be about and
   * can outrank whole passages on a single shared word. The merged chunk may exceed the size by less than
   * a quarter; chunks before it are unchanged.
   */
  private void mergeShortTail(List<Span> spans) {
    int n = spans.size();
    if (n < 2) {
      return;
    }
    Span tail = spans.get(n - 1);
    if (tail.end() - tail.start() < minTailChars()) {
      spans.set(n - 2, new Span(spans.get(n - 2).start(), tail.end()));
      spans.remove(n - 1);
    }
  }

  private int minTailChars() {
    return maxChunkChars / 4;
  }

  /** Whether a range holds at least one letter or digit (a chunk of only punctuation or rules says nothing). */
  private static boolean hasWords(String text, Span span) {
    for (int i = span.start(); i < span.end(); i++) {
      if (Character.isLetterOrDigit(text.codePointAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static TextSegment segment(String text, Metadata sectionMetadata, int page, int pageEnd,
      String sourceUri, String version, int index) {
    Metadata metadata = sectionMetadata.copy().remove(MetadataKeys.PAGE).remove(MetadataKeys.PAGE_END);
    if (page > 0) {
      metadata.put(MetadataKeys.PAGE, page);
      if (pageEnd > page) {
        metadata.put(MetadataKeys.PAGE_END, pageEnd);
      }
    }
    metadata.put(MetadataKeys.CHUNK_INDEX, index)
        .put(MetadataKeys.CHUNK_ID, StableId.chunk(sourceUri, version, index, text).toString());
    return TextSegment.from(text, metadata);
  }

  private static int pageAt(List<int[]> pageStarts, int offset) {
    int page = -1;
    for (int[] start : pageStarts) {
      if (start[0] > offset) {
        break;
      }
      page = start[1];
    }
    return page;
  }

  /** A section whose text is a single line naming the section, e.g. "5 Arrays and matrices". */
  private static boolean isOnlyHeading(String text, Metadata metadata) {
    String path = metadata.getString(MetadataKeys.HEADING_PATH);
    if (path == null || text.contains("\n") || text.length() > 200) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('›') + 1);
    String heading = normal(last);
    return !heading.isEmpty() && normal(text).endsWith(heading);
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  /** A range of a section's text. */
  record Span(int start, int end) {
  }
}
