package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.util.List;

/** Plain text in any charset {@link TextDecoder} detects; line ends normalised to {@code \n}. */
public final class PlainTextParser implements ContentParser {

  @Override
  public DocumentType type() {
    return DocumentType.TEXT;
  }

  @Override
  public List<Document> parse(Content content) {
    TextDecoder.DecodedText decoded = ContentParser.decodeText(content);
    String text = TextDecoder.normalize(decoded.text());
    if (text.isEmpty()) {
      throw new EmptyDocumentException(content.source(), "the text is blank", null);
    }
    return List.of(Document.from(text, new Metadata().put(MetadataKeys.CHARSET, decoded.charset().name())));
  }
}
