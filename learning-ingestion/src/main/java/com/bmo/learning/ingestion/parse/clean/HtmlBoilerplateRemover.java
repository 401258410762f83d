package com.bmo.learning.ingestion.parse.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes what every page of a site repeats and no answer is in: navigation ({@code nav}, ARIA
 * navigation/banner/contentinfo/complementary/search roles, elements whose class or id says menu, navbar,
 * breadcrumb, sidebar, toc, ...), page headers and footers outside the article ({@code header} and
 * {@code footer} not inside {@code article}, {@code main} or {@code section}), {@code aside}, forms and
 * buttons, and blocks that are mostly links (link lists, in-page tables of contents). Scripts and styles
 * are removed by the parser before this runs.
 */
public final class HtmlBoilerplateRemover {

  private static final String STRUCTURAL = "nav, aside, form, button, select, dialog,"
      + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";
  private static final Pattern BOILERPLATE_NAME = Pattern.compile(
      "(?i)(?:^|[\\s_-])(?:nav|navbar|navigation|menu|mainmenu|submenu|searchmenu|breadcrumbs?|sidebar|"
          + "toc|fancy_toc|table-of-contents|skip-?link|cookie-?banner|site-?header|site-?footer|tagline|logo)"
          + "(?:$|[\\s_-])");
  private static final double LINK_DENSITY = 0.8;
  private static final int MIN_LINKS = 3;

  /** Removes boilerplate from {@code root} in place; never removes {@code root} itself. */
  public void clean(Element root) {
    List<Element> doomed = new ArrayList<>(root.select(STRUCTURAL));
    for (Element e : root.select("header, footer")) {
      if (e.closest("article, main, section") == null) {
        doomed.add(e);
      }
    }
    for (Element e : root.getAllElements()) {
      if (e != root && (BOILERPLATE_NAME.matcher(e.className()).find() || BOILERPLATE_NAME.matcher(e.id()).find())) {
        doomed.add(e);
      }
    }
    doomed.stream().filter(e -> e != root && e.parent() != null).forEach(Element::remove);
    for (Element e : root.select("ul, ol, div, table, p")) {
      if (e != root && e.parent() != null && isMostlyLinks(e)) {
        e.remove();
      }
    }
  }

  private static boolean isMostlyLinks(Element e) {
    List<Element> links = e.select("a[href]");
    if (links.size() < MIN_LINKS) {
      return false;
    }
    int text = e.text().length();
    int linkText = links.stream().mapToInt(a -> a.text().length()).sum();
    return text > 0 && linkText >= LINK_DENSITY * text;
  }
}
