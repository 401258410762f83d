package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.IngestionLimits;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.parse.clean.TextCleaner;
import com.bmo.learning.ingestion.parse.clean.UnicodeNormalizer;
import com.bmo.learning.ingestion.parse.clean.WhitespaceNormalizer;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.util.List;

/**
 * Plain text in any charset {@link TextDecoder} detects; line ends normalised to {@code \n}, Unicode
 * NFKC, white space normalised. Its title is the file name. Text over the
 * {@linkplain IngestionLimits#maxCharacters() character limit} fails as soon as it is decoded, before the
 * clean-up.
 */
public final class PlainTextParser implements ContentParser {

  private static final TextCleaner CLEANER = new UnicodeNormalizer().andThen(new WhitespaceNormalizer());

  private final IngestionLimits limits;

  public PlainTextParser(IngestionLimits limits) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
  }

  /** With the {@linkplain IngestionLimits#defaults() default limits}. */
  public PlainTextParser() {
    this(IngestionLimits.defaults());
  }

  @Override
  public DocumentType type() {
    return DocumentType.TEXT;
  }

  @Override
  public List<Document> parse(Content content) {
    TextDecoder.DecodedText decoded = ContentParser.decodeText(content);
    limits.check(content.source(), IngestionLimits.Limit.CHARACTERS, decoded.text().length(), false);
    String text = CLEANER.clean(TextDecoder.normalize(decoded.text()));
    if (text.isEmpty()) {
      throw new EmptyDocumentException(content.source(), "the text is blank", null);
    }
    String title = DocumentTitles.fromFileName(content.fileName());
    return List.of(Document.from(text, new Metadata().put(MetadataKeys.CHARSET, decoded.charset().name())
        .put(MetadataKeys.TITLE, title).put(MetadataKeys.HEADING_PATH, title)));
  }
}
