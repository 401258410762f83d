package com.bmo.learning.service.jobs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentOrigin;
import com.bmo.learning.service.documents.DocumentRepository;
import com.bmo.learning.service.documents.IngestionState;
import com.bmo.learning.service.ingestion.DocumentIngestor;
import com.bmo.learning.service.ingestion.UnprocessableDocumentException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The job's decisions: index, retry, give up, or clean up after a deletion. */
class IngestionJobTest {

  private final UUID id = UUID.randomUUID();
  private final DocumentRepository documents = mock(DocumentRepository.class);
  private final SearchIndex index = mock(SearchIndex.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final ServiceProperties properties = new ServiceProperties("test", null, null,
      new ServiceProperties.Upload(DataSize.ofMegabytes(1), "uploads"),
      new ServiceProperties.Jobs(3, Duration.ofMillis(10), 2.0), null, null);

  private Document attempt(int n) {
    return Document.builder().id(id).origin(DocumentOrigin.UPLOAD).bucket("lessons").key("k/a.pdf").fileName("a.pdf")
        .contentType("application/pdf").size(1L).course("c")
        .state(new IngestionState.Processing(clock.instant(), null)).attempts(n).createdAt(clock.instant()).build();
  }

  private IngestionJob job(DocumentIngestor ingestor, int attempt) {
    when(documents.markProcessing(eq(id), any())).thenReturn(Optional.of(attempt(attempt)));
    return new IngestionJob(documents, ingestor, index, properties, clock);
  }

  @Test
  void transientFailureBeforeTheLimitIsRetried() {
    IngestionJob job = job(d -> {
      throw new IllegalStateException("S3 timed out");
    }, 2);
    assertThatThrownBy(() -> job.run(id)).isInstanceOf(IngestionAttemptFailedException.class);
    verify(documents).markRetrying(eq(id), eq("IllegalStateException: S3 timed out"), any());
    verify(documents, never()).markFailed(any(), any(), any());
  }

  @Test
  void transientFailureOnTheLastAttemptGivesUp() {
    job(d -> {
      throw new IllegalStateException("S3 timed out");
    }, 3).run(id);
    verify(documents).markFailed(eq(id), startsWith("Gave up after 3 attempts: IllegalStateException"), any());
  }

  @Test
  void unprocessableDocumentFailsAtOnce() {
    job(d -> {
      throw new UnprocessableDocumentException("s3://lessons/k/a.pdf", "the PDF is encrypted", null);
    }, 1).run(id);
    verify(documents).markFailed(eq(id), eq("the PDF is encrypted"), any());
    verify(documents, never()).markRetrying(any(), any(), any());
  }

  @Test
  void chunksReplaceTheSourceAndTheDocumentIsIndexed() {
    List<IndexedChunk> chunks = List.of(new IndexedChunk("c1", "s3://lessons/k/a.pdf", "text", Map.of(),
        new float[] {1, 0}));
    when(documents.markIndexed(eq(id), eq(1), any())).thenReturn(true);
    job(d -> chunks, 1).run(id);
    verify(index).replaceSource("s3://lessons/k/a.pdf", chunks);
    verify(index, never()).deleteSource(any());
  }

  @Test
  void aDocumentDeletedDuringIngestionLeavesNoChunks() {
    List<IndexedChunk> chunks = List.of(new IndexedChunk("c1", "s3://lessons/k/a.pdf", "text", Map.of(),
        new float[] {1, 0}));
    when(documents.markIndexed(eq(id), eq(1), any())).thenReturn(false);
    job(d -> chunks, 1).run(id);
    verify(index).deleteSource("s3://lessons/k/a.pdf");
  }

  @Test
  void aFinishedOrDeletedDocumentIsNotTouched() {
    when(documents.markProcessing(eq(id), any())).thenReturn(Optional.empty());
    DocumentIngestor ingestor = mock(DocumentIngestor.class);
    new IngestionJob(documents, ingestor, index, properties, clock).run(id);
    verify(ingestor, never()).chunks(any());
  }
}
