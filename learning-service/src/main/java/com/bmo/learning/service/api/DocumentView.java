package com.bmo.learning.service.api;

import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentStatus;
import com.bmo.learning.service.documents.IngestionState;
import com.bmo.learning.service.documents.Visibility;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A document as the API shows it.
 *
 * @param error why the last attempt failed; for FAILED documents, why it was given up
 * @param statusUrl where to poll
 */
public record DocumentView(UUID id, DocumentStatus status, String fileName, String contentType, Long size,
    String course, String learnerId, Map<String, String> metadata, String sourceUri, Integer chunkCount,
    int attempts, String error, Instant createdAt, Instant updatedAt, Instant startedAt, Instant indexedAt,
    Instant failedAt, String statusUrl) {

  /** The document as {@code visibility}'s caller may see it: {@code learner_id} only for its owner and admins. */
  public static DocumentView of(Document d, Visibility visibility) {
    return of(visibility.seesLearnerId(d.uploadedBy()) ? d : d.toBuilder().learnerId(null).build());
  }

  public static DocumentView of(Document d) {
    Integer chunkCount = null;
    String error = null;
    Instant startedAt = null;
    Instant indexedAt = null;
    Instant failedAt = null;
    // Java 17: no pattern matching in switch yet; the sealed interface keeps this list complete.
    IngestionState state = d.state();
    if (state instanceof IngestionState.Pending p) {
      error = p.lastError();
      startedAt = p.lastStartedAt();
    } else if (state instanceof IngestionState.Processing p) {
      error = p.lastError();
      startedAt = p.startedAt();
    } else if (state instanceof IngestionState.Indexed i) {
      chunkCount = i.chunkCount();
      startedAt = i.startedAt();
      indexedAt = i.indexedAt();
    } else if (state instanceof IngestionState.Failed f) {
      error = f.reason();
      startedAt = f.lastStartedAt();
      failedAt = f.failedAt();
    }
    return new DocumentView(d.id(), d.status(), d.fileName(), d.contentType(), d.size(), d.course(),
        d.learnerId(), d.metadata(), d.sourceUri(), chunkCount, d.attempts(), error, d.createdAt(),
        d.updatedAt(), startedAt, indexedAt, failedAt, statusUrl(d.id()));
  }

  public static String statusUrl(UUID id) {
    return "/api/v1/documents/" + id;
  }
}
