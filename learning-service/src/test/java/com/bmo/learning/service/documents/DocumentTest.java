package com.bmo.learning.service.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.service.api.DocumentView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each status carries exactly its own facts, and the API shows them. */
class DocumentTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(5);

  private static Document.Builder lesson() {
    return Document.builder().id(UUID.randomUUID()).origin(DocumentOrigin.UPLOAD).bucket("docs")
        .key("uploads/a.pdf").fileName("a.pdf").createdAt(T0);
  }

  @Test
  void aNewDocumentIsPendingWithoutAttemptsOrError() {
    Document doc = lesson().metadata(new DocumentMetadata("math", "42", Map.of("level", "1"))).build();
    assertThat(doc.status()).isEqualTo(DocumentStatus.PENDING);
    assertThat(doc.attempts()).isZero();
    assertThat(doc.updatedAt()).isEqualTo(T0);
    assertThat(doc.course()).isEqualTo("math");
    assertThat(doc.learnerId()).isEqualTo("42");
    assertThat(doc.metadata()).containsEntry("level", "1");
    DocumentView view = DocumentView.of(doc);
    assertThat(view.chunkCount()).isNull();
    assertThat(view.error()).isNull();
  }

  @Test
  void statesRefuseToLackTheirFacts() {
    assertThatThrownBy(() -> new IngestionState.Indexed(3, T0, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("indexedAt");
    assertThatThrownBy(() -> new IngestionState.Failed(null, T0, T1)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> new IngestionState.Processing(null, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("startedAt");
    assertThatThrownBy(() -> lesson().fileName(null).build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fileName");
  }

  @Test
  void theApiShowsWhatEachStatusKnows() {
    DocumentView indexed = DocumentView.of(lesson().state(new IngestionState.Indexed(7, T0, T1)).attempts(1).build());
    assertThat(indexed.status()).isEqualTo(DocumentStatus.INDEXED);
    assertThat(indexed.chunkCount()).isEqualTo(7);
    assertThat(indexed.indexedAt()).isEqualTo(T1);
    assertThat(indexed.error()).isNull();

    DocumentView failed = DocumentView.of(lesson().state(new IngestionState.Failed("corrupt PDF", T0, T1))
        .attempts(1).build());
    assertThat(failed.status()).isEqualTo(DocumentStatus.FAILED);
    assertThat(failed.error()).isEqualTo("corrupt PDF");
    assertThat(failed.failedAt()).isEqualTo(T1);
    assertThat(failed.chunkCount()).isNull();

    DocumentView retrying = DocumentView.of(lesson().state(new IngestionState.Pending("S3 timed out", T0))
        .attempts(1).build());
    assertThat(retrying.status()).isEqualTo(DocumentStatus.PENDING);
    assertThat(retrying.error()).isEqualTo("S3 timed out");
    assertThat(retrying.startedAt()).isEqualTo(T0);
  }

  @Test
  void toBuilderChangesOnlyWhatItIsTold() {
    Document doc = lesson().course("c").build();
    Document processing = doc.toBuilder().state(new IngestionState.Processing(T1, null)).attempts(1).build();
    assertThat(processing).usingRecursiveComparison().ignoringFields("state", "attempts").isEqualTo(doc);
    assertThat(processing.status()).isEqualTo(DocumentStatus.PROCESSING);
  }
}
