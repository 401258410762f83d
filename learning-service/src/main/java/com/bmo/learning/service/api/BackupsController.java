package com.bmo.learning.service.api;

import com.bmo.learning.service.auth.Caller;
import com.bmo.learning.service.backup.BackupKind;
import com.bmo.learning.service.backup.BackupRecord;
import com.bmo.learning.service.backup.BackupService;
import com.bmo.learning.service.backup.RestoreRecord;
import com.bmo.learning.service.ops.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Index backups to S3 and restores; admin only ({@code SecurityConfiguration}). */
@Tag(name = "backups")
@RestController
@RequestMapping("/api/v1/backups")
public class BackupsController {

  /** {@code {"type": "full"}} or {@code {"type": "incremental"}}. */
  public record BackupRequest(@NotNull BackupKind type) {
  }

  /** {@code {"key": "<backup key from GET /api/v1/backups>"}}. */
  public record RestoreRequest(@NotBlank String key) {
  }

  public record BackupList(List<BackupRecord> backups) {
  }

  private final BackupService backups;
  private final AuditLog audit;

  public BackupsController(BackupService backups, AuditLog audit) {
    this.backups = backups;
    this.audit = audit;
  }

  @Operation(summary = "Back the index up to S3: full (one archive) or incremental (new files + manifest)",
      description = "Records the backup's size and SHA-256 in the service's database; a restore accepts only"
          + " recorded backups. With the OpenSearch backend only full backups (chunk exports) exist:"
          + " type incremental is answered 400 with an error on the field 'type'.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public BackupRecord backup(@Valid @RequestBody BackupRequest request, @AuthenticationPrincipal Caller caller) {
    return audit.around(caller.id(), AuditLog.Action.BACKUP, "backup:" + request.type(),
        () -> backups.backup(request.type(), caller.id()), b -> "backup:" + b.key());
  }

  @Operation(summary = "Backups in S3, newest first")
  @GetMapping
  public BackupList list() {
    return new BackupList(backups.list());
  }

  @Operation(summary = "Replace the live index with a backup",
      description = "404 if no backup is under the key. 422 (index unchanged) if the service has no record of"
          + " it, its object does not match the record (size and SHA-256, checked while it downloads), the"
          + " archive is unsafe or expands past twice its recorded size, or it was built with another"
          + " embedding model or chunker.")
  @PostMapping(path = "/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
  public RestoreRecord restore(@Valid @RequestBody RestoreRequest request, @AuthenticationPrincipal Caller caller) {
    return audit.around(caller.id(), AuditLog.Action.RESTORE, "backup:" + request.key(),
        () -> backups.restore(request.key()), r -> "backup:" + request.key());
  }
}
