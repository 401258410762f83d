package com.bmo.learning.ingestion.parse.clean;

/**
 * Runs of spaces and tabs become one space, lines are trimmed, at most one blank line separates
 * paragraphs, and the text is stripped. Line breaks themselves stay: paragraph and sentence splitting use
 * them.
 */
public final class WhitespaceNormalizer implements TextCleaner {

  @Override
  public String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String l = line.replaceAll("[\\t\\x0B\\f\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000 ]+", " ").strip();
      if (l.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(l);
      blank = 0;
    }
    return out.toString();
  }
}
