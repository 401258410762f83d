package com.bmo.learning.ingestion.parse;

import dev.langchain4j.data.document.Document;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parser for each {@link DocumentType}, chosen by extension and confirmed by content sniffing.
 * Thread-safe; one instance serves every file.
 */
public final class DocumentParsers {

  private final Map<DocumentType, ContentParser> parsers = new EnumMap<>(DocumentType.class);

  /** The default parsers: PDFBox (with the given PDF mode), plain text, CommonMark, jsoup. */
  public DocumentParsers(PdfParser.Mode pdfMode) {
    register(new PdfParser(pdfMode));
    register(new PlainTextParser());
    register(new MarkdownParser());
    register(new HtmlParser());
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
    return new Parsed(type, parsers.get(type).parse(content));
  }

  /** Documents parsed from one file, and its type. */
  public record Parsed(DocumentType type, List<Document> documents) {
    public Parsed {
      documents = List.copyOf(documents);
    }
  }
}
