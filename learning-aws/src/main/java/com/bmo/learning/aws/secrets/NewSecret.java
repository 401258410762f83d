package com.bmo.learning.aws.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A secret to create: a name, exactly one value (text or binary), and optionally a description, tags and
 * a KMS key. {@code toString()} never shows the value.
 */
public final class NewSecret {

  private final String name;
  private final SecretString text;
  private final byte[] binary;
  private final String description;
  private final Map<String, String> tags;
  private final String kmsKeyId;

  private NewSecret(Builder b) {
    this.name = b.name;
    this.text = b.text;
    this.binary = b.binary;
    this.description = b.description;
    this.tags = Map.copyOf(b.tags);
    this.kmsKeyId = b.kmsKeyId;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A text secret with nothing else set. */
  public static NewSecret text(String name, String value) {
    return builder(name).text(value).build();
  }

  /** A binary secret with nothing else set. */
  public static NewSecret binary(String name, byte[] value) {
    return builder(name).binary(value).build();
  }

  public String name() {
    return name;
  }

  String textValue() {
    return text == null ? null : text.reveal();
  }

  byte[] binaryValue() {
    return binary == null ? null : binary.clone();
  }

  public String description() {
    return description;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public String kmsKeyId() {
    return kmsKeyId;
  }

  @Override
  public String toString() {
    return "NewSecret[name=" + name + ", " + (binary != null ? "binary" : "text") + "="
        + SecretString.REDACTED + ", description=" + description + ", tags=" + tags.keySet() + "]";
  }

  /** Builds a {@link NewSecret}; validation of the whole happens in {@link SecretsClient#create}. */
  public static final class Builder {
    private final String name;
    private SecretString text;
    private byte[] binary;
    private String description;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String kmsKeyId;

    private Builder(String name) {
      this.name = name;
    }

    public Builder text(String value) {
      this.text = SecretString.of(Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder binary(byte[] value) {
      this.binary = Objects.requireNonNull(value, "value").clone();
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    public NewSecret build() {
      return new NewSecret(this);
    }
  }
}
