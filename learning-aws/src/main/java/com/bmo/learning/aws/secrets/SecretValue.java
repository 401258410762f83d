package com.bmo.learning.aws.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * One version of a secret: its identity (name, ARN, version id, staging labels) and its value, text or
 * binary. Immutable and safe to share between threads. {@link #toString()} shows the identity and
 * {@value SecretString#REDACTED} in place of the value.
 */
public final class SecretValue {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String arn;
  private final String versionId;
  private final List<String> versionStages;
  private final Instant createdDate;
  private final String text;
  private final byte[] binary;
  /** The parsed JSON object, computed on first field access; a benign race at worst parses twice. */
  private volatile JsonNode json;

  private SecretValue(String name, String arn, String versionId, List<String> versionStages,
      Instant createdDate, String text, byte[] binary) {
    this.name = Objects.requireNonNull(name, "name");
    this.arn = arn;
    this.versionId = versionId;
    this.versionStages = versionStages == null ? List.of() : List.copyOf(versionStages);
    this.createdDate = createdDate;
    if ((text == null) == (binary == null)) {
      throw new IllegalArgumentException("A secret value is either text or binary");
    }
    this.text = text;
    this.binary = binary == null ? null : binary.clone();
  }

  /** A text secret, e.g. for tests and fakes. */
  public static SecretValue ofText(String name, String arn, String versionId, List<String> stages,
      Instant createdDate, String text) {
    return new SecretValue(name, arn, versionId, stages, createdDate,
        Objects.requireNonNull(text, "text"), null);
  }

  /** A binary secret, e.g. for tests and fakes. */
  public static SecretValue ofBinary(String name, String arn, String versionId, List<String> stages,
      Instant createdDate, byte[] binary) {
    return new SecretValue(name, arn, versionId, stages, createdDate, null,
        Objects.requireNonNull(binary, "binary"));
  }

  static SecretValue from(GetSecretValueResponse r) {
    if (r.secretString() != null) {
      return ofText(r.name(), r.arn(), r.versionId(), r.versionStages(), r.createdDate(),
          r.secretString());
    }
    byte[] bytes = r.secretBinary() == null ? new byte[0] : r.secretBinary().asByteArray();
    return ofBinary(r.name(), r.arn(), r.versionId(), r.versionStages(), r.createdDate(), bytes);
  }

  public String name() {
    return name;
  }

  public String arn() {
    return arn;
  }

  public String versionId() {
    return versionId;
  }

  public List<String> versionStages() {
    return versionStages;
  }

  public Optional<Instant> createdDate() {
    return Optional.ofNullable(createdDate);
  }

  public boolean isBinary() {
    return binary != null;
  }

  /** The text value; a {@link SecretFormatException} (NOT_TEXT) for a binary secret. */
  public String asString() {
    if (text == null) {
      throw new SecretFormatException(name, SecretFormatException.Reason.NOT_TEXT, null);
    }
    return text;
  }

  /** The text value, wrapped so that printing it shows nothing. */
  public SecretString asSecretString() {
    return SecretString.of(asString());
  }

  /** A copy of the binary value; a {@link SecretFormatException} (NOT_BINARY) for a text secret. */
  public byte[] asBinary() {
    if (binary == null) {
      throw new SecretFormatException(name, SecretFormatException.Reason.NOT_BINARY, null);
    }
    return binary.clone();
  }

  /**
   * One field of a JSON object secret such as {@code {"username":"app","password":"..."}}: a string
   * field as is, any other JSON value (number, boolean, object, array) as its JSON text.
   *
   * @throws SecretFormatException naming the secret and field when the value is binary, not a JSON
   *     object, or lacks the field (or it is null)
   */
  public String field(String field) {
    Objects.requireNonNull(field, "field");
    if (text == null) {
      throw new SecretFormatException(name, SecretFormatException.Reason.NOT_TEXT, field);
    }
    JsonNode node = parsed(field).get(field);
    if (node == null || node.isNull()) {
      throw new SecretFormatException(name, SecretFormatException.Reason.FIELD_MISSING, field);
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private JsonNode parsed(String field) {
    JsonNode node = json;
    if (node == null) {
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        // The parser's message quotes the input, i.e. the secret: never chain or print it.
        node = null;
      }
      if (node == null || !node.isObject()) {
        throw new SecretFormatException(name, SecretFormatException.Reason.NOT_JSON_OBJECT, field);
      }
      json = node;
    }
    return node;
  }

  /** Same secret, version and value. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue v && name.equals(v.name) && Objects.equals(arn, v.arn)
        && Objects.equals(versionId, v.versionId) && Objects.equals(text, v.text)
        && Arrays.equals(binary, v.binary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, arn, versionId);
  }

  @Override
  public String toString() {
    return "SecretValue[name=" + name + ", versionId=" + versionId + ", versionStages=" + versionStages
        + ", " + (binary != null ? "binary" : "text") + "=" + SecretString.REDACTED + "]";
  }
}
