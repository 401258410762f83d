package com.bmo.learning.localaws.secretsmanager;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The protected content of one secret version: text ({@code SecretString}) or bytes ({@code SecretBinary}). */
sealed interface SecretValue permits SecretValue.StringValue, SecretValue.BinaryValue {

  /** Size as Secrets Manager counts it against its 65,536-byte limit. */
  int sizeInBytes();

  record StringValue(String text) implements SecretValue {
    public StringValue {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public int sizeInBytes() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
      return "StringValue[redacted]";
    }
  }

  record BinaryValue(byte[] bytes) implements SecretValue {
    public BinaryValue {
      bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public int sizeInBytes() {
      return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BinaryValue other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "BinaryValue[redacted, " + bytes.length + " bytes]";
    }
  }
}
