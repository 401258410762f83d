package com.bmo.learning.aws.s3;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A presigned URL that lets any HTTP client do one operation until {@code expiration} without credentials.
 *
 * @param method {@code GET} or {@code PUT}
 * @param signedHeaders headers that were signed and that the HTTP request must send with these values
 *     ({@code host} excepted, which HTTP clients set themselves)
 */
public record PresignedRequest(URL url, String method, Map<String, List<String>> signedHeaders,
    Instant expiration) {

  public PresignedRequest {
    signedHeaders = Map.copyOf(signedHeaders);
  }

  /** Leaves the query string out: it carries the signature, which works like a password. */
  @Override
  public String toString() {
    return "PresignedRequest[" + method + " " + url.getProtocol() + "://" + url.getAuthority()
        + url.getPath() + "?<signature>, expires " + expiration + "]";
  }
}
