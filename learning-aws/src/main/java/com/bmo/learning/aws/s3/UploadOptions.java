package com.bmo.learning.aws.s3;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Optional settings of one upload.
 *
 * @param contentType MIME type; null to detect it from the key's (or file's) extension
 * @param metadata user metadata ({@code x-amz-meta-*}), such as {@code learner_id}; names are stored in
 *     lower case, values must be printable US-ASCII, and names plus values may total 2 KB (S3's limits)
 * @param expectedCrc32c the content's CRC32C (base64) if the caller knows it, for example from a manifest;
 *     the upload fails with {@link ChecksumMismatchException} and leaves no object when the content read
 *     differs. Null: the checksum is computed from the content as it is read, sent, and checked by S3.
 */
public record UploadOptions(String contentType, Map<String, String> metadata, String expectedCrc32c) {

  /** S3's limit on user-defined metadata: names and values, UTF-8 bytes. */
  public static final int MAX_METADATA_BYTES = 2048;
  private static final Pattern NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");
  private static final UploadOptions NONE = new UploadOptions(null, Map.of(), null);

  public UploadOptions {
    Map<String, String> normalized = new LinkedHashMap<>();
    int bytes = 0;
    for (Map.Entry<String, String> e : Objects.requireNonNull(metadata, "metadata").entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "metadata name").toLowerCase(Locale.ROOT);
      String value = Objects.requireNonNull(e.getValue(), () -> "metadata value of " + name);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("metadata name '" + name + "' may contain only letters, digits"
            + " and HTTP token characters such as - and _");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("metadata value of '" + name
              + "' must be printable US-ASCII (S3 sends metadata as HTTP headers)");
        }
      }
      if (normalized.put(name, value) != null) {
        throw new IllegalArgumentException("metadata name '" + name + "' given twice (names are case-"
            + "insensitive)");
      }
      bytes += name.getBytes(StandardCharsets.UTF_8).length + value.length();
    }
    if (bytes > MAX_METADATA_BYTES) {
      throw new IllegalArgumentException("user metadata is " + bytes + " bytes; S3 allows "
          + MAX_METADATA_BYTES);
    }
    metadata = Map.copyOf(normalized);
    if (contentType != null && contentType.isBlank()) {
      contentType = null;
    }
    if (expectedCrc32c != null && !Crc32c.isWellFormed(expectedCrc32c)) {
      throw new IllegalArgumentException("expectedCrc32c must be the base64 of 4 bytes, was '"
          + expectedCrc32c + "'");
    }
  }

  /** No content type (detect it), no metadata, no expected checksum. */
  public static UploadOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link UploadOptions}. */
  public static final class Builder {
    private String contentType;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String expectedCrc32c;

    private Builder() {
    }

    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    public Builder metadata(String name, String value) {
      metadata.put(name, value);
      return this;
    }

    public Builder metadata(Map<String, String> entries) {
      metadata.putAll(entries);
      return this;
    }

    public Builder expectedCrc32c(String expectedCrc32c) {
      this.expectedCrc32c = expectedCrc32c;
      return this;
    }

    public UploadOptions build() {
      return new UploadOptions(contentType, metadata, expectedCrc32c);
    }
  }
}
