package com.bmo.learning.ingestion.source;

import com.bmo.learning.ingestion.parse.PdfParser;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How loaders fetch and parse files.
 *
 * @param maxFileSize files above this many bytes fail with
 *     {@link com.bmo.learning.ingestion.DocumentTooLargeException} before any byte is downloaded
 * @param inMemoryThreshold objects up to this size are read into memory; larger ones are downloaded to a
 *     temporary file in {@code tempDirectory}, removed as soon as the file is parsed
 * @param tempDirectory where temporary files go
 * @param pdfMode one document per PDF page, or per file
 */
public record LoaderOptions(long maxFileSize, long inMemoryThreshold, Path tempDirectory,
    PdfParser.Mode pdfMode) {

  public static final long MIB = 1024L * 1024;
  /** Objects are read into one byte array; above this, use a temporary file. */
  public static final long MAX_IN_MEMORY = 1024 * MIB;

  public LoaderOptions {
    Objects.requireNonNull(tempDirectory, "tempDirectory");
    Objects.requireNonNull(pdfMode, "pdfMode");
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("maxFileSize must be positive, was " + maxFileSize);
    }
    if (inMemoryThreshold < 0 || inMemoryThreshold > MAX_IN_MEMORY) {
      throw new IllegalArgumentException("inMemoryThreshold must be 0.." + MAX_IN_MEMORY + " (1 GiB), was "
          + inMemoryThreshold);
    }
  }

  /** 100 MiB limit, up to 8 MiB in memory, the JVM's temporary directory, one document per PDF page. */
  public static LoaderOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxFileSize(maxFileSize).inMemoryThreshold(inMemoryThreshold)
        .tempDirectory(tempDirectory).pdfMode(pdfMode);
  }

  /** Builder; every setting has a default. */
  public static final class Builder {
    private long maxFileSize = 100 * MIB;
    private long inMemoryThreshold = 8 * MIB;
    private Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private PdfParser.Mode pdfMode = PdfParser.Mode.PER_PAGE;

    private Builder() {
    }

    public Builder maxFileSize(long maxFileSize) {
      this.maxFileSize = maxFileSize;
      return this;
    }

    public Builder inMemoryThreshold(long inMemoryThreshold) {
      this.inMemoryThreshold = inMemoryThreshold;
      return this;
    }

    public Builder tempDirectory(Path tempDirectory) {
      this.tempDirectory = tempDirectory;
      return this;
    }

    public Builder pdfMode(PdfParser.Mode pdfMode) {
      this.pdfMode = pdfMode;
      return this;
    }

    public LoaderOptions build() {
      return new LoaderOptions(maxFileSize, inMemoryThreshold, tempDirectory, pdfMode);
    }
  }
}
