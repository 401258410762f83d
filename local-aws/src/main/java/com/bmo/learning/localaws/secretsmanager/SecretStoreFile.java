package com.bmo.learning.localaws.secretsmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The JSON file a persistent {@link SecretStore} lives in. Every save writes the whole store to a
 * temporary file next to it and moves that over the old file atomically, so a crash leaves either the
 * old or the new state, never half of one. The file holds secret values in clear text (this is a local
 * emulator), so it is made readable by its owner only where the file system allows.
 */
final class SecretStoreFile {

  private static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path path;

  SecretStoreFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  Path path() {
    return path;
  }

  /** The secrets in the file; none when the file does not exist yet. */
  List<Secret> load() {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      StoredState state = JSON.readValue(path.toFile(), StoredState.class);
      if (state.formatVersion() != FORMAT_VERSION) {
        throw new IllegalStateException("Secrets file " + path + " has format version "
            + state.formatVersion() + "; this endpoint reads version " + FORMAT_VERSION);
      }
      return state.secrets() == null ? List.of()
          : state.secrets().stream().map(StoredSecret::toSecret).toList();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the secrets file " + path + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  void save(Collection<Secret> secrets) {
    StoredState state = new StoredState(FORMAT_VERSION,
        secrets.stream().map(StoredSecret::of).toList());
    try {
      Path dir = path.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
      try {
        ownerOnly(tmp);
        JSON.writeValue(tmp.toFile(), state);
        try {
          Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the secrets file " + path, e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the temp file already gets the user's default ACL.
    }
  }

  record StoredState(int formatVersion, List<StoredSecret> secrets) {
  }

  record StoredTag(String key, String value) {
  }

  record StoredVersion(String versionId, String secretString, String secretBinary, List<String> stages,
      String createdDate) {

    static StoredVersion of(SecretVersion v) {
      String text = v.value() instanceof SecretValue.StringValue s ? s.text() : null;
      String binary = v.value() instanceof SecretValue.BinaryValue b
          ? Base64.getEncoder().encodeToString(b.bytes()) : null;
      return new StoredVersion(v.versionId(), text, binary, v.stages(), v.createdDate().toString());
    }

    SecretVersion toVersion() {
      SecretValue value = secretString != null ? new SecretValue.StringValue(secretString)
          : new SecretValue.BinaryValue(Base64.getDecoder().decode(secretBinary));
      return new SecretVersion(versionId, value, stages == null ? List.of() : stages,
          Instant.parse(createdDate));
    }
  }

  record StoredSecret(String arn, String name, String description, String kmsKeyId,
      List<StoredTag> tags, List<StoredVersion> versions, String createdDate, String lastChangedDate,
      String lastAccessedDate, String deletedDate, String deletionDate) {

    static StoredSecret of(Secret s) {
      ScheduledDeletion d = s.deletion();
      return new StoredSecret(s.arn(), s.name(), s.description(), s.kmsKeyId(),
          s.tags().stream().map(t -> new StoredTag(t.key(), t.value())).toList(),
          s.versions().stream().map(StoredVersion::of).toList(),
          s.createdDate().toString(), s.lastChangedDate().toString(), text(s.lastAccessedDate()),
          d == null ? null : d.deletedDate().toString(), d == null ? null : d.deletionDate().toString());
    }

    Secret toSecret() {
      ScheduledDeletion deletion = deletionDate == null ? null
          : new ScheduledDeletion(Instant.parse(deletedDate), Instant.parse(deletionDate));
      return new Secret(arn, name, description, kmsKeyId,
          tags == null ? List.of() : tags.stream().map(t -> new SecretTag(t.key(), t.value())).toList(),
          versions == null ? List.of() : versions.stream().map(StoredVersion::toVersion).toList(),
          Instant.parse(createdDate), Instant.parse(lastChangedDate),
          lastAccessedDate == null ? null : Instant.parse(lastAccessedDate), deletion);
    }

    private static String text(Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }
}
