package com.bmo.learning.ingestion.parse.clean;

import java.text.Normalizer;

/**
 * Unicode NFKC: ligatures become letters ("ﬁle" → "file"), full-width and compatibility forms their plain
 * equivalents, no-break spaces spaces. Also removes what only typesetting needs: soft hyphens, zero-width
 * characters, NULs; and maps the Unicode hyphen characters to "-" so that de-hyphenation and keyword
 * search see one hyphen.
 */
public final class UnicodeNormalizer implements TextCleaner {

  @Override
  public String clean(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u0000', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff' -> {
          // dropped: invisible typesetting characters
        }
        case '\u2010', '\u2011', '\u2212' -> out.append('-');
        case '\r' -> {
          if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
            out.append('\n');
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
