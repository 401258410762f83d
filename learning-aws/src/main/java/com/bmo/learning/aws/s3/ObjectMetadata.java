package com.bmo.learning.aws.s3;

import java.time.Instant;
import java.util.Map;

/**
 * What HEAD tells about an object.
 *
 * @param metadata user metadata ({@code x-amz-meta-*}), names in lower case
 * @param checksum the stored checksum, or null when the object has none
 * @param versionId null when the bucket is not versioned
 */
public record ObjectMetadata(String bucket, String key, long size, String eTag, Instant lastModified,
    String contentType, Map<String, String> metadata, ObjectChecksum checksum, String versionId) {

  public ObjectMetadata {
    metadata = Map.copyOf(metadata);
  }
}
