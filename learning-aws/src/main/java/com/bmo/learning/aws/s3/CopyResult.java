package com.bmo.learning.aws.s3;

/** A copy made by {@link S3Storage#copy}: the new object's ETag and version. */
public record CopyResult(String sourceBucket, String sourceKey, String bucket, String key, String eTag,
    String versionId) {
}
