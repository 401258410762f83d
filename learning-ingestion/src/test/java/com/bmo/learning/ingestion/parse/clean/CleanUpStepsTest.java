package com.bmo.learning.ingestion.parse.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Each clean-up step on page texts as they come out of real manuals. */
class CleanUpStepsTest {

  private static final String PAGE_9 = """
      Chapter 3: Basic Shell Features 9
      3.1.2.2 Single Quotes
      Enclosing characters in single quotes preserves the literal value of each char-
      acter within the quotes. A single quote may not occur between single quotes,
      even when preceded by a backslash.
      Bash Reference Manual""";
  private static final String PAGE_10 = """
      Chapter 3: Basic Shell Features 10
      3.1.2.3 Double Quotes
      Enclosing characters in double quotes preserves the literal value of all charac-
      ters within the quotes, with the exception of $, `, \\, and, when history expansion
      is enabled, !.
      Bash Reference Manual""";
  private static final String PAGE_11 = """
      Chapter 3: Basic Shell Features 11
      The special parameters * and @ have special meaning when in double quotes.
      Bash Reference Manual""";
  private static final String PAGE_12 = """
      12 Bash Reference Manual
      3.2 Shell Commands
      A simple shell command such as echo a b c consists of the command itself followed by
      arguments, separated by spaces.
      - 12 -""";

  @Test
  void runningHeadersFootersAndPageNumbersAreRemoved() {
    List<String> cleaned = new RunningLineRemover().applyToText(List.of(PAGE_9, PAGE_10, PAGE_11, PAGE_12));
    assertThat(cleaned.get(0)).startsWith("3.1.2.2 Single Quotes").doesNotContain("Chapter 3", "Bash Reference Manual");
    assertThat(cleaned.get(1)).startsWith("3.1.2.3 Double Quotes").endsWith("is enabled, !.");
    assertThat(cleaned.get(2)).isEqualTo("The special parameters * and @ have special meaning when in double quotes.");
    // Once per page at the top is not enough to be a running header, but "- 12 -" is a page number.
    assertThat(cleaned.get(3)).startsWith("12 Bash Reference Manual").doesNotContain("- 12 -");
  }

  @Test
  void aLineRepeatedInsideThePagesIsKept() {
    List<String> pages = List.of("one", "two", "three").stream().map(w -> String.join("\n", "Widget Manual",
        "Intro of part " + w, "exit status is 0", "details about " + w, "last line " + w.length())).toList();
    List<String> cleaned = new RunningLineRemover().applyToText(pages);
    // "Widget Manual" and "last line N" repeat at the edges: removed; the middle line repeats but stays.
    assertThat(cleaned.get(0)).isEqualTo("Intro of part one\nexit status is 0\ndetails about one");
    // Two pages are not enough to call a line running.
    assertThat(new RunningLineRemover().applyToText(pages.subList(0, 2)).get(0)).startsWith("Widget Manual");
  }

  @Test
  void lineBreakHyphenationIsUndoneButRealHyphensStay() {
    String document = """
        Enclosing characters in single quotes preserves the literal value of each char-
        acter within the quotes. The shell reads the command-line options first; a
        command-
        line option may also be given after --. See the X-
        Window and UTF-
        8 sections.""";
    String cleaned = Dehyphenator.forDocument(document).clean(document);
    assertThat(cleaned).contains("each character within").contains("a\ncommand-line option")
        .contains("X-Window").contains("UTF-8").doesNotContain("char-");
  }

  @Test
  void unicodeIsNormalisedToNfkc() {
    String extracted = "The \ufb01rst \ufb02oating-point \ufb00ect: 10\u00a0km, x\u00b2, \uff21\uff22\uff23, "
        + "soft\u00adhyphen, zero\u200bwidth, en\u2010dash";
    assertThat(new UnicodeNormalizer().clean(extracted))
        .isEqualTo("The first floating-point ffect: 10 km, x2, ABC, softhyphen, zerowidth, en-dash");
  }

  @Test
  void whitespaceIsNormalised() {
    assertThat(new WhitespaceNormalizer().clean("  Arrays\t\tand   matrices  \n\n\n\nAn array   is\n  a list.  \n"))
        .isEqualTo("Arrays and matrices\n\nAn array is\na list.");
  }

  @Test
  void tableOfContentsPageIsRecognised() {
    List<String> toc = List.of("Table of Contents", "1 Introduction . . . . . . . . . . . . . . . . . 1",
        "1.1 What is Bash? . . . . . . . . . . . . . . . . 1", "1.2 What is a shell? . . . . . . . . . . . . 1",
        "2 Definitions . . . . . . . . . . . . . . . . . . 3", "3 Basic Shell Features . . . . . . . . . . 5",
        "3.1 Shell Syntax . . . . . . . . . . . . . . . . . 5", "i");
    assertThat(new NavigationPageDetector().detect(toc)).isEqualTo(PageKind.TABLE_OF_CONTENTS);
    // A LaTeX contents page: chapters without leaders, sections with them.
    List<String> latex = List.of("Contents", "1 Introduction 6", "1.1 Linear programming problem . . . . . 6",
        "1.2 Model objects . . . . . . . . . . . . . 7", "2 Coding model description 9",
        "2.1 Symbolic names . . . . . . . . . . . . . 9", "2.2 Numeric literals . . . . . . . . . . 9");
    assertThat(new NavigationPageDetector().detect(latex)).isEqualTo(PageKind.TABLE_OF_CONTENTS);
  }

  @Test
  void lastPageOfTableOfContentsWithFewEntriesIsRecognised() {
    // texinfo: the contents' second page holds its last entries and a roman page number, nothing else
    List<String> tail = List.of("ii", "14 Installation . . . . . . . . . . . . . . . . . . . . . . 48",
        "15 Bugs . . . . . . . . . . . . . . . . . . . . . . . . . . . 49",
        "Concept Index . . . . . . . . . . . . . . . . . . . . . . . 50");
    assertThat(new NavigationPageDetector().detect(tail)).isEqualTo(PageKind.TABLE_OF_CONTENTS);
    // one dot-leader line among text, or a short page of text, stays content
    List<String> mixed = List.of("2", "Installation . . . . . . . . . . . . . . . . 48",
        "Permission is granted to make and distribute verbatim copies of this manual.");
    assertThat(new NavigationPageDetector().detect(mixed)).isEqualTo(PageKind.CONTENT);
    assertThat(new NavigationPageDetector().detect(List.of("ii", "Arrays . . . . . . . 14")))
        .isEqualTo(PageKind.CONTENT);
  }

  @Test
  void indexPageIsRecognised() {
    List<String> index = List.of("Index", "abs function, 21", "arithmetic expressions, 14, 18-20",
        "array, 33, 41", "assignment statement, 52", "binary parameter, 24", "check statement, 45",
        "constraint, 38, 40");
    assertThat(new NavigationPageDetector().detect(index)).isEqualTo(PageKind.INDEX);
    List<String> texinfo = List.of("Appendix D: Indexes 185", "D.1 Index of Shell Builtin Commands",
        ": . . . . . . . . . . . . . . . . . . . . . 48", "alias . . . . . . . . . . . . . . . . 55",
        "bg . . . . . . . . . . . . . . . . . . . 114", "bind . . . . . . . . . . . . . . . . 55",
        "break . . . . . . . . . . . . . . . . 49", "builtin . . . . . . . . . . . . . . 57");
    assertThat(new NavigationPageDetector().detect(texinfo)).isIn(PageKind.INDEX, PageKind.TABLE_OF_CONTENTS);
    // texinfo operator index: entries without letters, several pages each, under one-symbol group lines
    List<String> operators = List.of("1133", "Operator Index", "!",
        "! . . . . . . . . . . . . . . . . . . . . . . . . . . 166, 167, 900",
        "!= . . . . . . . . . . . . . . . . . . . . . . . . . 164, 165, 900", "&",
        "& . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 166, 900",
        "&& . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 167", "(",
        "( . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 151", "*",
        "* . . . . . . . . . . . . . . . . . . . . . . . . . . . 161, 163, 900",
        "*= . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 170");
    assertThat(new NavigationPageDetector().detect(operators)).isEqualTo(PageKind.INDEX);
  }

  @Test
  void runningTextWithNumbersIsContent() {
    List<String> page = List.of("3.4 Shell Parameters", "A parameter is an entity that stores values. It can be",
        "a name, a number, or one of the special characters listed below. A variable is a",
        "parameter denoted by a name. A variable has a value and zero or more attributes.",
        "Attributes are assigned using the declare builtin command (see the description of",
        "the declare builtin in Section 4.2 [Bash Builtins], page 55).", "The limit is 255 or 1024");
    assertThat(new NavigationPageDetector().detect(page)).isEqualTo(PageKind.CONTENT);
  }

  @Test
  void htmlBoilerplateIsRemoved() {
    Element body = Jsoup.parse("""
        <body><header><a href="/">Home</a> Site name</header>
        <div class="menu mainmenu"><ul><li><a href="a">About</a><li><a href="d">Docs</a></ul></div>
        <nav><a href="/x">X</a></nav>
        <main><article><header><h1>Foreign keys</h1></header>
        <div class="fancy_toc"><a href="#1">1. Intro</a> <a href="#2">2. Enabling</a> <a href="#3">3. Indexes</a></div>
        <p>A foreign key constraint relates two tables. See <a href="x">this</a> page.</p></article></main>
        <aside>Related: nothing</aside><footer>Copyright 2024</footer></body>""").body();
    new HtmlBoilerplateRemover().clean(body);
    assertThat(body.text()).isEqualTo("Foreign keys A foreign key constraint relates two tables. See this page.");
  }
}
