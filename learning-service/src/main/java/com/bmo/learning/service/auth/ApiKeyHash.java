package com.bmo.learning.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API keys as stored: only their SHA-256 (hex) is kept in the secret, never the key itself. */
public final class ApiKeyHash {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyHash() {
  }

  /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
  public static String sha256Hex(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A new random key, {@code bmo_} and 32 URL-safe characters (192 bits). */
  public static String newKey() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "bmo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
