package com.bmo.learning.localaws.init;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.bmo.learning.localaws.LocalAwsStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declarative description of what a fresh endpoint should hold: buckets, secrets and seed objects.
 * Read from JSON or YAML; applied idempotently by {@link InitApplier} through the AWS SDK, so the same
 * file can seed LocalStack or a real account too.
 *
 * <pre>
 * buckets: [bmo-learning-documents, bmo-learning-backups]
 * secrets:
 *   - name: bmo-learning/local/openai-api-key
 *     value: sk-local-dev
 *   - name: bmo-learning/local/database
 *     json: {username: bmo, password: local}
 *     tags: {env: local}
 * objects:
 *   - bucket: bmo-learning-documents
 *     key: samples/intro.md
 *     content: "# Welcome"
 *     metadata: {course: intro}
 * </pre>
 */
public record InitSpec(String source, List<String> buckets, List<SecretSeed> secrets,
    List<ObjectSeed> objects) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public InitSpec {
    source = source == null ? "inline" : source;
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    objects = objects == null ? List.of() : List.copyOf(objects);
  }

  public static InitSpec empty() {
    return new InitSpec("none", List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return buckets.isEmpty() && secrets.isEmpty() && objects.isEmpty();
  }

  /** Reads a JSON ({@code .json}) or YAML (anything else) init file; file paths inside are relative to it. */
  public static InitSpec read(Path file) {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    try {
      return parse(Files.readAllBytes(file), json, file.getFileName().toString(),
          file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new LocalAwsStartException("Cannot read init file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses init content.
   *
   * @param base directory that relative {@code file} entries are resolved against
   */
  public static InitSpec parse(byte[] content, boolean json, String source, Path base) {
    try {
      Document doc = (json ? JSON : YAML).readValue(content, Document.class);
      List<ObjectSeed> objects = doc.objects == null ? List.of() : doc.objects.stream()
          .map(o -> o.file() == null ? o : o.withFile(base.resolve(o.file()).normalize().toString()))
          .toList();
      return new InitSpec(source, doc.buckets, doc.secrets, objects);
    } catch (IOException | IllegalArgumentException e) {
      throw new LocalAwsStartException("Invalid init " + source + ": " + e.getMessage(), e);
    }
  }

  /** This specification followed by {@code other}; later entries win where both name the same thing. */
  public InitSpec merge(InitSpec other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<String> b = new ArrayList<>(buckets);
    other.buckets.stream().filter(x -> !b.contains(x)).forEach(b::add);
    List<SecretSeed> s = new ArrayList<>(secrets);
    s.addAll(other.secrets);
    List<ObjectSeed> o = new ArrayList<>(objects);
    o.addAll(other.objects);
    return new InitSpec(source + "+" + other.source, b, s, o);
  }

  /**
   * A secret to create (or, when it exists, to give a new current value). Exactly one of
   * {@code value} (a string), {@code json} (an object stored as its JSON text) or {@code binaryBase64}.
   */
  public record SecretSeed(String name, String value, JsonNode json, String binaryBase64,
      String description, Map<String, String> tags) {

    public SecretSeed {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("secret seed needs a name");
      }
      int given = (value != null ? 1 : 0) + (json != null ? 1 : 0) + (binaryBase64 != null ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException(
            "secret seed " + name + " needs exactly one of value, json, binaryBase64");
      }
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static SecretSeed ofString(String name, String value) {
      return new SecretSeed(name, value, null, null, null, null);
    }

    /** The string value to store: {@code value}, or {@code json} serialised. */
    String secretString() {
      return json != null ? json.toString() : value;
    }
  }

  /** An object to put: inline {@code content} (UTF-8 text) or a local {@code file}. */
  public record ObjectSeed(String bucket, String key, String content, String file,
      String contentType, Map<String, String> metadata) {

    public ObjectSeed {
      if (bucket == null || key == null) {
        throw new IllegalArgumentException("object seed needs bucket and key");
      }
      if ((content == null) == (file == null)) {
        throw new IllegalArgumentException(
            "object seed s3://" + bucket + "/" + key + " needs exactly one of content, file");
      }
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ObjectSeed ofText(String bucket, String key, String content) {
      return new ObjectSeed(bucket, key, content, null, null, null);
    }

    ObjectSeed withFile(String resolved) {
      return new ObjectSeed(bucket, key, null, resolved, contentType, metadata);
    }
  }

  private static final class Document {
    final List<String> buckets;
    final List<SecretSeed> secrets;
    final List<ObjectSeed> objects;

    @JsonCreator
    Document(@JsonProperty("buckets") List<String> buckets,
        @JsonProperty("secrets") List<SecretSeed> secrets,
        @JsonProperty("objects") List<ObjectSeed> objects) {
      this.buckets = buckets;
      this.secrets = secrets;
      this.objects = objects;
    }
  }
}
