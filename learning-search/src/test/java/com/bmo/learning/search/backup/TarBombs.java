package com.bmo.learning.search.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Hostile archives for restore tests (this module's test-jar, used by the service's too). */
public final class TarBombs {

  private TarBombs() {
  }

  /**
   * A tar.gz of one entry ({@code segments_1}) of {@code mebibytes} MiB of zeros, built cheaply: the tar
   * header, then one 1 MiB gzip member repeated (concatenated members are one valid gzip stream). 2,048 MiB
   * take about 2 MB.
   */
  public static byte[] zeros(int mebibytes) {
    try {
      TarArchiveEntry entry = new TarArchiveEntry("segments_1");
      entry.setSize((long) mebibytes << 20);
      byte[] header = new byte[512];
      entry.writeEntryHeader(header);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(gzip(header));
      byte[] member = gzip(new byte[1 << 20]);
      for (int i = 0; i < mebibytes; i++) {
        out.write(member);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
