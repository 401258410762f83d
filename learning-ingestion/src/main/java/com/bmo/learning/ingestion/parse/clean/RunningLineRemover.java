package com.bmo.learning.ingestion.parse.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Removes running headers and footers and page numbers from the pages of one document: a line among the
 * first or last {@value #EDGE_LINES} of a page whose text, with digits normalised ("Chapter 2: Arrays 9"
 * and "Chapter 2: Arrays 10" are the same line), appears at the same end of at least
 * {@value #MIN_REPEATS} pages (chapter headers repeat only within their chapter, so no share of the whole
 * document is asked for); and a bare page
 * number ("12", "- 12 -", "Page 12 of 40", "xiv") at either end of any page.
 *
 * <p>Works on any line type (PDF lines with font information, plain strings) through a text accessor.
 */
public final class RunningLineRemover {

  static final int EDGE_LINES = 2;
  static final int MIN_REPEATS = 3;
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)[-–—\\s]*(?:page\\s+)?(?:\\d{1,4}|[ivxlcdm]{1,7})(?:\\s+(?:of|/)\\s+\\d{1,4})?[-–—\\s]*");

  /** The pages without their running lines; each page's remaining lines keep their order. */
  public <L> List<List<L>> apply(List<List<L>> pages, Function<L, String> text) {
    Map<String, Integer> topCounts = new HashMap<>();
    Map<String, Integer> bottomCounts = new HashMap<>();
    for (List<L> page : pages) {
      count(edge(page, text, true), topCounts);
      count(edge(page, text, false), bottomCounts);
    }
    int threshold = MIN_REPEATS;
    List<List<L>> result = new ArrayList<>(pages.size());
    for (List<L> page : pages) {
      List<Integer> nonBlank = nonBlankIndexes(page, text);
      boolean[] drop = new boolean[page.size()];
      for (int k = 0; k < Math.min(EDGE_LINES, nonBlank.size()); k++) {
        int top = nonBlank.get(k);
        int bottom = nonBlank.get(nonBlank.size() - 1 - k);
        drop[top] |= isRunning(text.apply(page.get(top)), topCounts, threshold);
        drop[bottom] |= isRunning(text.apply(page.get(bottom)), bottomCounts, threshold);
      }
      List<L> kept = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        if (!drop[i]) {
          kept.add(page.get(i));
        }
      }
      result.add(kept);
    }
    return result;
  }

  /** Plain-text form: pages as text, lines separated by {@code \n}. */
  public List<String> applyToText(List<String> pages) {
    List<List<String>> lines = pages.stream().map(p -> List.of(p.split("\n", -1))).toList();
    return apply(lines, Function.identity()).stream().map(l -> String.join("\n", l)).toList();
  }

  private static boolean isRunning(String line, Map<String, Integer> counts, int threshold) {
    if (PAGE_NUMBER.matcher(line.strip()).matches()) {
      return true;
    }
    return counts.getOrDefault(key(line), 0) >= threshold;
  }

  private static <L> List<String> edge(List<L> page, Function<L, String> text, boolean top) {
    List<Integer> nonBlank = nonBlankIndexes(page, text);
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < Math.min(EDGE_LINES, nonBlank.size()); k++) {
      int i = top ? nonBlank.get(k) : nonBlank.get(nonBlank.size() - 1 - k);
      keys.add(key(text.apply(page.get(i))));
    }
    return keys;
  }

  private static void count(List<String> keys, Map<String, Integer> counts) {
    // A line counts once per page, even if it is both of the page's edge lines.
    keys.stream().distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
  }

  private static <L> List<Integer> nonBlankIndexes(List<L> page, Function<L, String> text) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      if (!text.apply(page.get(i)).isBlank()) {
        idx.add(i);
      }
    }
    return idx;
  }

  static String key(String line) {
    return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
  }
}
