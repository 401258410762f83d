package com.bmo.learning.aws.s3;

/**
 * A range of bytes of an object, as in an HTTP {@code Range} header.
 *
 * @param first offset of the first byte, or -1 for a suffix range ({@link #lastBytes(long)})
 * @param last offset of the last byte, inclusive; -1 for "to the end"; for a suffix range, the byte count
 */
public record ByteRange(long first, long last) {

  public ByteRange {
    if (first < -1 || (first == -1 && last <= 0) || (first >= 0 && last != -1 && last < first)) {
      throw new IllegalArgumentException("not a valid byte range: first=" + first + ", last=" + last);
    }
  }

  /** Bytes {@code first} to {@code last}, both inclusive. */
  public static ByteRange of(long first, long last) {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("need 0 <= first <= last, was " + first + ".." + last);
    }
    return new ByteRange(first, last);
  }

  /** From {@code first} to the end of the object. */
  public static ByteRange from(long first) {
    if (first < 0) {
      throw new IllegalArgumentException("first must be >= 0, was " + first);
    }
    return new ByteRange(first, -1);
  }

  /** The last {@code count} bytes of the object. */
  public static ByteRange lastBytes(long count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    return new ByteRange(-1, count);
  }

  /** The {@code Range} header value, such as {@code bytes=0-99}. */
  public String header() {
    if (first == -1) {
      return "bytes=-" + last;
    }
    return "bytes=" + first + "-" + (last == -1 ? "" : Long.toString(last));
  }

  @Override
  public String toString() {
    return header();
  }
}
