package com.bmo.learning.service.ingestion;

import com.bmo.learning.aws.s3.InvalidS3UriException;
import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.UnexpectedFailureException;
import com.bmo.learning.ingestion.chunk.ChunkText;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.process.FileResult;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.embedding.BatchEmbedder;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DocumentIngestor} on learning-ingestion's {@link DocumentProcessor}: S3 object → type sniffing →
 * parser (PDFBox, CommonMark, jsoup, text) → chunks with stable ids → embeddings of heading path and passage
 * ({@link BatchEmbedder}, {@link ChunkText#forIndexing}).
 * The pipeline's segments become the index's chunks directly, metadata as ingested. Failures of the document itself
 * (corrupt, encrypted, empty, unsupported, too large, missing) become {@link UnprocessableDocumentException};
 * read failures and unexpected errors stay as they are, so the job retries them.
 */
public final class PipelineDocumentIngestor implements DocumentIngestor {

  private final DocumentProcessor processor;
  private final BatchEmbedder embedder;

  public PipelineDocumentIngestor(DocumentProcessor processor, BatchEmbedder embedder) {
    this.processor = processor;
    this.embedder = embedder;
  }

  @Override
  public List<IndexedChunk> chunks(SourceDocument document) {
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
    List<TextSegment> segments = result.chunks();
    // The heading path is embedded with the passage (it tells the model what the passage is about); the
    // index keeps the passage alone as the text users see.
    List<float[]> vectors = embedder.embedAll(segments.stream()
        .map(segment -> TextSegment.from(ChunkText.forIndexing(segment), segment.metadata()))
        .toList());
    List<IndexedChunk> chunks = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      chunks.add(IndexedChunk.of(segments.get(i), vectors.get(i)));
    }
    return chunks;
  }
}
