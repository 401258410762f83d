package com.bmo.learning.aws.s3;

/**
 * How S3 combines the CRC32C checksums of a multipart upload's parts into the object's checksum.
 */
public enum MultipartChecksum {
  /**
   * The object's checksum is the CRC32C of its whole content, as for a single-part upload. The client sends
   * the full-object checksum with CompleteMultipartUpload, so S3 refuses to assemble an object whose
   * content differs from what was read, and every later download can be verified end to end. AWS S3
   * supports it since January 2025; the default.
   */
  FULL_OBJECT,
  /**
   * The object's checksum is the CRC32C of the parts' checksums, suffixed {@code -N}. For S3-compatible
   * endpoints that do not implement full-object checksums (S3Mock 4.x, adobe/S3Mock#2843; older MinIO).
   * Each part is still verified by the server and the client compares the composite S3 reports with the
   * one it computed; a download of such an object cannot be verified end to end (S3 does not store the
   * whole-content checksum).
   */
  COMPOSITE
}
