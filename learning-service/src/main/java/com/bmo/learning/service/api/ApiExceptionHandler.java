package com.bmo.learning.service.api;

import com.bmo.learning.aws.s3.StorageException;
import com.bmo.learning.search.backup.BackupIntegrityException;
import com.bmo.learning.search.backup.BackupNotFoundException;
import com.bmo.learning.search.backup.IncompatibleBackupException;
import com.bmo.learning.search.backup.UnsafeArchiveException;
import com.bmo.learning.service.auth.ForbiddenException;
import com.bmo.learning.service.documents.DocumentNotFoundException;
import com.bmo.learning.service.documents.FileNames;
import com.bmo.learning.service.documents.FileTooLargeException;
import com.bmo.learning.service.documents.InvalidRequestException;
import com.bmo.learning.service.documents.SourceObjectNotFoundException;
import com.bmo.learning.service.documents.UnsupportedFileTypeException;
import com.bmo.learning.service.ops.LoggedText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 7807 problem details ({@code application/problem+json}): Spring MVC's own (404, 405,
 * 415, missing parts, unreadable bodies, via {@link ResponseEntityExceptionHandler}) and the service's.
 * Details explain what to fix; stack traces are logged, never sent.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e, HttpServletRequest request) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(),
        ProblemTypes.INVALID_REQUEST, request);
    p.setProperty("errors", e.problems().stream()
        .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return p;
  }

  @ExceptionHandler(FileTooLargeException.class)
  ProblemDetail tooLarge(FileTooLargeException e, HttpServletRequest request) {
    ProblemDetail p = problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", e.getMessage(),
        ProblemTypes.FILE_TOO_LARGE, request);
    p.setProperty("limit_bytes", e.limit());
    return p;
  }

  @ExceptionHandler(UnsupportedFileTypeException.class)
  ProblemDetail unsupported(UnsupportedFileTypeException e, HttpServletRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type", e.getMessage(),
        ProblemTypes.UNSUPPORTED_FILE_TYPE, request);
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ProblemDetail notFound(DocumentNotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "Document not found", e.getMessage(), ProblemTypes.DOCUMENT_NOT_FOUND,
        request);
  }

  @ExceptionHandler(SourceObjectNotFoundException.class)
  ProblemDetail sourceNotFound(SourceObjectNotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Nothing to ingest", e.getMessage(),
        ProblemTypes.SOURCE_NOT_FOUND, request);
  }

  @ExceptionHandler(BackupNotFoundException.class)
  ProblemDetail backupNotFound(BackupNotFoundException e, HttpServletRequest request) {
    // Names the key asked for, not the bucket.
    return problem(HttpStatus.NOT_FOUND, "Backup not found", "No backup '" + e.key().orElse("") + "'",
        ProblemTypes.BACKUP_NOT_FOUND,
        request);
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), ProblemTypes.FORBIDDEN, request);
  }

  /**
   * A backup this service has no record of, whose object does not match its record, whose archive would
   * write outside its target or expand past its recorded size, or built with another model or chunker.
   */
  @ExceptionHandler({BackupIntegrityException.class, UnsafeArchiveException.class,
      IncompatibleBackupException.class})
  ProblemDetail backupRefused(RuntimeException e, HttpServletRequest request) {
    LOG.warn("Restore refused on {}: {}", LoggedText.of(request.getRequestURI()), LoggedText.of(e.getMessage()));
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Backup refused", "The backup cannot be restored: "
        + e.getMessage(), ProblemTypes.BACKUP_REFUSED, request);
  }

  @ExceptionHandler(StorageException.class)
  ProblemDetail storage(StorageException e, HttpServletRequest request) {
    LOG.error("S3 failed on {} {}: {}", request.getMethod(), LoggedText.of(request.getRequestURI()),
        LoggedText.of(e.toString()));
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable",
        "Document storage did not answer as expected; try again shortly", ProblemTypes.STORAGE_UNAVAILABLE,
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "'" + e.getName() + "' must be "
        + (e.getRequiredType() != null && e.getRequiredType().isEnum()
            ? "one of " + List.of(e.getRequiredType().getEnumConstants()) : "a valid " + expected),
        ProblemTypes.INVALID_REQUEST, request);
    p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", p.getDetail())));
    return p;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
    List<Map<String, String>> errors = e.getConstraintViolations().stream()
        .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
        .toList();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", errors.stream()
        .map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b).orElse("invalid"),
        ProblemTypes.INVALID_REQUEST, request);
    p.setProperty("errors", errors);
    return p;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unhandled error on {} {}", request.getMethod(), LoggedText.of(request.getRequestURI()), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request could not be completed; it has been logged", ProblemTypes.INTERNAL, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
      @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
        .map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b)
        .orElse("The request body is invalid"));
    p.setTitle("Invalid request");
    p.setType(ProblemTypes.INVALID_REQUEST);
    p.setProperty("errors", errors);
    return handleExceptionInternal(e, p, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      @NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers, @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    List<Map<String, String>> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
            "field", String.valueOf(r.getMethodParameter().getParameterName()),
            "message", String.valueOf(err.getDefaultMessage()))))
        .toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
        .map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b)
        .orElse("The request is invalid"));
    p.setTitle("Invalid request");
    p.setType(ProblemTypes.INVALID_REQUEST);
    p.setProperty("errors", errors);
    return handleExceptionInternal(e, p, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A multipart body that cannot be parsed (a broken {@code filename*}, a malformed part): the client's. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e, HttpServletRequest request) {
    return invalidFile("The multipart body could not be read: check the file part's headers (an RFC 5987"
        + " filename* must be charset''percent-encoded UTF-8)", request);
  }

  private static ProblemDetail invalidFile(String detail, HttpServletRequest request) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, ProblemTypes.INVALID_REQUEST,
        request);
    p.setProperty("errors", List.of(Map.of("field", "file", "message", detail)));
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
      @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    String detail = "The request body is not valid JSON for this request";
    List<Map<String, String>> errors = List.of();
    Throwable cause = e.getCause();
    if (cause instanceof StreamConstraintsException) {
      detail = "The request body is nested too deeply (at most " + JsonLimits.MAX_NESTING_DEPTH + " levels)";
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
          .reduce((x, y) -> x + "." + y).orElse("");
      Class<?> target = cause instanceof MismatchedInputException mi ? mi.getTargetType() : null;
      String expected = target == null ? "of another type"
          : target == Integer.class || target == int.class || target == Long.class || target == long.class
              ? "a whole number" : target.isEnum() ? "one of " + List.of(target.getEnumConstants())
              : "a " + target.getSimpleName().toLowerCase(java.util.Locale.ROOT);
      detail = field + ": must be " + expected;
      errors = List.of(Map.of("field", field, "message", "must be " + expected));
    } else if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
      detail += " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setTitle("Invalid request");
    p.setType(ProblemTypes.INVALID_REQUEST);
    if (!errors.isEmpty()) {
      p.setProperty("errors", errors);
    }
    return handleExceptionInternal(e, p, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      @NonNull MaxUploadSizeExceededException e, @NonNull HttpHeaders headers, @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT).contains("header")) {
      // Tomcat's part-header limit, reported by Spring as an upload size problem: a file name far too long.
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The file part's headers are too long: the file name may have at most " + FileNames.MAX_ORIGINAL_LENGTH
              + " characters");
      p.setTitle("Invalid request");
      p.setType(ProblemTypes.INVALID_REQUEST);
      p.setProperty("errors", List.of(Map.of("field", "file", "message", p.getDetail())));
      return handleExceptionInternal(e, p, headers, HttpStatus.BAD_REQUEST, request);
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The upload exceeds the size limit" + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize()
            + " bytes" : ""));
    p.setTitle("File too large");
    p.setType(ProblemTypes.FILE_TOO_LARGE);
    if (e.getMaxUploadSize() > 0) {
      p.setProperty("limit_bytes", e.getMaxUploadSize());
    }
    return handleExceptionInternal(e, p, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, URI type,
      HttpServletRequest request) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(type);
    p.setInstance(ProblemResponses.instance(request.getRequestURI()));
    return p;
  }
}
