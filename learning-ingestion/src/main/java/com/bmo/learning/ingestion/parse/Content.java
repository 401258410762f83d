package com.bmo.learning.ingestion.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of one file to parse, either in memory or in a local file (for large objects, downloaded to a
 * temporary file). It does not own the file: whoever created it removes it.
 */
public final class Content {

  private final String source;
  private final String fileName;
  private final byte[] bytes;
  private final Path file;
  private final long size;

  private Content(String source, String fileName, byte[] bytes, Path file, long size) {
    this.source = source;
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.bytes = bytes;
    this.file = file;
    this.size = size;
  }

  /**
   * Content held in memory. The array is used as is, not copied.
   *
   * @param source the file's URI for error messages and metadata; may be null
   * @param fileName name whose extension gives the type
   */
  public static Content ofBytes(String source, String fileName, byte[] bytes) {
    return new Content(source, fileName, Objects.requireNonNull(bytes, "bytes"), null, bytes.length);
  }

  /** Content in a local file, read when parsed. */
  public static Content ofFile(String source, String fileName, Path file) throws IOException {
    return new Content(source, fileName, null, file, Files.size(file));
  }

  public String source() {
    return source;
  }

  public String fileName() {
    return fileName;
  }

  public long size() {
    return size;
  }

  /** The local file, when the content is in one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** Up to the first {@code n} bytes (for sniffing). */
  public byte[] head(int n) throws IOException {
    if (bytes != null) {
      return Arrays.copyOf(bytes, (int) Math.min(n, bytes.length));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  /** Every byte; for text formats, whose decoded text is held in memory anyway. */
  public byte[] readAllBytes() throws IOException {
    if (bytes != null) {
      return bytes;
    }
    if (size > Integer.MAX_VALUE - 64) {
      throw new IOException(fileName + " is too large to read into memory (" + size + " bytes)");
    }
    return Files.readAllBytes(file);
  }

  /** In-memory bytes, when the content is held in memory. */
  Optional<byte[]> bytes() {
    return Optional.ofNullable(bytes);
  }
}
