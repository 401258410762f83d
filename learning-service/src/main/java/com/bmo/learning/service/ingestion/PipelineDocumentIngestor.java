package com.bmo.learning.service.ingestion;

import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.aws.s3.InvalidS3UriException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.UnexpectedFailureException;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.process.FileResult;
import dev.langchain4j.data.segment.TextSegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DocumentIngestor} on learning-ingestion's {@link DocumentProcessor}: S3 object → type sniffing →
 * parser (PDFBox, CommonMark, jsoup, text) → chunks with stable ids. Failures of the document itself
 * (corrupt, encrypted, empty, unsupported, too large, missing) become {@link UnprocessableDocumentException};
 * read failures and unexpected errors stay as they are, so the job retries them.
 */
public final class PipelineDocumentIngestor implements DocumentIngestor {

  private final DocumentProcessor processor;

  public PipelineDocumentIngestor(DocumentProcessor processor) {
    this.processor = processor;
  }

  @Override
  public List<Chunk> chunks(SourceDocument document) {
    S3Uri uri;
    try {
      uri = S3Uri.of(document.bucket(), document.key());
    } catch (InvalidS3UriException e) {
      throw new UnprocessableDocumentException(document.sourceUri(), e.getMessage(), e);
    }
    FileResult.Success result;
    try {
      result = processor.processFile(uri, document.metadata());
    } catch (SourceReadException | UnexpectedFailureException transientFailure) {
      throw transientFailure;
    } catch (IngestionException e) {
      throw new UnprocessableDocumentException(document.sourceUri(), e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // Metadata the pipeline refuses: retrying cannot help.
      throw new UnprocessableDocumentException(document.sourceUri(), e.getMessage(), e);
    }
    return result.chunks().stream().map(s -> toChunk(s, result.source())).toList();
  }

  static Chunk toChunk(TextSegment segment, String source) {
    Map<String, String> metadata = new LinkedHashMap<>();
    segment.metadata().toMap().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    String sourceUri = metadata.getOrDefault(MetadataKeys.SOURCE_URI, source);
    Integer page = segment.metadata().getInteger(MetadataKeys.PAGE);
    return new Chunk(metadata.get(MetadataKeys.CHUNK_ID), segment.text(), sourceUri, page, metadata);
  }
}
