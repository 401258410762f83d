package com.bmo.learning.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
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
      new ServiceProperties.Jobs(3, Duration.ofMillis(10), 2.0, Duration.ofSeconds(30), DataSize.ofMegabytes(4), 1),
      null, null, null);

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

  private static ServiceProperties jobs(Duration timeout, int maxConcurrentLarge) {
    return new ServiceProperties("test", null, null, new ServiceProperties.Upload(DataSize.ofMegabytes(1), "uploads"),
        new ServiceProperties.Jobs(3, Duration.ofMillis(10), 2.0, timeout, DataSize.ofMegabytes(4),
            maxConcurrentLarge), null, null, null);
  }

  @Test
  void anAttemptOverTheTimeOutIsAbandonedAndFailsWithoutRetry() throws Exception {
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
    DocumentIngestor endless = d -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return List.of();
    };
    when(documents.markProcessing(eq(id), any())).thenReturn(Optional.of(attempt(1)));
    IngestionJob job = new IngestionJob(documents, endless, index, jobs(Duration.ofMillis(300), 1), clock);
    try {
      assertThat(job.run(id)).isEqualTo(IngestionJob.Outcome.DONE);
      verify(documents).markFailed(eq(id), eq("ingestion took longer than 300 ms, the limit (learning.jobs.timeout);"
          + " the document is too large or too complex to ingest in time"), any());
      verify(documents, never()).markRetrying(any(), any(), any());
      verify(index, never()).replaceSource(any(), any());
      assertThat(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
    } finally {
      job.stopWorkers();
    }
  }

  @Test
  void aLargeDocumentWithoutAFreeSlotIsDeferredWithoutAnAttemptWhileSmallOnesRun() throws Exception {
    UUID large1 = UUID.randomUUID();
    UUID large2 = UUID.randomUUID();
    UUID small = UUID.randomUUID();
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    for (UUID doc : List.of(large1, large2, small)) {
      Document d = attempt(1).toBuilder().id(doc).size(doc == small ? 1_000L : 50_000_000L).build();
      when(documents.find(doc)).thenReturn(Optional.of(d));
      when(documents.markProcessing(eq(doc), any())).thenReturn(Optional.of(d));
    }
    DocumentIngestor held = d -> {
      if (d.documentId().equals(large1)) {
        entered.countDown();
        try {
          release.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return List.of();
    };
    IngestionJob job = new IngestionJob(documents, held, index, jobs(Duration.ofSeconds(30), 1), clock);
    java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<IngestionJob.Outcome> first = worker.submit(() -> job.run(large1));
      assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(job.run(large2)).isEqualTo(IngestionJob.Outcome.DEFERRED);
      verify(documents, never()).markProcessing(eq(large2), any());
      assertThat(job.run(small)).isEqualTo(IngestionJob.Outcome.DONE);
      release.countDown();
      assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(IngestionJob.Outcome.DONE);
      // The slot is free again.
      assertThat(job.run(large2)).isEqualTo(IngestionJob.Outcome.DONE);
      verify(documents).markProcessing(eq(large2), any());
    } finally {
      release.countDown();
      worker.shutdownNow();
      job.stopWorkers();
    }
  }
}
