package com.bmo.learning.search;

import com.bmo.learning.ingestion.MetadataKeys;
import java.util.Map;
import java.util.Objects;

/**
 * One chunk found by a search.
 *
 * @param score relevance, higher is better, comparable within one result list only: in vector mode the
 *     similarity {@code (1 + cosine) / 2} (0..1), in keyword mode BM25, in hybrid mode the fused score
 * @param title the document's title ({@value MetadataKeys#TITLE}), or null
 * @param headingPath the section the chunk is in, {@code "Manual › 5 Arrays › 5.1 Arrays"}
 *     ({@value #HEADING_PATH}), or null
 * @param page first page (1-based) for paged formats, or null
 * @param pageEnd last page when the chunk spans pages ({@value #PAGE_END}), or null
 * @param snippet the passage with the query's terms marked, or null (vector mode, or no term matched)
 * @param metadata every metadata entry of the chunk as ingested
 */
public record SearchHit(String chunkId, String sourceUri, double score, String text, String title,
    String headingPath, Integer page, Integer pageEnd, Snippet snippet, Map<String, Object> metadata) {

  // Until text-quality's MetadataKeys.HEADING_PATH / PAGE_END land on main (same names, agreed on BOARD.md).
  static final String HEADING_PATH = "heading_path";
  static final String PAGE_END = "page_end";

  public SearchHit {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(text, "text");
    metadata = Map.copyOf(metadata);
  }

  /** A hit whose title, heading path and pages come from the chunk's metadata. */
  public static SearchHit of(String chunkId, String sourceUri, double score, String text,
      Map<String, Object> metadata, Snippet snippet) {
    return new SearchHit(chunkId, sourceUri, score, text, string(metadata.get(MetadataKeys.TITLE)),
        string(metadata.get(HEADING_PATH)), integer(metadata.get(MetadataKeys.PAGE)),
        integer(metadata.get(PAGE_END)), snippet, metadata);
  }

  /** The same hit with another score (fusion). */
  public SearchHit withScore(double newScore) {
    return new SearchHit(chunkId, sourceUri, newScore, text, title, headingPath, page, pageEnd, snippet,
        metadata);
  }

  /** The same hit with a snippet. */
  public SearchHit withSnippet(Snippet newSnippet) {
    return new SearchHit(chunkId, sourceUri, score, text, title, headingPath, page, pageEnd, newSnippet,
        metadata);
  }

  private static String string(Object v) {
    return v == null ? null : v.toString();
  }

  private static Integer integer(Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A short passage of the chunk around the query's terms.
   *
   * @param text the passage in {@code markup}
   * @param markup how matched terms are marked: {@value #HTML_MARK} = HTML-escaped text with each matched
   *     term in {@code <mark>…</mark>}
   */
  public record Snippet(String text, String markup) {

    public static final String HTML_MARK = "html-mark";

    public Snippet {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(markup, "markup");
    }

    public static Snippet htmlMark(String html) {
      return new Snippet(html, HTML_MARK);
    }
  }
}
