package com.bmo.learning.localaws.secretsmanager;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A ListSecrets {@code NextToken}: the sort order and the position of the last secret returned. The
 * next page starts after that position, so a token stays valid when secrets are created or deleted
 * between calls (nothing is skipped or repeated that was there throughout).
 */
record PageCursor(SecretSortKey sortKey, boolean ascending, SecretSortKey.Position after) {

  private static final String VERSION = "c1";

  String encode() {
    String plain = String.join("\n", VERSION, sortKey.wireName(), ascending ? "asc" : "desc",
        Long.toString(after.key()), after.name());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws SecretsManagerException InvalidNextTokenException when the token is not one of ours */
  static PageCursor decode(String token) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = plain.split("\n", -1);
      if (parts.length != 5 || !VERSION.equals(parts[0])
          || !(parts[2].equals("asc") || parts[2].equals("desc"))) {
        throw SecretsManagerException.invalidNextToken();
      }
      SecretSortKey key = SecretSortKey.fromWireName(parts[1])
          .orElseThrow(SecretsManagerException::invalidNextToken);
      return new PageCursor(key, parts[2].equals("asc"),
          new SecretSortKey.Position(Long.parseLong(parts[3]), parts[4]));
    } catch (IllegalArgumentException e) {
      throw SecretsManagerException.invalidNextToken();
    }
  }
}
