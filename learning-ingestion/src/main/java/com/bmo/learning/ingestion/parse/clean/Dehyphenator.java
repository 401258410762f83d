package com.bmo.learning.ingestion.parse.clean;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words that typesetting split at a line end: "com-\nponents" → "components". A hyphen that
 * belongs to the word stays ("command-\nline" → "command-line") when the document itself writes the word
 * with a hyphen elsewhere, or when the second part starts with a capital or a digit ("X-\nWindow",
 * "UTF-\n8"); otherwise the split is taken to be typesetting, which is the common case in typeset
 * manuals. Built per document ({@link #forDocument}), so the evidence is that document's own vocabulary.
 */
public final class Dehyphenator implements TextCleaner {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:-[\\p{L}\\p{M}]+)+");
  // A word piece, a hyphen at the end of a line, optional spaces, then the rest of the word.
  private static final Pattern SPLIT = Pattern.compile("(\\p{L}[\\p{L}\\p{M}]*)-[ \\t]*\\n(?:[ \\t]*\\n)?[ \\t]*([\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)");

  private final Set<String> hyphenated;

  private Dehyphenator(Set<String> hyphenated) {
    this.hyphenated = hyphenated;
  }

  /** A de-hyphenator that knows which hyphenated words {@code documentText} uses within its lines. */
  public static Dehyphenator forDocument(String documentText) {
    Set<String> words = new HashSet<>();
    for (String line : documentText.split("\n")) {
      Matcher m = WORD.matcher(line);
      while (m.find()) {
        words.add(m.group().toLowerCase(Locale.ROOT));
      }
    }
    return new Dehyphenator(words);
  }

  @Override
  public String clean(String text) {
    Matcher m = SPLIT.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String head = m.group(1);
      String tail = m.group(2);
      boolean keepHyphen = !Character.isLowerCase(tail.charAt(0))
          || hyphenated.contains((head + "-" + tail).toLowerCase(Locale.ROOT));
      // The line break goes either way: the word is whole again and the line continues after it.
      m.appendReplacement(out, Matcher.quoteReplacement(head + (keepHyphen ? "-" : "") + tail));
    }
    m.appendTail(out);
    return out.toString();
  }
}
