package com.bmo.learning.ingestion;

import java.util.Locale;

/**
 * How much work one document may cause, so that one file cannot exhaust memory or time: pages of a PDF,
 * characters of extracted text, bytes its compressed streams inflate to, and chunks. A document over any
 * of them fails with a {@link DocumentLimitExceededException} that names the limit; retrying cannot help.
 * The file size itself is limited before download ({@code LoaderOptions.maxFileSize}).
 *
 * <p>Checked where the work happens: the page count before any text is extracted, inflated bytes while
 * counting (never holding) each non-image stream before extraction, characters as text is extracted and
 * before plain text is cleaned up, chunks before they are returned (so before anything is embedded).
 *
 * @param maxPages pages of a PDF
 * @param maxCharacters characters of a document's text (for Markdown and HTML, of its markup too)
 * @param maxDecompressedBytes bytes all non-image streams of a PDF inflate to, together
 * @param maxChunks chunks of one document
 */
public record IngestionLimits(int maxPages, long maxCharacters, long maxDecompressedBytes, int maxChunks) {

  /** Which limit a document went over. */
  public enum Limit {
    PAGES("pages"),
    CHARACTERS("characters of text"),
    DECOMPRESSED_BYTES("bytes of decompressed PDF streams"),
    CHUNKS("chunks");

    private final String unit;

    Limit(String unit) {
      this.unit = unit;
    }

    /** What is counted, in words ("pages"). */
    public String unit() {
      return unit;
    }
  }

  public IngestionLimits {
    positive("maxPages", maxPages);
    positive("maxCharacters", maxCharacters);
    positive("maxDecompressedBytes", maxDecompressedBytes);
    positive("maxChunks", maxChunks);
  }

  /**
   * 2,000 pages, 5,000,000 characters (about 1,700 pages of dense text), 256 MiB of inflated streams,
   * 10,000 chunks.
   */
  public static IngestionLimits defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxPages(maxPages).maxCharacters(maxCharacters)
        .maxDecompressedBytes(maxDecompressedBytes).maxChunks(maxChunks);
  }

  /** The value of {@code limit}. */
  public long maximum(Limit limit) {
    return switch (limit) {
      case PAGES -> maxPages;
      case CHARACTERS -> maxCharacters;
      case DECOMPRESSED_BYTES -> maxDecompressedBytes;
      case CHUNKS -> maxChunks;
    };
  }

  /**
   * @param actual what the document has, or (when {@code atLeast}) what was counted before stopping
   * @throws DocumentLimitExceededException when {@code actual} is above the limit
   */
  public void check(String source, Limit limit, long actual, boolean atLeast) {
    long maximum = maximum(limit);
    if (actual > maximum) {
      throw new DocumentLimitExceededException(source, limit, actual, maximum, atLeast);
    }
  }

  /** {@code 12,345}: how limits are written in messages. */
  static String format(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Builder; every limit has a default ({@link #defaults()}). */
  public static final class Builder {
    private int maxPages = 2_000;
    private long maxCharacters = 5_000_000;
    private long maxDecompressedBytes = 256L * 1024 * 1024;
    private int maxChunks = 10_000;

    private Builder() {
    }

    public Builder maxPages(int maxPages) {
      this.maxPages = maxPages;
      return this;
    }

    public Builder maxCharacters(long maxCharacters) {
      this.maxCharacters = maxCharacters;
      return this;
    }

    public Builder maxDecompressedBytes(long maxDecompressedBytes) {
      this.maxDecompressedBytes = maxDecompressedBytes;
      return this;
    }

    public Builder maxChunks(int maxChunks) {
      this.maxChunks = maxChunks;
      return this;
    }

    public IngestionLimits build() {
      return new IngestionLimits(maxPages, maxCharacters, maxDecompressedBytes, maxChunks);
    }
  }
}
