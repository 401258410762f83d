package com.bmo.learning.aws.s3;

import java.util.Objects;

/**
 * An object's checksum as S3 stores it.
 *
 * @param algorithm {@code CRC32C}, {@code CRC32}, {@code CRC64NVME}, {@code SHA256} or {@code SHA1}
 * @param value base64, exactly as S3 reports it: a composite multipart checksum ends in {@code -N},
 *     N being the number of parts
 */
public record ObjectChecksum(String algorithm, String value) {

  public ObjectChecksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
  }

  static ObjectChecksum crc32c(String value) {
    return new ObjectChecksum("CRC32C", value);
  }

  /** True for a checksum of part checksums ({@code -N} suffix), which says nothing about the whole. */
  public boolean isComposite() {
    return value.matches(".*-\\d+$");
  }
}
