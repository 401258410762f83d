package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.bmo.learning.ingestion.parse.clean.TextCleaner;
import com.bmo.learning.ingestion.parse.clean.UnicodeNormalizer;
import com.bmo.learning.ingestion.parse.clean.WhitespaceNormalizer;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown rendered to plain text with CommonMark: the words stay, the markup goes (emphasis markers,
 * link targets, HTML tags); blocks stay separated by blank lines, which the splitter uses as paragraph
 * boundaries. A YAML front matter block is dropped. The first top-level heading becomes {@code title}
 * (else the file name). Navigation left in the Markdown (raw HTML nav/header/footer blocks, paragraphs
 * of links only) is removed; the text is cut into one document per section at the headings, each with
 * its {@code heading_path}.
 */
public final class MarkdownParser implements ContentParser {

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n.*?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)",
      Pattern.DOTALL);

  private static final Pattern BOILERPLATE_HTML = Pattern.compile(
      "\\s*<(?:nav|header|footer|aside|script|style|form)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK_SEPARATORS = Pattern.compile("[\\s|·•/>»-]*");
  private static final TextCleaner CLEANER = new UnicodeNormalizer().andThen(new WhitespaceNormalizer());

  private final Parser parser = Parser.builder().build();
  private final TextContentRenderer renderer = TextContentRenderer.builder()
      .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
      .build();

  @Override
  public DocumentType type() {
    return DocumentType.MARKDOWN;
  }

  @Override
  public List<Document> parse(Content content) {
    TextDecoder.DecodedText decoded = ContentParser.decodeText(content);
    String markdown = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
    Matcher front = FRONT_MATTER.matcher(markdown);
    if (front.find()) {
      markdown = markdown.substring(front.end());
    }
    Node root = parser.parse(markdown);
    removeBoilerplate(root);
    String heading = title(root);
    unwrapLinks(root);
    String title = heading == null || heading.isBlank() ? DocumentTitles.fromFileName(content.fileName())
        : CLEANER.clean(heading);
    List<Document> documents = sections(root, title, decoded.charset().name());
    if (documents.isEmpty()) {
      throw new EmptyDocumentException(content.source(), "the Markdown has no text", null);
    }
    return documents;
  }

  /** One document per section: top-level blocks from one heading to the next, with the heading path. */
  private List<Document> sections(Node root, String title, String charset) {
    HeadingPath path = new HeadingPath(title);
    List<Document> documents = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String currentPath = path.current();
    int section = 0;
    for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
      String rendered = CLEANER.clean(renderer.render(node));
      if (node instanceof Heading heading && !rendered.isEmpty()) {
        add(documents, text, charset, title, currentPath, section);
        currentPath = path.enter(heading.getLevel(), rendered);
        section++;
      }
      if (!rendered.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(rendered);
      }
    }
    add(documents, text, charset, title, currentPath, section);
    return documents;
  }

  private static void add(List<Document> documents, StringBuilder text, String charset, String title,
      String headingPath, int section) {
    String t = TextDecoder.normalize(text.toString());
    text.setLength(0);
    if (!t.isEmpty()) {
      documents.add(Document.from(t, new Metadata().put(MetadataKeys.CHARSET, charset)
          .put(MetadataKeys.TITLE, title).put(MetadataKeys.HEADING_PATH, headingPath)
          .put(MetadataKeys.SECTION_INDEX, section)));
    }
  }

  /**
   * Site boilerplate in Markdown: raw HTML blocks of navigation, headers, footers, asides, scripts and
   * styles, and paragraphs that are nothing but links (a navigation bar: "[Home](/) | [Docs](/docs)").
   */
  private static void removeBoilerplate(Node root) {
    List<Node> doomed = new ArrayList<>();
    for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof HtmlBlock html && BOILERPLATE_HTML.matcher(html.getLiteral()).lookingAt()) {
        doomed.add(node);
      } else if (node instanceof Paragraph paragraph && isLinkBar(paragraph)) {
        doomed.add(node);
      }
    }
    doomed.forEach(Node::unlink);
  }

  private static boolean isLinkBar(Paragraph paragraph) {
    int links = 0;
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Link) {
        links++;
      } else if (child instanceof Text text && !LINK_SEPARATORS.matcher(text.getLiteral()).matches()) {
        return false;
      } else if (!(child instanceof Text || child instanceof SoftLineBreak || child instanceof HardLineBreak)) {
        return false;
      }
    }
    return links >= 2;
  }

  /** Replaces links and images by their text: a link target is noise in a chunk. */
  private static void unwrapLinks(Node root) {
    List<Node> links = new ArrayList<>();
    root.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        links.add(link);
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        links.add(image);
        visitChildren(image);
      }
    });
    for (Node link : links) {
      Node child = link.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        link.insertBefore(child);
        child = next;
      }
      link.unlink();
    }
  }

  /** Text of the first heading of the smallest level present (usually the one {@code #} heading). */
  private String title(Node root) {
    Heading[] best = new Heading[1];
    root.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (best[0] == null || heading.getLevel() < best[0].getLevel()) {
          best[0] = heading;
        }
      }
    });
    return best[0] == null ? null : TextContentRenderer.builder().build().render(best[0]);
  }
}
