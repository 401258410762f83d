package com.bmo.learning.service.api;

import java.net.URI;

/** The {@code type} URIs of this service's problem details (RFC 7807); plain HTTP errors use {@code about:blank}. */
public final class ProblemTypes {

  public static final URI INVALID_REQUEST = of("invalid-request");
  public static final URI FILE_TOO_LARGE = of("file-too-large");
  public static final URI UNSUPPORTED_FILE_TYPE = of("unsupported-file-type");
  public static final URI DOCUMENT_NOT_FOUND = of("document-not-found");
  public static final URI SOURCE_NOT_FOUND = of("source-not-found");
  public static final URI BACKUP_NOT_FOUND = of("backup-not-found");
  public static final URI BACKUP_REFUSED = of("backup-refused");
  public static final URI UNAUTHORIZED = of("unauthorized");
  public static final URI FORBIDDEN = of("forbidden");
  public static final URI STORAGE_UNAVAILABLE = of("storage-unavailable");
  public static final URI INTERNAL = of("internal-error");

  private ProblemTypes() {
  }

  private static URI of(String slug) {
    return URI.create("urn:bmo-learning:problem:" + slug);
  }
}
