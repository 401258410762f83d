package com.bmo.learning.aws.s3;

import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;

/** CRC32C values in S3's notation: the 4 big-endian bytes, base64. */
final class Crc32c {

  private Crc32c() {
  }

  static String toBase64(long crc) {
    int v = (int) crc;
    return Base64.getEncoder().encodeToString(
        new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  static String of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return toBase64(crc.getValue());
  }

  /** S3's composite multipart checksum: CRC32C of the parts' raw CRC32C bytes, then {@code -N}. */
  static String composite(List<String> partChecksums) {
    CRC32C crc = new CRC32C();
    for (String part : partChecksums) {
      crc.update(Base64.getDecoder().decode(part));
    }
    return toBase64(crc.getValue()) + "-" + partChecksums.size();
  }

  static boolean isWellFormed(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length == 4;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
