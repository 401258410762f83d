package com.bmo.learning.service.api;

import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentStatus;
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

  public static DocumentView of(Document d) {
    return new DocumentView(d.id(), d.status(), d.fileName(), d.contentType(), d.size(), d.course(),
        d.learnerId(), d.metadata(), d.sourceUri(), d.chunkCount(), d.attempts(), d.lastError(),
        d.createdAt(), d.updatedAt(), d.startedAt(), d.indexedAt(), d.failedAt(), statusUrl(d.id()));
  }

  public static String statusUrl(UUID id) {
    return "/api/v1/documents/" + id;
  }
}
