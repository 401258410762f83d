package com.bmo.learning.service.api;

import com.bmo.learning.aws.s3.PresignedRequest;
import com.bmo.learning.service.auth.Caller;
import com.bmo.learning.service.documents.Document;
import com.bmo.learning.service.documents.DocumentMetadata;
import com.bmo.learning.service.documents.DocumentPage;
import com.bmo.learning.service.documents.DocumentService;
import com.bmo.learning.service.documents.DocumentStatus;
import com.bmo.learning.service.documents.IngestOutcome;
import com.bmo.learning.service.documents.InvalidRequestException;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.documents.IngestSources;
import com.bmo.learning.service.documents.UploadedFile;
import com.bmo.learning.service.documents.Visibility;
import com.bmo.learning.service.ops.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;

/** Upload, ingest, read, list and delete documents. */
@Tag(name = "documents")
@RestController
@RequestMapping("/api/v1/documents")
public class DocumentsController {

  /** Documents accepted: their ids and where to poll each. */
  public record Accepted(UUID id, DocumentStatus status, String statusUrl) {
    static Accepted of(Document d) {
      return new Accepted(d.id(), d.status(), DocumentView.statusUrl(d.id()));
    }
  }

  /**
   * {@code POST /api/v1/documents/ingest}: objects already in S3.
   *
   * @param force queue every object, even those indexed from an unchanged object (same ETag)
   */
  public record IngestRequest(@NotBlank String uri, String course, String learnerId, JsonNode metadata,
      Boolean force) {
  }

  /**
   * What an ingest request did.
   *
   * @param documents the documents queued (poll each)
   * @param skipped how many objects were left alone: INDEXED, ETag and metadata unchanged
   * @param skippedDocuments those documents
   */
  public record IngestAccepted(List<Accepted> documents, int skipped, List<Accepted> skippedDocuments) {
  }

  /** A short-lived URL that reads the document's original file straight from S3. */
  public record ContentUrl(String url, Instant expiresAt, String fileName, String contentType) {
  }

  /** How long a content URL works: long enough to open it, short enough not to be worth sharing. */
  static final Duration CONTENT_URL_EXPIRY = Duration.ofMinutes(5);

  public record DocumentList(List<DocumentView> items, int page, int size, long total) {
  }

  private final DocumentService documents;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final IngestSources sources;
  private final ServiceProperties properties;

  public DocumentsController(DocumentService documents, ObjectMapper json, AuditLog audit, IngestSources sources,
      ServiceProperties properties) {
    this.documents = documents;
    this.json = json;
    this.audit = audit;
    this.sources = sources;
    this.properties = properties;
  }

  @Operation(summary = "Upload a lesson document (PDF, Markdown, HTML or text); ingested in the background")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Accepted> upload(@RequestPart("file") MultipartFile file,
      @RequestParam(value = "course", required = false) String course,
      @RequestParam(value = "learner_id", required = false) String learnerId,
      @RequestParam(value = "metadata", required = false) String metadata, HttpServletRequest request,
      @AuthenticationPrincipal Caller caller) {
    return audit.around(caller.id(), AuditLog.Action.UPLOAD, "file:" + file.getOriginalFilename(),
        () -> accept(file, course, learnerId, metadata, request, caller), r -> "document:" + r.getBody().id());
  }

  private ResponseEntity<Accepted> accept(MultipartFile file, String course, String learnerId, String metadata,
      HttpServletRequest request, Caller caller) {
    MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
    if (multipart != null && multipart.getFiles("file").size() > 1) {
      throw InvalidRequestException.of("file", "send exactly one file part; this request has "
          + multipart.getFiles("file").size());
    }
    DocumentMetadata meta = DocumentMetadata.parse(course, learnerId, metadata);
    Document doc = documents.upload(new MultipartUpload(file), meta, caller.id());
    return ResponseEntity.accepted().location(URI.create(DocumentView.statusUrl(doc.id()))).body(Accepted.of(doc));
  }

  @Operation(summary = "Ingest an object (s3://bucket/key) or every object under a prefix (s3://bucket/prefix/)")
  @PostMapping(path = "/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<IngestAccepted> ingest(@Valid @RequestBody IngestRequest request,
      @AuthenticationPrincipal Caller caller) {
    return audit.around(caller.id(), AuditLog.Action.INGEST, request.uri(), () -> queue(request, caller),
        r -> request.uri() + " (" + r.getBody().documents().size() + " queued, " + r.getBody().skipped() + " skipped)");
  }

  private ResponseEntity<IngestAccepted> queue(IngestRequest request, Caller caller) {
    sources.check(request.uri(), caller, properties);
    String metadata = null;
    if (request.metadata() != null && !request.metadata().isNull()) {
      try {
        metadata = json.writeValueAsString(request.metadata());
      } catch (JsonProcessingException e) {
        throw InvalidRequestException.of("metadata", "cannot be read");
      }
    }
    DocumentMetadata meta = DocumentMetadata.parse(request.course(), request.learnerId(), metadata);
    IngestOutcome outcome = documents.ingest(request.uri(), meta, Boolean.TRUE.equals(request.force()),
        caller.id(), Visibility.of(caller));
    return ResponseEntity.accepted().body(new IngestAccepted(outcome.queued().stream().map(Accepted::of).toList(),
        outcome.skipped().size(), outcome.skipped().stream().map(Accepted::of).toList()));
  }

  @Operation(summary = "A document's status: PENDING, PROCESSING, INDEXED or FAILED (with the error)")
  @GetMapping("/{id}")
  public DocumentView get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
    return DocumentView.of(documents.get(id, Visibility.of(caller)), Visibility.of(caller));
  }

  @Operation(summary = "A presigned URL (valid 5 minutes) that reads the document's original file from S3")
  @GetMapping("/{id}/content-url")
  public ContentUrl contentUrl(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
    Document doc = documents.get(id, Visibility.of(caller));
    PresignedRequest url = documents.contentUrl(doc, CONTENT_URL_EXPIRY);
    return new ContentUrl(url.url().toString(), url.expiration(), doc.fileName(), doc.contentType());
  }

  @Operation(summary = "Documents, newest first; filter by course and status")
  @GetMapping
  public DocumentList list(@RequestParam(required = false) String course,
      @RequestParam(required = false) DocumentStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Caller caller) {
    Visibility visibility = Visibility.of(caller);
    DocumentPage found = documents.list(course, status, page, size, visibility);
    return new DocumentList(found.items().stream().map(d -> DocumentView.of(d, visibility)).toList(), found.page(), found.size(),
        found.total());
  }

  @Operation(summary = "Delete a document: its chunks, its record and (for uploads) its S3 object")
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
    return audit.around(caller.id(), AuditLog.Action.DELETE, "document:" + id, () -> {
      documents.delete(id, Visibility.of(caller));
      return ResponseEntity.noContent().<Void>build();
    }, r -> "document:" + id);
  }

  private record MultipartUpload(MultipartFile file) implements UploadedFile {
    @Override
    public String originalName() {
      return file.getOriginalFilename();
    }

    @Override
    public long size() {
      return file.getSize();
    }

    @Override
    public InputStream open() throws IOException {
      return file.getInputStream();
    }
  }
}
