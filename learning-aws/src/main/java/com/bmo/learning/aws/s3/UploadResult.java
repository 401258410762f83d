package com.bmo.learning.aws.s3;

/**
 * An object written by {@link S3Storage}.
 *
 * @param eTag the ETag S3 returned (quotes removed)
 * @param versionId the new version's id, or null when the bucket is not versioned
 * @param size bytes written
 * @param parts number of multipart parts, 0 for a single PutObject
 * @param crc32c CRC32C of the whole content, computed by the client while reading (base64)
 * @param checksum the checksum S3 stored and returned, already compared with what the client computed
 * @param contentType the content type stored (given or detected)
 */
public record UploadResult(String bucket, String key, String eTag, String versionId, long size, int parts,
    String crc32c, ObjectChecksum checksum, String contentType) {

  public boolean multipart() {
    return parts > 0;
  }
}
