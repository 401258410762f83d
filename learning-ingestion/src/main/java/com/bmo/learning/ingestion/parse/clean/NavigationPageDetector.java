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
 * <p>A page is navigation when most of its lines are entries: text followed by dot leaders and page
 * numbers ("2.3 Arrays . . . . 17", "&& . . . . 167, 900"), by a list of page numbers ("arrays, 17, 23-25"), or — on a page titled
 * "Contents" or "Index", or with several dot-leader lines — by a bare page number. A page that holds
 * nothing but a few dot-leader entries (and its title or page number) is a table of contents too: the last
 * page of a long one often carries only its last two or three entries, which would otherwise join the
 * text of the front matter or the first chapter.
 */
public final class NavigationPageDetector {

  // An entry names something (a word, or an operator such as "&&" in an operator index), then dot leaders,
  // then one or more page numbers ("166, 167, 900").
  private static final Pattern DOT_LEADER = Pattern.compile(
      ".*?[^\\s.].*?\\s*(?:\\.\\s*){4,}(?:\\d{1,4}|[ivxlc]{1,6})(?:\\s*,\\s*\\d{1,4})*\\s*");
  private static final Pattern NUMBER_LIST = Pattern.compile(".*\\p{L}.*?,\\s*\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?(?:\\s*,\\s*\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?)*\\s*");
  private static final Pattern TRAILING_NUMBER = Pattern.compile(".*\\p{L}.*?\\s(?:\\d{1,4}|[ivxlc]{1,6})\\s*");
  private static final Pattern NAV_TITLE = Pattern.compile(
      "(?i)\\s*(?:table of contents|contents|index|[\\p{L} ]{0,40}\\bindex|list of (?:figures|tables))\\s*");
  private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,4}|[ivxlc]{1,6}");
  private static final int MIN_ENTRIES = 5;
  private static final int MIN_ENTRIES_ALONE = 2;

  /** The kind of a page, from its lines (running headers may still be there). */
  public PageKind detect(List<String> lines) {
    int nonBlank = 0;
    int leaders = 0;
    int lists = 0;
    int trailing = 0;
    int pageNumbers = 0;
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
      if (PAGE_NUMBER.matcher(line).matches()) {
        pageNumbers++;
      } else if (DOT_LEADER.matcher(line).matches()) {
        leaders++;
      } else if (NUMBER_LIST.matcher(line).matches()) {
        lists++;
      } else if (TRAILING_NUMBER.matcher(line).matches()) {
        trailing++;
      }
    }
    if (leaders >= MIN_ENTRIES_ALONE && leaders + pageNumbers + (titled ? 1 : 0) == nonBlank) {
      return indexTitle ? PageKind.INDEX : PageKind.TABLE_OF_CONTENTS;
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
