package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.IngestionLimits;
import dev.langchain4j.data.document.Document;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parser for each {@link DocumentType}, chosen by extension and confirmed by content sniffing.
 * Thread-safe; one instance serves every file.
 *
 * <p>Holds documents to their {@link IngestionLimits}' characters: a text file (plain, Markdown, HTML)
 * with more than four bytes per allowed character is refused before it is decoded (no character takes
 * more than four bytes), and every document's text is counted after parsing. The PDF parser checks its
 * own limits as it goes.
 */
public final class DocumentParsers {

  private final Map<DocumentType, ContentParser> parsers = new EnumMap<>(DocumentType.class);
  private final IngestionLimits limits;

  /** The default parsers: PDFBox (with the given PDF mode), plain text, CommonMark, jsoup. */
  public DocumentParsers(PdfParser.Mode pdfMode, IngestionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    register(new PdfParser(pdfMode, limits));
    register(new PlainTextParser(limits));
    register(new MarkdownParser());
    register(new HtmlParser());
  }

  /** With the {@linkplain IngestionLimits#defaults() default limits}. */
  public DocumentParsers(PdfParser.Mode pdfMode) {
    this(pdfMode, IngestionLimits.defaults());
  }

  /** Defaults with one document per PDF page. */
  public DocumentParsers() {
    this(PdfParser.Mode.PER_PAGE);
  }

  private void register(ContentParser parser) {
    parsers.put(parser.type(), parser);
  }

  public ContentParser parserFor(DocumentType type) {
    return parsers.get(type);
  }

  /** Detects the type (see {@link ContentSniffer#detect}) and parses. */
  public Parsed parse(Content content) {
    DocumentType type = ContentSniffer.detect(content);
    if (type != DocumentType.PDF && content.size() / 4 > limits.maxCharacters()) {
      limits.check(content.source(), IngestionLimits.Limit.CHARACTERS, content.size() / 4, true);
    }
    List<Document> documents = parsers.get(type).parse(content);
    long characters = 0;
    for (Document d : documents) {
      characters += d.text().length();
    }
    limits.check(content.source(), IngestionLimits.Limit.CHARACTERS, characters, false);
    return new Parsed(type, documents);
  }

  /** Documents parsed from one file, and its type. */
  public record Parsed(DocumentType type, List<Document> documents) {
    public Parsed {
      documents = List.copyOf(documents);
    }
  }
}
