package com.bmo.learning.aws.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 location: {@code s3://bucket/key} for one object, {@code s3://bucket/prefix/} (trailing slash) or
 * {@code s3://bucket} for every object under a prefix.
 *
 * <p>{@link #parse(String)} checks the bucket name against AWS's naming rules ({@link BucketName}) and
 * the key against S3's limit (1,024 UTF-8 bytes). Keys may hold any Unicode character; {@code %XX}
 * escapes are decoded as UTF-8, so {@code s3://b/My%20Lesson.pdf} and {@code s3://b/My Lesson.pdf} name
 * the same object. A {@code %} not followed by two hex digits stays as it is ({@code 100%.txt}).
 * {@code ?} and {@code #} are part of the key, as in the AWS CLI: an S3 URI has no query or fragment.
 *
 * @param bucket a valid bucket name
 * @param key the object key or prefix; empty for the whole bucket
 */
public record S3Uri(String bucket, String key) {

  public static final String SCHEME = "s3";
  private static final String HEX = "0123456789ABCDEF";

  public S3Uri {
    Objects.requireNonNull(key, "key");
    String input = "s3://" + bucket + "/" + key;
    Optional<BucketName.Rule> broken = BucketName.brokenRule(bucket);
    if (broken.isPresent()) {
      throw new InvalidS3UriException(input, broken.get() == BucketName.Rule.MISSING
          ? InvalidS3UriException.Reason.MISSING_BUCKET : InvalidS3UriException.Reason.INVALID_BUCKET,
          "bucket name '" + bucket + "' " + broken.get().description());
    }
    if (!key.isEmpty()) {
      try {
        ObjectKey.of(key);
      } catch (StorageException e) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        throw new InvalidS3UriException(input, InvalidS3UriException.Reason.INVALID_KEY,
            bytes > ObjectKey.MAX_UTF8_BYTES ? "the key is " + bytes + " bytes in UTF-8; S3 allows at most "
                + ObjectKey.MAX_UTF8_BYTES : "the key is not valid Unicode (it has an unpaired surrogate)");
      }
    }
  }

  /** An object or prefix location from its parts, taken as they are (no percent-decoding). */
  public static S3Uri of(String bucket, String key) {
    return new S3Uri(bucket, key == null ? "" : key);
  }

  /**
   * Parses {@code s3://bucket/key}, {@code s3://bucket/prefix/} or {@code s3://bucket}. Leading and
   * trailing white space is ignored; the scheme is case-insensitive.
   *
   * @throws InvalidS3UriException naming what is wrong
   */
  public static S3Uri parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.EMPTY, "an S3 URI is required");
    }
    String s = uri.strip();
    int colon = s.indexOf("://");
    if (colon < 0) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.SCHEME,
          "expected s3://bucket/key");
    }
    String scheme = s.substring(0, colon);
    if (!SCHEME.equalsIgnoreCase(scheme)) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.SCHEME,
          "scheme '" + scheme + "' is not supported; expected s3://bucket/key");
    }
    String rest = s.substring(colon + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String rawKey = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.MISSING_BUCKET,
          "the bucket name is missing");
    }
    String key = decode(uri, rawKey);
    try {
      return new S3Uri(bucket, key);
    } catch (InvalidS3UriException e) {
      throw new InvalidS3UriException(uri, e.reason(), e.detail());
    }
  }

  /** Parses a URI that must name one object (a non-empty key not ending in {@code /}). */
  public static S3Uri parseObject(String uri) {
    S3Uri parsed = parse(uri);
    if (parsed.isPrefix()) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.MISSING_KEY,
          parsed.key.isEmpty() ? "the object key is missing" : "the key ends with '/': that is a prefix,"
              + " not an object");
    }
    return parsed;
  }

  /** True when the string starts with {@code s3://} (any case), that is, looks like an S3 URI. */
  public static boolean looksLikeS3Uri(String s) {
    return s != null && s.strip().regionMatches(true, 0, "s3://", 0, 5);
  }

  /** True for a whole bucket or a key ending in {@code /}: a location of many objects. */
  public boolean isPrefix() {
    return key.isEmpty() || key.endsWith("/");
  }

  /** The last path segment of the key: {@code lesson.pdf} for {@code s3://b/course/lesson.pdf}. */
  public String fileName() {
    String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    return k.substring(k.lastIndexOf('/') + 1);
  }

  /** The location of another object in the same bucket. */
  public S3Uri withKey(String otherKey) {
    return new S3Uri(bucket, otherKey);
  }

  /**
   * The URI with the key percent-encoded where needed (everything but unreserved characters and
   * {@code /}), so that {@code parse(toEncodedString())} gives this URI back whatever the key holds.
   */
  public String toEncodedString() {
    StringBuilder sb = new StringBuilder("s3://").append(bucket).append('/');
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return sb.toString();
  }

  /** {@code s3://bucket/key} with the key as it is, as the AWS CLI prints it. */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }

  private static String decode(String uri, String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(uri, bytes, out);
      out.append(c);
      i++;
    }
    flush(uri, bytes, out);
    return out.toString();
  }

  private static void flush(String uri, ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() == 0) {
      return;
    }
    try {
      out.append(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw new InvalidS3UriException(uri, InvalidS3UriException.Reason.INVALID_ENCODING,
          "percent-escapes in the key do not decode as UTF-8");
    }
    bytes.reset();
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
