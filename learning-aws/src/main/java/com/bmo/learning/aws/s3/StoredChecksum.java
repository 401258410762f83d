package com.bmo.learning.aws.s3;

import java.util.Base64;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Reads the checksum S3 stored for an object from a response, and checks downloaded bytes against it.
 * Any algorithm S3 offers is checked (objects uploaded by other tools often carry the SDK's default
 * CRC32, or CRC64NVME), as long as it is a full-object checksum.
 */
final class StoredChecksum {

  private StoredChecksum() {
  }

  static ObjectChecksum of(GetObjectResponse r) {
    return pick(r.checksumCRC32C(), r.checksumCRC32(), r.checksumCRC64NVME(), r.checksumSHA256(),
        r.checksumSHA1());
  }

  static ObjectChecksum of(HeadObjectResponse r) {
    return pick(r.checksumCRC32C(), r.checksumCRC32(), r.checksumCRC64NVME(), r.checksumSHA256(),
        r.checksumSHA1());
  }

  private static ObjectChecksum pick(String crc32c, String crc32, String crc64, String sha256,
      String sha1) {
    if (crc32c != null) {
      return new ObjectChecksum("CRC32C", crc32c);
    }
    if (crc32 != null) {
      return new ObjectChecksum("CRC32", crc32);
    }
    if (crc64 != null) {
      return new ObjectChecksum("CRC64NVME", crc64);
    }
    if (sha256 != null) {
      return new ObjectChecksum("SHA256", sha256);
    }
    if (sha1 != null) {
      return new ObjectChecksum("SHA1", sha1);
    }
    return null;
  }

  /** A verifier for {@code stored}; one that cannot verify when there is nothing to compare with. */
  static Verifier verifier(ObjectChecksum stored) {
    if (stored == null || stored.isComposite()) {
      return new Verifier(null);
    }
    ChecksumAlgorithm algorithm = switch (stored.algorithm()) {
      case "CRC32C" -> DefaultChecksumAlgorithm.CRC32C;
      case "CRC32" -> DefaultChecksumAlgorithm.CRC32;
      case "CRC64NVME" -> DefaultChecksumAlgorithm.CRC64NVME;
      case "SHA256" -> DefaultChecksumAlgorithm.SHA256;
      case "SHA1" -> DefaultChecksumAlgorithm.SHA1;
      default -> null;
    };
    return new Verifier(algorithm == null ? null : SdkChecksum.forAlgorithm(algorithm));
  }

  /** Accumulates the checksum of the bytes received. */
  static final class Verifier {
    private final SdkChecksum checksum;

    private Verifier(SdkChecksum checksum) {
      this.checksum = checksum;
    }

    boolean canVerify() {
      return checksum != null;
    }

    void update(byte[] b, int off, int len) {
      if (checksum != null) {
        checksum.update(b, off, len);
      }
    }

    String value() {
      return Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
    }
  }
}
