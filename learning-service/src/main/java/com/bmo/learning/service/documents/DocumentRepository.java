package com.bmo.learning.service.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code documents} table. Status changes are conditional updates, so concurrent workers cannot undo each other. */
@Repository
public class DocumentRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Document d) {
    jdbc.sql("""
        insert into documents (id, status, origin, bucket, object_key, file_name, content_type, size_bytes,
          course, learner_id, metadata, attempts, created_at, updated_at, uploaded_by)
        values (:id, :status, :origin, :bucket, :key, :fileName, :contentType, :size, :course, :learnerId,
          cast(:metadata as jsonb), 0, :now, :now, :uploadedBy)""")
        .param("uploadedBy", d.uploadedBy())
        .param("id", d.id())
        .param("status", d.status().name())
        .param("origin", d.origin().name())
        .param("bucket", d.bucket())
        .param("key", d.key())
        .param("fileName", d.fileName())
        .param("contentType", d.contentType())
        .param("size", d.size())
        .param("course", d.course())
        .param("learnerId", d.learnerId())
        .param("metadata", toJson(d.metadata()))
        .param("now", Timestamp.from(d.createdAt()))
        .update();
  }

  public Optional<Document> find(UUID id) {
    return jdbc.sql("select * from documents where id = :id").param("id", id).query(this::map).optional();
  }

  public Optional<Document> findByObject(String bucket, String key) {
    return jdbc.sql("select * from documents where bucket = :bucket and object_key = :key")
        .param("bucket", bucket).param("key", key).query(this::map).optional();
  }

  public DocumentPage list(String course, DocumentStatus status, int page, int size, Visibility visibility) {
    StringBuilder where = new StringBuilder(" where true");
    if (!visibility.everything()) {
      where.append(" and (uploaded_by = :principal or uploaded_by is null"
          + (visibility.courses().isEmpty() ? ")" : " or course in (:granted))"));
    }
    if (course != null) {
      where.append(" and course = :course");
    }
    if (status != null) {
      where.append(" and status = :status");
    }
    JdbcClient.StatementSpec count = jdbc.sql("select count(*) from documents" + where);
    JdbcClient.StatementSpec items = jdbc.sql("select * from documents" + where
        + " order by created_at desc, id limit :limit offset :offset");
    if (course != null) {
      count = count.param("course", course);
      items = items.param("course", course);
    }
    if (status != null) {
      count = count.param("status", status.name());
      items = items.param("status", status.name());
    }
    if (!visibility.everything()) {
      count = count.param("principal", visibility.principal());
      items = items.param("principal", visibility.principal());
      if (!visibility.courses().isEmpty()) {
        count = count.param("granted", List.copyOf(visibility.courses()));
        items = items.param("granted", List.copyOf(visibility.courses()));
      }
    }
    long total = count.query(Long.class).single();
    List<Document> found = items.param("limit", size).param("offset", (long) page * size).query(this::map).list();
    return new DocumentPage(found, page, size, total);
  }

  /** PENDING (or a PROCESSING left by a dead worker) → PROCESSING, counting the attempt. */
  public Optional<Document> markProcessing(UUID id, Instant now) {
    int updated = jdbc.sql("""
        update documents set status = 'PROCESSING', attempts = attempts + 1, started_at = :now,
          updated_at = :now where id = :id and status in ('PENDING', 'PROCESSING')""")
        .param("id", id).param("now", Timestamp.from(now)).update();
    return updated == 1 ? find(id) : Optional.empty();
  }

  /** PROCESSING → INDEXED; false when the document is gone (deleted while it was being ingested). */
  public boolean markIndexed(UUID id, int chunkCount, Instant now) {
    return jdbc.sql("""
        update documents set status = 'INDEXED', chunk_count = :chunks, last_error = null, indexed_at = :now,
          failed_at = null, updated_at = :now where id = :id and status = 'PROCESSING'""")
        .param("id", id).param("chunks", chunkCount).param("now", Timestamp.from(now)).update() == 1;
  }

  /** An attempt failed and another will follow: back to PENDING with the reason. */
  public void markRetrying(UUID id, String error, Instant now) {
    jdbc.sql("""
        update documents set status = 'PENDING', last_error = :error, updated_at = :now
        where id = :id and status = 'PROCESSING'""")
        .param("id", id).param("error", truncate(error)).param("now", Timestamp.from(now)).update();
  }

  /** Given up: FAILED with the reason. */
  public void markFailed(UUID id, String error, Instant now) {
    jdbc.sql("""
        update documents set status = 'FAILED', last_error = :error, chunk_count = null, failed_at = :now,
          updated_at = :now where id = :id and status in ('PENDING', 'PROCESSING')""")
        .param("id", id).param("error", truncate(error)).param("now", Timestamp.from(now)).update();
  }

  /** Sets an existing document back to PENDING for a new ingestion (re-ingest of the same object). */
  public void resetForReingest(UUID id, Map<String, String> metadata, String course, String learnerId,
      Instant now) {
    jdbc.sql("""
        update documents set status = 'PENDING', attempts = 0, last_error = null, chunk_count = null,
          started_at = null, indexed_at = null, failed_at = null, course = :course, learner_id = :learnerId,
          metadata = cast(:metadata as jsonb), updated_at = :now where id = :id""")
        .param("id", id).param("course", course).param("learnerId", learnerId)
        .param("metadata", toJson(metadata)).param("now", Timestamp.from(now)).update();
  }

  /**
   * Every INDEXED document back to PENDING with {@code reason} (the index was replaced and must be filled
   * again); returns them. Documents PENDING or PROCESSING are queued already; FAILED ones stay FAILED.
   */
  public List<Document> requeueIndexed(String reason, Instant now) {
    return jdbc.sql("""
        update documents set status = 'PENDING', attempts = 0, last_error = :reason, chunk_count = null,
          started_at = null, indexed_at = null, updated_at = :now where status = 'INDEXED' returning *""")
        .param("reason", truncate(reason)).param("now", Timestamp.from(now)).query(this::map).list();
  }

  /** The ETag of the object as it was when the document was last queued ({@code null} if unknown). */
  public void recordEtag(UUID id, String etag) {
    jdbc.sql("update documents set etag = :etag where id = :id").param("id", id).param("etag", etag).update();
  }

  public Optional<String> etag(UUID id) {
    return jdbc.sql("select etag from documents where id = :id").param("id", id)
        .query((rs, i) -> Optional.ofNullable(rs.getString("etag"))).optional().flatMap(e -> e);
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from documents where id = :id").param("id", id).update() == 1;
  }

  public Map<DocumentStatus, Long> countByStatus() {
    Map<DocumentStatus, Long> counts = new java.util.EnumMap<>(DocumentStatus.class);
    jdbc.sql("select status, count(*) as n from documents group by status")
        .query((rs, i) -> counts.put(DocumentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
        .list();
    return counts;
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= 2000 ? error : error.substring(0, 2000) + "…";
  }

  private Document map(ResultSet rs, int row) throws SQLException {
    return Document.builder()
        .id(rs.getObject("id", UUID.class))
        .origin(DocumentOrigin.valueOf(rs.getString("origin")))
        .bucket(rs.getString("bucket"))
        .key(rs.getString("object_key"))
        .fileName(rs.getString("file_name"))
        .contentType(rs.getString("content_type"))
        .size((Long) rs.getObject("size_bytes"))
        .course(rs.getString("course"))
        .learnerId(rs.getString("learner_id"))
        .uploadedBy(rs.getString("uploaded_by"))
        .metadata(fromJson(rs.getString("metadata")))
        .state(state(rs))
        .attempts(rs.getInt("attempts"))
        .createdAt(instant(rs, "created_at"))
        .updatedAt(instant(rs, "updated_at"))
        .build();
  }

  /** The row's status with the columns that status fills (the mark* updates keep them consistent). */
  private static IngestionState state(ResultSet rs) throws SQLException {
    String lastError = rs.getString("last_error");
    Instant startedAt = instant(rs, "started_at");
    return switch (DocumentStatus.valueOf(rs.getString("status"))) {
      case PENDING -> new IngestionState.Pending(lastError, startedAt);
      case PROCESSING -> new IngestionState.Processing(startedAt, lastError);
      case INDEXED -> new IngestionState.Indexed(rs.getInt("chunk_count"), startedAt, instant(rs, "indexed_at"));
      case FAILED -> new IngestionState.Failed(lastError == null ? "unknown" : lastError, startedAt,
          instant(rs, "failed_at"));
    };
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String toJson(Map<String, String> metadata) {
    try {
      return JSON.writeValueAsString(metadata == null ? Map.of() : metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not serialisable", e);
    }
  }

  private static Map<String, String> fromJson(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("documents.metadata holds invalid JSON", e);
    }
  }
}
