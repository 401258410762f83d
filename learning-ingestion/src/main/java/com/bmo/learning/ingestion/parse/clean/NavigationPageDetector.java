package com.bmo.learning.ingestion.parse.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises table-of-contents and index pages, which the parsers leave out of the index: they hold the
 * words of many sections next to page numbers and no answer, so they rank first for keyword-like queries
 * and push real passages down. Leaving them out (rather than tagging and down-weighting them) keeps the
 * rule in one place, works the same with every search backend, and loses nothing: the structure they
 * describe comes from the outline or the headings themselves.
 *
 * <p>A page is navigation when most of its lines are entries: text followed by dot leaders and a page
 * number ("2.3 Arrays . . . . 17"), by a list of page numbers ("arrays, 17, 23-25"), or — on a page titled
 * "Contents" or "Index", or with several dot-leader lines — by a bare page number.
 */
public final class NavigationPageDetector {

  private static final Pattern DOT_LEADER = Pattern.compile(".*\\p{L}.*?\\s*(?:\\.\\s*){4,}(?:\\d{1,4}|[ivxlc]{1,6})\\s*");
  private static final Pattern NUMBER_LIST = Pattern.compile(".*\\p{L}.*?,\\s*\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?(?:\\s*,\\s*\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?)*\\s*");
  private static final Pattern TRAILING_NUMBER = Pattern.compile(".*\\p{L}.*?\\s(?:\\d{1,4}|[ivxlc]{1,6})\\s*");
  private static final Pattern NAV_TITLE = Pattern.compile(
      "(?i)\\s*(?:table of contents|contents|index|[\\p{L} ]{0,40}\\bindex|list of (?:figures|tables))\\s*");
  private static final int MIN_ENTRIES = 5;

  /** The kind of a page, from its lines (running headers may still be there). */
  public PageKind detect(List<String> lines) {
    int nonBlank = 0;
    int leaders = 0;
    int lists = 0;
    int trailing = 0;
    boolean titled = false;
    boolean indexTitle = false;
    int seen = 0;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      nonBlank++;
      if (seen++ < 3 && NAV_TITLE.matcher(line).matches()) {
        titled = true;
        indexTitle |= line.toLowerCase(java.util.Locale.ROOT).contains("index");
      }
      if (DOT_LEADER.matcher(line).matches()) {
        leaders++;
      } else if (NUMBER_LIST.matcher(line).matches()) {
        lists++;
      } else if (TRAILING_NUMBER.matcher(line).matches()) {
        trailing++;
      }
    }
    if (nonBlank < MIN_ENTRIES) {
      return PageKind.CONTENT;
    }
    int entries = leaders + lists + ((titled || leaders >= 3) ? trailing : 0);
    if (entries < MIN_ENTRIES || entries * 2 < nonBlank) {
      return PageKind.CONTENT;
    }
    if (indexTitle || lists > leaders) {
      return PageKind.INDEX;
    }
    return PageKind.TABLE_OF_CONTENTS;
  }
}
