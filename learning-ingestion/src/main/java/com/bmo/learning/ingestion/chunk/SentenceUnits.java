package com.bmo.learning.ingestion.chunk;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into units no longer than a chunk: paragraphs; a paragraph too long, into sentences; a
 * sentence too long, into lines; a line too long, into words; a word too long, into pieces. Units are
 * ranges of the original text, so a chunk is an exact substring of its section.
 */
final class SentenceUnits {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
  // A sentence ends with . ! ? (and closing quotes or brackets) before white space and a capital, a digit,
  // an opening quote or bracket, or a list bullet.
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:][\"')\\]]?)\\s+(?=[\\p{Lu}\\p{N}\"'(\\[•*-])");
  private static final Pattern LINE_BREAK = Pattern.compile("\\n\\s*");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern[] LEVELS = {PARAGRAPH_BREAK, SENTENCE_END, LINE_BREAK, SPACE};

  private SentenceUnits() {
  }

  static void split(String text, int start, int end, int max, List<DocumentChunker.Span> out) {
    split(text, start, end, max, 0, out);
  }

  private static void split(String text, int start, int end, int max, int level, List<DocumentChunker.Span> out) {
    // Leading and trailing white space belongs to no unit.
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start >= end) {
      return;
    }
    if (level >= LEVELS.length) {
      for (int s = start; s < end; s = (int) Math.min(end, (long) s + max)) {
        out.add(new DocumentChunker.Span(s, (int) Math.min(end, (long) s + max)));
      }
      return;
    }
    Matcher m = LEVELS[level].matcher(text).region(start, end);
    int from = start;
    while (m.find()) {
      piece(text, from, m.start(), max, level, out);
      from = m.end();
    }
    piece(text, from, end, max, level, out);
  }

  private static void piece(String text, int start, int end, int max, int level, List<DocumentChunker.Span> out) {
    if (end - start <= max) {
      if (end > start) {
        split(text, start, end, Integer.MAX_VALUE, LEVELS.length, out);
      }
    } else {
      split(text, start, end, max, level + 1, out);
    }
  }
}
