package com.bmo.learning.service.documents;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An {@code s3://bucket/key} or {@code s3://bucket/prefix/} named in an ingest request.
 *
 * @param key an object key, or a prefix (ending in {@code /}, or empty for the whole bucket)
 */
public record S3Location(String bucket, String key) {

  public boolean isPrefix() {
    return key.isEmpty() || key.endsWith("/");
  }

  /** Parses the URI; anything else is an {@link InvalidRequestException} on field {@code uri}. */
  public static S3Location parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw InvalidRequestException.of("uri", "is required, e.g. s3://bucket/path/lesson.pdf or s3://bucket/path/");
    }
    URI parsed;
    try {
      parsed = new URI(uri.trim());
    } catch (URISyntaxException e) {
      throw InvalidRequestException.of("uri", "is not a valid URI: " + e.getReason());
    }
    if (!"s3".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
      throw InvalidRequestException.of("uri", "must be s3://bucket/key or s3://bucket/prefix/");
    }
    String bucket = parsed.getHost();
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw InvalidRequestException.of("uri", "'" + bucket + "' is not a valid bucket name");
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath();
    String key = path.startsWith("/") ? path.substring(1) : path;
    return new S3Location(bucket, key);
  }
}
