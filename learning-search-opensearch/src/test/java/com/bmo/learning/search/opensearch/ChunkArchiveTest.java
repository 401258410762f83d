package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ContentVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkArchiveTest {

  @TempDir
  Path dir;

  private static ChunkDocument chunk(String id, float... vector) {
    return new ChunkDocument(id, "s3://b/k.pdf", "text of " + id, Map.of("course", "r", "page", 3, "l", 1L << 40,
        "f", 1.5f, "d", 2.25, "u", java.util.UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")), vector);
  }

  private ChunkArchive.Written write(List<ChunkDocument> chunks) throws Exception {
    return ChunkArchive.write(dir.resolve("a.tar.gz"), dir.resolve("work.jsonl"), 3, "chunks",
        Instant.parse("2026-12-01T22:00:00Z"), new ContentVersion("model-a", "2/800/0"), sink -> chunks.forEach(sink));
  }

  @Test
  void chunksComeBackExactlyWithTheirVectorsBitForBit() throws Exception {
    List<ChunkDocument> chunks = List.of(chunk("a", 0.1f, -1e-7f, Float.MIN_VALUE), chunk("b", 1, 2, 3));
    ChunkArchive.Written written = write(chunks);
    assertThat(written.sha256()).hasSize(64);
    assertThat(written.manifest().chunkCount()).isEqualTo(2);

    List<ChunkDocument> read = new ArrayList<>();
    try (InputStream in = Files.newInputStream(dir.resolve("a.tar.gz"));
        ChunkArchive.Reader reader = ChunkArchive.open(in)) {
      assertThat(reader.manifest()).isEqualTo(new ChunkArchive.Manifest(3, 2, Instant.parse("2026-12-01T22:00:00Z"),
          "chunks", new ContentVersion("model-a", "2/800/0")));
      reader.chunks().forEachRemaining(read::add);
    }
    assertThat(read).hasSize(2);
    assertThat(read.get(0).vector()).containsExactly(0.1f, -1e-7f, Float.MIN_VALUE);
    assertThat(read).isEqualTo(chunks);
  }

  @Test
  void anArchiveWithAnotherEntryIsRefused() throws Exception {
    Path evil = dir.resolve("evil.tar.gz");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(evil)))) {
      byte[] body = "#!/bin/sh".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("../../etc/cron.d/x");
      e.setSize(body.length);
      tar.putArchiveEntry(e);
      tar.write(body);
      tar.closeArchiveEntry();
    }
    assertThatThrownBy(() -> ChunkArchive.open(Files.newInputStream(evil)))
        .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("manifest.json");
  }

  @Test
  void fewerChunksThanTheManifestSaysIsRefused() throws Exception {
    Path truncated = dir.resolve("t.tar.gz");
    byte[] manifest = ("{\"format\":\"bmo-learning-chunks\",\"format_version\":1,\"dimension\":3,\"chunk_count\":5,"
        + "\"created_at\":\"2026-12-01T22:00:00Z\",\"index\":\"chunks\"}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    write(List.of(chunk("a", 1, 2, 3)));
    lines.write(Files.readAllBytes(dir.resolve("work.jsonl")));
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(truncated)))) {
      for (var entry : List.of(Map.entry("manifest.json", manifest), Map.entry("chunks.jsonl", lines.toByteArray()))) {
        TarArchiveEntry e = new TarArchiveEntry(entry.getKey());
        e.setSize(entry.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    try (ChunkArchive.Reader reader = ChunkArchive.open(Files.newInputStream(truncated))) {
      var chunks = reader.chunks();
      assertThatThrownBy(() -> chunks.forEachRemaining(c -> { }))
          .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("holds 1 chunks, the manifest says 5");
    }
  }
}
