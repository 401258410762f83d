package com.bmo.learning.service.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code backups} table: what each backup this service took must be. Kept in PostgreSQL because
 * whoever can write the backups bucket can rewrite an object together with its metadata, but not this.
 */
@Repository
public class BackupLedger {

  private final JdbcClient jdbc;

  public BackupLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a backup just taken (a key written again, as S3 allows, replaces its record). */
  public void record(BackupRecord b, String createdBy) {
    jdbc.sql("""
        insert into backups (bucket, object_key, kind, size_bytes, sha256, index_bytes, chunk_count, created_at,
          created_by)
        values (:bucket, :key, :kind, :size, :sha256, :indexBytes, :chunkCount, :createdAt, :createdBy)
        on conflict (bucket, object_key) do update set kind = excluded.kind, size_bytes = excluded.size_bytes,
          sha256 = excluded.sha256, index_bytes = excluded.index_bytes, chunk_count = excluded.chunk_count,
          created_at = excluded.created_at, created_by = excluded.created_by""")
        .param("bucket", b.bucket())
        .param("key", b.key())
        .param("kind", b.kind().name())
        .param("size", b.size())
        .param("sha256", b.sha256())
        .param("indexBytes", b.indexBytes())
        .param("chunkCount", b.chunkCount())
        .param("createdAt", Timestamp.from(b.createdAt()))
        .param("createdBy", createdBy)
        .update();
  }

  /** The record of the backup at {@code s3://bucket/key}, if this service took it. */
  public Optional<BackupRecord> find(String bucket, String key) {
    return jdbc.sql("select * from backups where bucket = :bucket and object_key = :key")
        .param("bucket", bucket).param("key", key).query(BackupLedger::map).optional();
  }

  private static BackupRecord map(ResultSet rs, int row) throws SQLException {
    return new BackupRecord(rs.getString("bucket"), rs.getString("object_key"),
        BackupKind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant(),
        rs.getLong("chunk_count"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getLong("index_bytes"));
  }
}
