package com.bmo.learning.ingestion.chunk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic ids: the same inputs always give the same UUID, so re-ingesting an unchanged file
 * produces the same ids and a vector store can upsert instead of duplicating. The UUID is the first 128
 * bits of a SHA-256 over the length-prefixed inputs, marked as version 8 (RFC 9562, custom) so it is
 * never mistaken for a random one.
 */
public final class StableId {

  private StableId() {
  }

  /** The id of one version of one file: source URI and version (ETag or content hash). */
  public static UUID document(String sourceUri, String version) {
    return uuid("document", sourceUri, version);
  }

  /**
   * The id of one chunk: source URI, version (ETag or content hash), the chunk's position in its file
   * and a digest of its text (so that a different chunk size never reuses an id for other text).
   */
  public static UUID chunk(String sourceUri, String version, int chunkIndex, String text) {
    return uuid("chunk", sourceUri, version, Integer.toString(chunkIndex), text);
  }

  private static UUID uuid(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    for (String part : parts) {
      byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
      // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
      sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha.update(bytes);
    }
    byte[] h = sha.digest();
    h[6] = (byte) ((h[6] & 0x0f) | 0x80);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h);
    return new UUID(b.getLong(), b.getLong());
  }
}
