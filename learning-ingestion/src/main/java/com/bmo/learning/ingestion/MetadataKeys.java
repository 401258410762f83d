package com.bmo.learning.ingestion;

import java.util.Set;

/**
 * Names of the metadata this module puts on every {@link dev.langchain4j.data.document.Document} and
 * {@link dev.langchain4j.data.segment.TextSegment}. These names are reserved: caller-supplied metadata may
 * not use them, and object user metadata that does is stored under {@link #USER_METADATA_PREFIX}.
 */
public final class MetadataKeys {

  /** {@code s3://bucket/key} or {@code file:///path}: what a citation points at. */
  public static final String SOURCE_URI = "source_uri";
  /** {@code s3} or {@code file}. */
  public static final String SOURCE_TYPE = "source_type";
  public static final String BUCKET = "bucket";
  public static final String KEY = "key";
  /** Absolute local path (local files only). */
  public static final String PATH = "path";
  /** LangChain4j's own name for it ({@link dev.langchain4j.data.document.Document#FILE_NAME}). */
  public static final String FILE_NAME = "file_name";
  /** S3 ETag, quotes removed (S3 only). */
  public static final String ETAG = "etag";
  /** S3 version id, when the bucket is versioned. */
  public static final String VERSION_ID = "version_id";
  /** SHA-256 of the bytes, hex (local files, which have no ETag). */
  public static final String CONTENT_SHA256 = "content_sha256";
  /** The stored Content-Type (S3) or the type's media type (local files). */
  public static final String CONTENT_TYPE = "content_type";
  /** The detected type: {@code pdf}, {@code text}, {@code markdown}, {@code html}. */
  public static final String DOCUMENT_TYPE = "document_type";
  /** Bytes. */
  public static final String SIZE = "size";
  /** ISO-8601 instant. */
  public static final String LAST_MODIFIED = "last_modified";
  /** UUID from source URI and version: the same for every chunk of one version of one file. */
  public static final String DOCUMENT_ID = "document_id";
  /** 1-based number of the (first) page a document or chunk comes from (PDF). */
  public static final String PAGE = "page";
  /** 1-based number of the last page of a chunk that spans pages (PDF); absent when it is on one page. */
  public static final String PAGE_END = "page_end";
  /**
   * The headings above a document part or chunk, starting with the document title and joined by
   * {@value com.bmo.learning.ingestion.parse.HeadingPath#SEPARATOR}: "Manual › 5 Arrays › 5.1 Arrays".
   */
  public static final String HEADING_PATH = "heading_path";
  /** 0-based number of the section a document part belongs to; chunks never cross sections. */
  public static final String SECTION_INDEX = "section_index";
  public static final String PAGE_COUNT = "page_count";
  /** The document's title (PDF info, first heading, HTML title); the file name when it has none. */
  public static final String TITLE = "title";
  /** Charset the text was decoded with (text, Markdown, HTML). */
  public static final String CHARSET = "charset";
  /** 0-based position of a chunk among all chunks of its file. */
  public static final String CHUNK_INDEX = "chunk_index";
  public static final String CHUNK_COUNT = "chunk_count";
  /** Stable UUID of a chunk; see {@link com.bmo.learning.ingestion.chunk.StableId#chunk}. */
  public static final String CHUNK_ID = "chunk_id";
  /** LangChain4j's splitter's own per-document segment index (a string). */
  public static final String SPLITTER_INDEX = "index";

  /** Prefix for object user metadata whose name collides with a reserved key. */
  public static final String USER_METADATA_PREFIX = "user_";

  public static final Set<String> RESERVED = Set.of(SOURCE_URI, SOURCE_TYPE, BUCKET, KEY, PATH, FILE_NAME,
      ETAG, VERSION_ID, CONTENT_SHA256, CONTENT_TYPE, DOCUMENT_TYPE, SIZE, LAST_MODIFIED, DOCUMENT_ID, PAGE,
      PAGE_END, HEADING_PATH, SECTION_INDEX, PAGE_COUNT, TITLE, CHARSET, CHUNK_INDEX, CHUNK_COUNT, CHUNK_ID, SPLITTER_INDEX);

  private MetadataKeys() {
  }
}
