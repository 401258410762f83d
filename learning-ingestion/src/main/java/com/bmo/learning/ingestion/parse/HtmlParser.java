package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import com.bmo.learning.ingestion.parse.clean.HtmlBoilerplateRemover;
import com.bmo.learning.ingestion.parse.clean.TextCleaner;
import com.bmo.learning.ingestion.parse.clean.UnicodeNormalizer;
import com.bmo.learning.ingestion.parse.clean.WhitespaceNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a reader sees on an HTML page, parsed with jsoup: no scripts, styles, templates, SVG, or
 * elements hidden with {@code hidden}, {@code aria-hidden="true"} or an inline {@code display:none} /
 * {@code visibility:hidden}. Block elements become paragraph breaks so the splitter can use them;
 * {@code <pre>} keeps its line breaks. {@code <title>} (else the first {@code <h1>}) becomes
 * {@code title} (else the file name).
 *
 * <p>Site boilerplate goes ({@link HtmlBoilerplateRemover}: navigation, page header and footer, menus,
 * link lists); the text is normalised (NFKC, white space) and cut into one document per section at the
 * {@code h1}..{@code h6} headings, each with its {@code heading_path}.
 *
 * <p>Charset: a {@code <meta charset>} or {@code http-equiv} declaration in the first 1,024 bytes is
 * used when Java supports it; otherwise {@link TextDecoder} detects it.
 */
public final class HtmlParser implements ContentParser {

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final String INVISIBLE = "script, style, noscript, template, svg, math, iframe, object,"
      + " embed, canvas, head, [hidden], [aria-hidden=true]";
  private static final Pattern HIDDEN_STYLE = Pattern.compile(
      "(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)\\s*(?:;|!|$)", Pattern.CASE_INSENSITIVE);

  private static final String MARK = "\u0001";
  private static final String MARK_END = "\u0002";
  private static final Pattern MARKER = Pattern.compile("\u0001(\\d+)\u0002");
  private static final HtmlBoilerplateRemover BOILERPLATE = new HtmlBoilerplateRemover();
  private static final TextCleaner UNICODE = new UnicodeNormalizer();
  private static final TextCleaner BLANK_LINES = new WhitespaceNormalizer();
  private static final TextCleaner WHITESPACE = UNICODE.andThen(BLANK_LINES);

  @Override
  public DocumentType type() {
    return DocumentType.HTML;
  }

  @Override
  public List<Document> parse(Content content) {
    byte[] bytes;
    try {
      bytes = content.readAllBytes();
    } catch (IOException e) {
      throw ContentParser.readFailure(content, e);
    }
    TextDecoder.DecodedText decoded = declaredCharset(bytes)
        .map(cs -> TextDecoder.decode(bytes, cs))
        .orElseGet(() -> TextDecoder.decode(content.source(), bytes));
    org.jsoup.nodes.Document html = Jsoup.parse(decoded.text());
    String title = html.title();
    if (title.isBlank()) {
      Element h1 = html.selectFirst("h1");
      title = h1 == null ? "" : h1.text();
    }
    html.select(INVISIBLE).remove();
    for (Element e : html.select("[style]")) {
      if (HIDDEN_STYLE.matcher(e.attr("style")).find()) {
        e.remove();
      }
    }
    Element body = html.body();
    if (body == null) {
      throw new EmptyDocumentException(content.source(), "the HTML page has no visible text", null);
    }
    Element kept = body.clone();
    BOILERPLATE.clean(body);
    if (visibleText(body).isEmpty()) {
      // Nothing but links and menus: better those than nothing.
      body = kept;
    }
    String documentTitle = title.isBlank() ? DocumentTitles.fromFileName(content.fileName()) : title.strip();
    List<Document> documents = sections(body, documentTitle, decoded.charset().name());
    if (documents.isEmpty()) {
      throw new EmptyDocumentException(content.source(), "the HTML page has no visible text", null);
    }
    return documents;
  }

  /**
   * One document per section: the text before the first heading, then from each {@code h1}..{@code h6}
   * to the next, with its heading path. Marks placed before the headings survive text extraction and
   * show where each section begins.
   */
  private static List<Document> sections(Element body, String title, String charset) {
    List<Element> headings = body.select("h1, h2, h3, h4, h5, h6");
    for (int i = 0; i < headings.size(); i++) {
      headings.get(i).before(new TextNode(MARK + i + MARK_END));
    }
    String text = visibleText(body);
    HeadingPath path = new HeadingPath(title);
    List<Document> documents = new ArrayList<>();
    Matcher m = MARKER.matcher(text);
    int from = 0;
    String currentPath = path.current();
    int section = 0;
    while (true) {
      boolean found = m.find();
      String part = WHITESPACE.clean(text.substring(from, found ? m.start() : text.length()));
      if (!part.isEmpty()) {
        documents.add(Document.from(part, new Metadata().put(MetadataKeys.CHARSET, charset)
            .put(MetadataKeys.TITLE, title).put(MetadataKeys.HEADING_PATH, currentPath)
            .put(MetadataKeys.SECTION_INDEX, section)));
      }
      if (!found) {
        break;
      }
      Element h = headings.get(Integer.parseInt(m.group(1)));
      String headingText = UNICODE.clean(h.text()).strip();
      if (!headingText.isEmpty()) {
        currentPath = path.enter(h.normalName().charAt(1) - '0', headingText);
        section++;
      }
      from = m.end();
    }
    return documents;
  }

  /** A charset named by a meta tag near the top, if Java knows it; a BOM takes precedence. */
  static java.util.Optional<Charset> declaredCharset(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe || (bytes[0] & 0xff) == 0xff
        || (bytes[0] & 0xff) == 0xef)) {
      return java.util.Optional.empty();
    }
    String head = new String(Arrays.copyOf(bytes, Math.min(bytes.length, 1024)), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Charset.forName(m.group(1).toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Text of {@code root} with block boundaries as blank lines and white space collapsed elsewhere. */
  static String visibleText(Element root) {
    if (root == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      private int pre;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          if (pre > 0) {
            out.append(text.getWholeText());
          } else {
            String s = text.getWholeText().replaceAll("\\s+", " ");
            if (s.startsWith(" ") && (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1)))) {
              s = s.substring(1);
            }
            out.append(s);
          }
        } else if (node instanceof Element e) {
          if ("pre".equals(e.normalName())) {
            pre++;
          }
          if ("br".equals(e.normalName())) {
            out.append('\n');
          } else if (e.isBlock()) {
            out.append("\n\n");
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          if ("pre".equals(e.normalName())) {
            pre--;
          }
          if (e.isBlock()) {
            out.append("\n\n");
          } else if ("td".equals(e.normalName()) || "th".equals(e.normalName())) {
            out.append(' ');
          }
        }
      }
    }, root);
    // Trim every line and keep at most one blank line between blocks.
    return BLANK_LINES.clean(out.toString());
  }
}
