package com.bmo.learning.aws.s3;

/**
 * An object read by {@link S3Storage}.
 *
 * @param size bytes received
 * @param eTag the object's ETag (quotes removed)
 * @param checksum the checksum S3 stored, or null when the object has none (or a range was read)
 * @param verification whether the bytes received were checked against {@code checksum}
 */
public record DownloadResult(String bucket, String key, long size, String eTag, ObjectChecksum checksum,
    Verification verification) {

  /** What the client could check about the bytes it received. */
  public enum Verification {
    /** The content's checksum equals the full-object checksum S3 stored. */
    VERIFIED,
    /** S3 stored no checksum for this object (uploaded without one). */
    NO_CHECKSUM,
    /**
     * S3 stored only a composite multipart checksum ({@code -N}), which cannot be compared with the content
     * as a whole; S3 checked each part when it was uploaded.
     */
    COMPOSITE_NOT_VERIFIABLE,
    /** A byte range was read; S3 returns no checksum for ranges. */
    RANGE_NOT_VERIFIABLE
  }
}
