package com.bmo.learning.ingestion.source;

import com.bmo.learning.ingestion.DocumentTooLargeException;
import com.bmo.learning.ingestion.InvalidSourceException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.SourceNotFoundException;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.chunk.StableId;
import com.bmo.learning.ingestion.parse.Content;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import com.bmo.learning.ingestion.parse.DocumentType;
import dev.langchain4j.data.document.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file on the local disk as a document source. Its version, for stable chunk ids, is the SHA-256 of
 * its bytes (a local file has no ETag). Parsed in place: no temporary copy.
 */
public final class LocalFileSource implements FileSource {

  private final Path path;
  private final LoaderOptions options;

  public LocalFileSource(Path path, LoaderOptions options) {
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    this.options = Objects.requireNonNull(options, "options");
  }

  public Path path() {
    return path;
  }

  @Override
  public String uri() {
    return path.toUri().toString();
  }

  @Override
  public String fileName() {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  @Override
  public InputStream inputStream() throws IOException {
    checkSize(attributes().size());
    return Files.newInputStream(path);
  }

  @Override
  public Metadata metadata() {
    BasicFileAttributes attrs = attributes();
    return sourceMetadata(attrs, sha256(), DocumentType.fromFileName(fileName()).orElse(null));
  }

  @Override
  public LoadedFile load(DocumentParsers parsers) {
    BasicFileAttributes attrs = attributes();
    checkSize(attrs.size());
    String sha = sha256();
    Content content;
    try {
      content = Content.ofFile(uri(), fileName(), path);
    } catch (IOException e) {
      throw new SourceReadException(uri(), "cannot read the file: " + e, e);
    }
    DocumentParsers.Parsed parsed = parsers.parse(content);
    return new LoadedFile(uri(), sha, parsed.type(), attrs.size(),
        SourceMetadata.withSource(parsed.documents(), sourceMetadata(attrs, sha, parsed.type())));
  }

  private BasicFileAttributes attributes() {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new SourceNotFoundException(uri(), "no such file", e);
    } catch (IOException e) {
      throw new SourceReadException(uri(), "cannot read the file's attributes: " + e, e);
    }
    if (!attrs.isRegularFile()) {
      throw new InvalidSourceException(uri(), attrs.isDirectory() ? "a directory, not a file"
          : "not a regular file", null);
    }
    return attrs;
  }

  private void checkSize(long size) {
    if (size > options.maxFileSize()) {
      throw new DocumentTooLargeException(uri(), size, options.maxFileSize());
    }
  }

  private String sha256() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw new SourceNotFoundException(uri(), "no such file", e);
    } catch (IOException e) {
      throw new SourceReadException(uri(), "cannot read the file: " + e, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private Metadata sourceMetadata(BasicFileAttributes attrs, String sha, DocumentType type) {
    Metadata m = new Metadata()
        .put(MetadataKeys.SOURCE_URI, uri())
        .put(MetadataKeys.SOURCE_TYPE, "file")
        .put(MetadataKeys.PATH, path.toString())
        .put(MetadataKeys.FILE_NAME, fileName())
        .put(MetadataKeys.CONTENT_SHA256, sha)
        .put(MetadataKeys.SIZE, attrs.size())
        .put(MetadataKeys.LAST_MODIFIED, attrs.lastModifiedTime().toInstant().toString())
        .put(MetadataKeys.DOCUMENT_ID, StableId.document(uri(), sha).toString());
    if (type != null) {
      m.put(MetadataKeys.DOCUMENT_TYPE, type.id());
      m.put(MetadataKeys.CONTENT_TYPE, type.mediaType());
    }
    return m;
  }

  @Override
  public String toString() {
    return "LocalFileSource[" + path + "]";
  }
}
