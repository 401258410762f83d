package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UploadSourceTest {

  /** Hands out at most 7 bytes per read, as sockets and pipes do. */
  private static InputStream trickle(byte[] data) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 7));
      }
    };
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @Test
  void unknownLengthStreamIsCutIntoFullPartsAndDetectsItsEnd() throws IOException {
    byte[] data = bytes(250);
    UploadSource source = UploadSource.of(trickle(data), -1);
    UploadSource.Chunk a = source.next(100);
    assertThat(a.length()).isEqualTo(100);
    assertThat(source.atEnd()).isFalse();
    UploadSource.Chunk b = source.next(100);
    UploadSource.Chunk c = source.next(100);
    assertThat(b.length()).isEqualTo(100);
    assertThat(c.length()).isEqualTo(50);
    assertThat(source.atEnd()).isTrue();
    assertThat(source.next(100).length()).isZero();
    byte[] joined = new byte[250];
    System.arraycopy(a.data(), 0, joined, 0, 100);
    System.arraycopy(b.data(), 0, joined, 100, 100);
    System.arraycopy(c.data(), 0, joined, 200, 50);
    assertThat(joined).isEqualTo(data);
  }

  @Test
  void aStreamOfExactlyOnePartIsRecognisedAsEnded() throws IOException {
    UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes(100)), -1);
    assertThat(source.next(100).length()).isEqualTo(100);
    assertThat(source.atEnd()).isTrue();
  }

  @Test
  void aSmallUnknownStreamDoesNotCostAWholePartOfMemory() throws IOException {
    UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes(10)), -1);
    UploadSource.Chunk chunk = source.next(64 * 1024 * 1024);
    assertThat(chunk.length()).isEqualTo(10);
    assertThat(chunk.data().length).isLessThanOrEqualTo(256 * 1024);
  }

  @Test
  void knownLengthReadsNoMoreThanDeclared() throws IOException {
    UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes(100)), 60);
    assertThat(source.next(50).length()).isEqualTo(50);
    assertThat(source.next(50).length()).isEqualTo(10);
    assertThat(source.atEnd()).isTrue();
  }

  @Test
  void byteArrayPartsAreSlicesNotCopies() throws IOException {
    byte[] data = bytes(30);
    UploadSource source = UploadSource.of(data);
    UploadSource.Chunk first = source.next(20);
    UploadSource.Chunk second = source.next(20);
    assertThat(first.data()).isSameAs(data);
    assertThat(second.offset()).isEqualTo(20);
    assertThat(second.length()).isEqualTo(10);
    assertThat(Arrays.copyOfRange(second.data(), 20, 30)).isEqualTo(Arrays.copyOfRange(data, 20, 30));
  }
}
