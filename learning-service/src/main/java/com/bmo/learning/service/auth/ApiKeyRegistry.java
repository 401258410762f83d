package com.bmo.learning.service.auth;

import com.bmo.learning.aws.secrets.SecretValue;
import com.bmo.learning.service.config.SecretsAccess;
import com.bmo.learning.service.config.ServiceProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The API keys, kept hashed (SHA-256, hex) in the Secrets Manager secret
 * {@code bmo-learning/{env}/api-keys}:
 * <pre>{"keys": [{"id": "author-tool", "role": "user", "sha256": "9f86d0...", "courses": ["math-101"]}, ...]}</pre>
 * {@code id} is the principal documents and audit lines are attributed to; {@code courses} (optional)
 * grants a user the documents of those courses besides its own.
 * Read through the secret cache on every request: rotation (a new secret version) takes effect within the
 * cache's TTL, or at once when written through this service's client, without a restart.
 */
@Component
public class ApiKeyRegistry {

  /** One entry of the secret. */
  record KeyEntry(String id, Role role, byte[] sha256, Set<String> courses) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsAccess secrets;
  private final String secretName;

  public ApiKeyRegistry(SecretsAccess secrets, ServiceProperties properties) {
    this.secrets = secrets;
    this.secretName = secrets.settings().naming().secretName(properties.auth().apiKeysSetting());
  }

  public String secretName() {
    return secretName;
  }

  /** The caller owning {@code presentedKey}, or empty for an unknown key. */
  public Optional<Caller> authenticate(String presentedKey) {
    byte[] presented = ApiKeyHash.sha256Hex(presentedKey).getBytes(StandardCharsets.US_ASCII);
    Caller found = null;
    // Compare with every entry in constant time, so timing does not tell how close a guess came.
    for (KeyEntry entry : entries()) {
      if (MessageDigest.isEqual(presented, entry.sha256()) && found == null) {
        found = new Caller(entry.id(), entry.role(), entry.courses());
      }
    }
    return Optional.ofNullable(found);
  }

  private List<KeyEntry> entries() {
    SecretValue value = secrets.cache().getSecret(secretName);
    JsonNode root;
    try {
      root = JSON.readTree(value.asString());
    } catch (java.io.IOException e) {
      // Never chain the parser's message: it quotes the secret.
      throw new IllegalStateException("Secret " + secretName + " is not JSON");
    }
    JsonNode keys = root == null ? null : root.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new IllegalStateException("Secret " + secretName + " has no \"keys\" array");
    }
    List<KeyEntry> entries = new ArrayList<>();
    for (JsonNode k : keys) {
      Role role = Role.parse(k.path("role").asText(null));
      String hash = k.path("sha256").asText("");
      if (role == null || !hash.matches("[0-9a-fA-F]{64}")) {
        continue;  // a malformed entry never authenticates anyone
      }
      String id = k.path("id").asText("");
      if (id.isBlank()) {
        continue;  // without an id nothing could be attributed to the key
      }
      Set<String> courses = new LinkedHashSet<>();
      k.path("courses").forEach(c -> {
        if (c.isTextual() && !c.asText().isBlank()) {
          courses.add(c.asText().trim());
        }
      });
      entries.add(new KeyEntry(id, role,
          hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII), courses));
    }
    return entries;
  }
}
