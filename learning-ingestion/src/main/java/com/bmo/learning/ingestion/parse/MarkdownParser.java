package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
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
 * boundaries. A YAML front matter block is dropped. The first top-level heading becomes {@code title}.
 */
public final class MarkdownParser implements ContentParser {

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n.*?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)",
      Pattern.DOTALL);

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
    unwrapLinks(root);
    String text = TextDecoder.normalize(renderer.render(root));
    if (text.isEmpty()) {
      throw new EmptyDocumentException(content.source(), "the Markdown has no text", null);
    }
    Metadata metadata = new Metadata().put(MetadataKeys.CHARSET, decoded.charset().name());
    String title = title(root);
    if (title != null && !title.isBlank()) {
      metadata.put(MetadataKeys.TITLE, title.strip());
    }
    return List.of(Document.from(text, metadata));
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
