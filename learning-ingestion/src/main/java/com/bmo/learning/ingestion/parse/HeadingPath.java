package com.bmo.learning.ingestion.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chain of headings above the current position in a document, starting with the document title:
 * "Manual › 5 Arrays and matrices › 5.1 Arrays". Entering a heading of level n drops the headings of
 * level n and deeper. Not thread-safe; one per parse.
 */
public final class HeadingPath {

  /** Between the parts of a heading path. */
  public static final String SEPARATOR = " › ";

  private final String title;
  private final List<Integer> levels = new ArrayList<>();
  private final List<String> headings = new ArrayList<>();

  public HeadingPath(String title) {
    this.title = Objects.requireNonNull(title, "title").strip();
  }

  /** Enters a heading of {@code level} (1 = top) and returns the new path. */
  public String enter(int level, String heading) {
    while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
      levels.remove(levels.size() - 1);
      headings.remove(headings.size() - 1);
    }
    String h = heading.strip().replaceAll("\\s+", " ");
    // A top heading that repeats the title (a Markdown "# Title", a PDF's title page) adds nothing.
    if (!(headings.isEmpty() && h.equalsIgnoreCase(title))) {
      levels.add(level);
      headings.add(h);
    }
    return current();
  }

  /** The path at this point. */
  public String current() {
    if (headings.isEmpty()) {
      return title;
    }
    return title + SEPARATOR + String.join(SEPARATOR, headings);
  }
}
