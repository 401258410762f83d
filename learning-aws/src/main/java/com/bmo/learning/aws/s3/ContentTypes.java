package com.bmo.learning.aws.s3;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/**
 * Content type from a file name or key's extension. A fixed table for the types this platform stores
 * (lessons, documents, images, archives, index backups), then the JDK's table; {@code
 * application/octet-stream} when neither knows the extension. Deliberately not the OS's MIME database
 * ({@code Files.probeContentType}): the same key must get the same type on every machine.
 */
final class ContentTypes {

  static final String DEFAULT = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("txt", "text/plain"),
      Map.entry("md", "text/markdown"),
      Map.entry("markdown", "text/markdown"),
      Map.entry("csv", "text/csv"),
      Map.entry("tsv", "text/tab-separated-values"),
      Map.entry("html", "text/html"),
      Map.entry("htm", "text/html"),
      Map.entry("css", "text/css"),
      Map.entry("js", "text/javascript"),
      Map.entry("json", "application/json"),
      Map.entry("jsonl", "application/x-ndjson"),
      Map.entry("ndjson", "application/x-ndjson"),
      Map.entry("xml", "application/xml"),
      Map.entry("yaml", "application/yaml"),
      Map.entry("yml", "application/yaml"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("doc", "application/msword"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("epub", "application/epub+zip"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("tgz", "application/gzip"),
      Map.entry("tar", "application/x-tar"),
      Map.entry("zst", "application/zstd"),
      Map.entry("parquet", "application/vnd.apache.parquet"));

  private ContentTypes() {
  }

  /** The content type for {@code name} (a key or file name), never null. */
  static String detect(String name) {
    if (name == null) {
      return DEFAULT;
    }
    int slash = name.lastIndexOf('/');
    String last = name.substring(slash + 1);
    int dot = last.lastIndexOf('.');
    if (dot <= 0 || dot == last.length() - 1) {
      return DEFAULT;
    }
    String ext = last.substring(dot + 1).toLowerCase(Locale.ROOT);
    String known = BY_EXTENSION.get(ext);
    if (known != null) {
      return known;
    }
    String jdk = URLConnection.getFileNameMap().getContentTypeFor("x." + ext);
    return jdk != null ? jdk : DEFAULT;
  }
}
