package com.bmo.learning.aws.s3;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A valid S3 object key: 1 to 1,024 bytes once encoded as UTF-8 (S3's limit is on bytes, not characters,
 * so {@code "é".repeat(600)} is too long). Strings that cannot be encoded as UTF-8 (an unpaired surrogate)
 * are rejected too, instead of being silently turned into {@code ?}.
 */
public record ObjectKey(String value) {

  public static final int MAX_UTF8_BYTES = 1024;

  public ObjectKey {
    validate(null, value);
  }

  public static ObjectKey of(String value) {
    return new ObjectKey(value);
  }

  /** Returns {@code key} if valid; otherwise throws {@link InvalidKeyException} naming {@code bucket}. */
  static String validate(String bucket, String key) {
    StorageException.Context ctx = StorageException.Context.of(null, bucket, key);
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException(ctx, "an object key must not be empty", null);
    }
    int bytes;
    try {
      // A reporting encoder, unlike String.getBytes, refuses unpaired surrogates.
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(key));
      bytes = encoded.remaining();
    } catch (CharacterCodingException e) {
      throw new InvalidKeyException(ctx, "an object key must be valid Unicode (it has an unpaired"
          + " surrogate) so that it can be encoded as UTF-8", e);
    }
    if (bytes > MAX_UTF8_BYTES) {
      throw new InvalidKeyException(ctx, "an object key may be at most " + MAX_UTF8_BYTES
          + " bytes in UTF-8, this one is " + bytes, null);
    }
    return key;
  }

  @Override
  public String toString() {
    return value;
  }
}
