package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ContentVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * An engine-neutral export of a chunk index: a tar.gz holding {@code manifest.json} (format, mapping
 * version, dimension, chunk count, time) and {@code chunks.jsonl} (one chunk per line, its vector as
 * base64 of little-endian float32, so it comes back bit for bit). Reading refuses any other entry, an
 * over-long line and a count that disagrees with the manifest.
 */
final class ChunkArchive {

  static final String FORMAT = "bmo-learning-chunks";
  static final int FORMAT_VERSION = 1;
  static final String MANIFEST = "manifest.json";
  static final String CHUNKS = "chunks.jsonl";
  private static final int MAX_MANIFEST_BYTES = 64 * 1024;
  private static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChunkArchive() {
  }

  /** What an archive says about itself. */
  record Manifest(int dimension, long chunkCount, Instant createdAt, String index, ContentVersion contentVersion) {
  }

  /** What was written. */
  record Written(Manifest manifest, long bytes, String sha256) {
  }

  /**
   * Writes the chunks {@code export} hands over into {@code archive}; {@code work} holds the JSON lines
   * meanwhile (a tar entry's size comes before its content).
   */
  static Written write(Path archive, Path work, int dimension, String index, Instant createdAt,
      ContentVersion contentVersion, Consumer<Consumer<ChunkDocument>> export) throws IOException {
    long[] count = {0};
    try (BufferedWriter out = Files.newBufferedWriter(work, StandardCharsets.UTF_8)) {
      export.accept(chunk -> {
        try {
          out.write(JSON.writeValueAsString(line(chunk)));
          out.write('\n');
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    Manifest manifest = new Manifest(dimension, count[0], createdAt, index, contentVersion);
    Map<String, Object> fields = new LinkedHashMap<>(Map.of(
        "format", FORMAT, "format_version", FORMAT_VERSION, "mapping_version", ChunkMapping.VERSION,
        "dimension", dimension, "chunk_count", count[0], "created_at", createdAt.toString(), "index", index));
    if (contentVersion != null) {
      // Inside the archive, so covered by its SHA-256: a restore compares it before any swap.
      fields.put("embedding_model", contentVersion.embeddingModel());
      fields.put("chunker", contentVersion.chunker());
    }
    byte[] manifestJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(fields);
    MessageDigest sha = DigestUtils.getSha256Digest();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(
            new GzipCompressorOutputStream(new DigestOutputStream(file, sha)))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry m = new TarArchiveEntry(MANIFEST);
      m.setSize(manifestJson.length);
      tar.putArchiveEntry(m);
      tar.write(manifestJson);
      tar.closeArchiveEntry();
      TarArchiveEntry c = new TarArchiveEntry(CHUNKS);
      c.setSize(Files.size(work));
      tar.putArchiveEntry(c);
      Files.copy(work, tar);
      tar.closeArchiveEntry();
      tar.finish();
    }
    return new Written(manifest, Files.size(archive), HexFormat.of().formatHex(sha.digest()));
  }

  /** An open archive: its manifest, then its chunks, read as they are consumed. */
  static final class Reader implements AutoCloseable {
    private final TarArchiveInputStream tar;
    private final Manifest manifest;
    private final BufferedReader lines;

    private Reader(TarArchiveInputStream tar, Manifest manifest, BufferedReader lines) {
      this.tar = tar;
      this.manifest = manifest;
      this.lines = lines;
    }

    Manifest manifest() {
      return manifest;
    }

    /** The chunks, once; fails with {@link InvalidArchiveException} if they disagree with the manifest. */
    Iterator<ChunkDocument> chunks() {
      return new Iterator<>() {
        private long read;
        private String next = advance();

        private String advance() {
          try {
            String line = lines.readLine();
            if (line != null && line.length() > MAX_LINE_CHARS) {
              throw new InvalidArchiveException("a line of " + CHUNKS + " is longer than " + MAX_LINE_CHARS);
            }
            if (line == null && read != manifest.chunkCount()) {
              throw new InvalidArchiveException(CHUNKS + " holds " + read + " chunks, the manifest says "
                  + manifest.chunkCount());
            }
            return line;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public ChunkDocument next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          ChunkDocument chunk = chunk(next, manifest.dimension());
          read++;
          next = advance();
          return chunk;
        }
      };
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }

  static Reader open(InputStream in) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in));
    try {
      TarArchiveEntry first = tar.getNextEntry();
      expect(first, MANIFEST);
      if (first.getSize() > MAX_MANIFEST_BYTES) {
        throw new InvalidArchiveException(MANIFEST + " is " + first.getSize() + " bytes");
      }
      Map<?, ?> m = JSON.readValue(tar.readNBytes((int) first.getSize()), Map.class);
      if (!FORMAT.equals(m.get("format")) || !Integer.valueOf(FORMAT_VERSION).equals(m.get("format_version"))) {
        throw new InvalidArchiveException("not a " + FORMAT + " v" + FORMAT_VERSION + " archive: " + m.get("format")
            + " v" + m.get("format_version"));
      }
      Manifest manifest = new Manifest(((Number) m.get("dimension")).intValue(),
          ((Number) m.get("chunk_count")).longValue(), Instant.parse((String) m.get("created_at")),
          String.valueOf(m.get("index")), m.get("embedding_model") instanceof String model
              ? new ContentVersion(model, String.valueOf(m.get("chunker"))) : null);
      expect(tar.getNextEntry(), CHUNKS);
      return new Reader(tar, manifest, new BufferedReader(new InputStreamReader(tar, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      tar.close();
      throw e;
    }
  }

  private static void expect(TarArchiveEntry entry, String name) {
    if (entry == null || !entry.isFile() || !name.equals(entry.getName())) {
      throw new InvalidArchiveException("expected the entry " + name + ", found "
          + (entry == null ? "the end of the archive" : entry.getName()));
    }
  }

  private static Map<String, Object> line(ChunkDocument chunk) {
    Map<String, Object> source = new LinkedHashMap<>(chunk.toSource());
    source.remove(ChunkMapping.VECTOR);
    float[] vector = chunk.vector();
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    source.put("vector_f32le", Base64.getEncoder().encodeToString(bytes.array()));
    return source;
  }

  @SuppressWarnings("unchecked")
  private static ChunkDocument chunk(String line, int dimension) {
    try {
      Map<String, Object> source = JSON.readValue(line, Map.class);
      Object encoded = source.remove("vector_f32le");
      if (!(encoded instanceof String b64)) {
        throw new InvalidArchiveException("a chunk without vector: " + source.get(ChunkMapping.CHUNK_ID));
      }
      ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
      float[] vector = new float[bytes.remaining() / Float.BYTES];
      if (vector.length != dimension) {
        throw new InvalidArchiveException("chunk " + source.get(ChunkMapping.CHUNK_ID) + " has " + vector.length
            + " dimensions, the archive " + dimension);
      }
      bytes.asFloatBuffer().get(vector);
      return ChunkDocument.fromSource(source).withVector(vector);
    } catch (JsonProcessingException | IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new InvalidArchiveException("a line of " + CHUNKS + " is not a chunk: " + e.getMessage());
    }
  }
}
