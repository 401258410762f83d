package com.bmo.learning.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Where an upload's bytes come from, read one part at a time so that memory is bounded by the part size.
 * Not thread-safe: one reader thread per upload.
 */
abstract sealed class UploadSource {

  /** A slice of bytes owned by the upload until it has been sent. */
  record Chunk(byte[] data, int offset, int length) {
    static final Chunk EMPTY = new Chunk(new byte[0], 0, 0);
  }

  /** The total length if known in advance, else -1. */
  abstract long knownLength();

  /** Up to {@code max} bytes; fewer only at the end of the data; empty at the end. */
  abstract Chunk next(int max) throws IOException;

  /** True when no byte is left. */
  abstract boolean atEnd() throws IOException;

  static UploadSource of(byte[] bytes) {
    return new Bytes(bytes);
  }

  /** {@code length} -1 for a stream of unknown length. */
  static UploadSource of(InputStream in, long length) {
    return new Stream(in, length);
  }

  /** A byte array: parts are slices of it, never copies. */
  static final class Bytes extends UploadSource {
    private final byte[] bytes;
    private int position;

    Bytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    long knownLength() {
      return bytes.length;
    }

    @Override
    Chunk next(int max) {
      int n = Math.min(max, bytes.length - position);
      Chunk chunk = new Chunk(bytes, position, n);
      position += n;
      return chunk;
    }

    @Override
    boolean atEnd() {
      return position >= bytes.length;
    }
  }

  /**
   * A stream, read into one new buffer per part. With an unknown length the first part's buffer grows as
   * data arrives, so a small stream does not cost a whole part of memory.
   */
  static final class Stream extends UploadSource {
    private static final int INITIAL = 256 * 1024;

    private final InputStream in;
    private final long length;
    private long consumed;
    /** A byte read ahead to detect the end of a stream of unknown length, or -1. */
    private int pending = -1;
    private boolean eof;

    Stream(InputStream in, long length) {
      this.in = in;
      this.length = length;
    }

    @Override
    long knownLength() {
      return length;
    }

    @Override
    Chunk next(int max) throws IOException {
      int want = length >= 0 ? (int) Math.min(max, length - consumed) : max;
      if (want <= 0 || eof && pending < 0) {
        return Chunk.EMPTY;
      }
      // Unknown length and nothing read yet: start small and grow.
      byte[] buf = new byte[length < 0 && consumed == 0 ? Math.min(want, INITIAL) : want];
      int n = 0;
      if (pending >= 0) {
        buf[n++] = (byte) pending;
        pending = -1;
      }
      while (n < want && !eof) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min(want, (long) buf.length * 2));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          eof = true;
        } else {
          n += r;
        }
      }
      consumed += n;
      return new Chunk(buf, 0, n);
    }

    @Override
    boolean atEnd() throws IOException {
      if (length >= 0) {
        return consumed >= length;
      }
      if (eof) {
        return pending < 0;
      }
      if (pending < 0) {
        pending = in.read();
        eof = pending < 0;
      }
      return pending < 0;
    }
  }
}
