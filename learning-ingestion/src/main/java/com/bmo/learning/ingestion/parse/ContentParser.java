package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.SourceReadException;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentParser;
import dev.langchain4j.data.document.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parser for one {@link DocumentType}. {@link #parse(Content)} returns one or more documents (a PDF
 * may give one per page), with the parser's own metadata ({@code page}, {@code title}, {@code charset},
 * ...); the loaders add the source's.
 *
 * <p>It is also a LangChain4j {@link DocumentParser}: {@link #parse(InputStream)} returns the whole
 * stream as one document, so these parsers plug into {@code DocumentLoader.load(source, parser)}.
 * Failures are typed {@link IngestionException}s in both forms. Implementations are thread-safe.
 */
public interface ContentParser extends DocumentParser {

  DocumentType type();

  /**
   * Parses content whose type has been confirmed (see {@link ContentSniffer}).
   *
   * @return at least one document with non-blank text
   * @throws IngestionException corrupt, encrypted or empty content
   */
  List<Document> parse(Content content);

  /** The whole stream as one document; the stream is not closed. */
  @Override
  default Document parse(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document stream", e);
    }
    Content content = Content.ofBytes(null, "stream." + type().extensions().get(0), bytes);
    ContentSniffer.detect(content);
    List<Document> parts = parse(content);
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Metadata metadata = parts.get(0).metadata().copy().remove(MetadataKeys.PAGE)
        .remove(MetadataKeys.SECTION_INDEX).remove(MetadataKeys.HEADING_PATH);
    String title = metadata.getString(MetadataKeys.TITLE);
    if (title != null) {
      metadata.put(MetadataKeys.HEADING_PATH, title);
    }
    return Document.from(parts.stream().map(Document::text).collect(Collectors.joining("\n\n")), metadata);
  }

  /** Wraps an I/O failure while reading content. */
  static SourceReadException readFailure(Content content, IOException e) {
    return new SourceReadException(content.source(), "cannot read the file: " + e, e);
  }

  /** The whole content decoded by {@link TextDecoder}, for the text-based parsers. */
  static TextDecoder.DecodedText decodeText(Content content) {
    try {
      return TextDecoder.decode(content.source(), content.readAllBytes());
    } catch (IOException e) {
      throw readFailure(content, e);
    }
  }
}
