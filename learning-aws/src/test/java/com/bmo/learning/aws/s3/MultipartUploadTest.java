package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The multipart protocol as S3 (not S3Mock) expects it: full-object CRC32C on completion, aborting on
 * failure. Mockito stands in for S3 because the local endpoint does not support full-object checksums
 * (adobe/S3Mock#2843) and cannot be made to fail a part.
 */
class MultipartUploadTest {

  private static final long MIB = S3StorageConfig.MIB;

  // Interface default methods (the Consumer<Builder> overloads) run for real and call the stubs below.
  private final S3Client s3 = mock(S3Client.class, withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS));
  private final Map<Integer, byte[]> received = new ConcurrentHashMap<>();
  private S3Storage storage;

  private S3Storage storage(MultipartChecksum mode) {
    storage = new S3Storage(s3, null, S3StorageConfig.builder().environment(Map.of())
        .partSize(5 * MIB).multipartThreshold(5 * MIB).partConcurrency(3).multipartChecksum(mode).build());
    doReturn(CreateMultipartUploadResponse.builder().uploadId("u-1").build())
        .when(s3).createMultipartUpload(any(CreateMultipartUploadRequest.class));
    doReturn(AbortMultipartUploadResponse.builder().build())
        .when(s3).abortMultipartUpload(any(AbortMultipartUploadRequest.class));
    return storage;
  }

  private void partsSucceed() {
    doAnswer(inv -> {
      UploadPartRequest req = inv.getArgument(0);
      RequestBody body = inv.getArgument(1);
      try (InputStream in = body.contentStreamProvider().newStream()) {
        received.put(req.partNumber(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return UploadPartResponse.builder().eTag("\"etag-" + req.partNumber() + "\"")
          .checksumCRC32C(req.checksumCRC32C()).build();
    }).when(s3).uploadPart(any(UploadPartRequest.class), any(RequestBody.class));
  }

  private static byte[] data(int size) {
    byte[] b = new byte[size];
    new Random(42).nextBytes(b);
    return b;
  }

  private static String crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return Crc32c.toBase64(c.getValue());
  }

  @Test
  void fullObjectModeSendsPartChecksumsAndTheWholeObjectsChecksumOnCompletion() {
    byte[] data = data((int) (12 * MIB + 123));
    String whole = crc(data, 0, data.length);
    S3Storage storage = storage(MultipartChecksum.FULL_OBJECT);
    partsSucceed();
    doReturn(CompleteMultipartUploadResponse.builder().eTag("\"done-3\"").checksumCRC32C(whole)
        .checksumType(ChecksumType.FULL_OBJECT).build())
        .when(s3).completeMultipartUpload(any(CompleteMultipartUploadRequest.class));

    UploadResult result = storage.upload("lessons", "video.mp4", new ByteArrayInputStream(data),
        UploadOptions.builder().metadata("learner_id", "42").build());

    ArgumentCaptor<CreateMultipartUploadRequest> create =
        ArgumentCaptor.forClass(CreateMultipartUploadRequest.class);
    verify(s3).createMultipartUpload(create.capture());
    assertThat(create.getValue().checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32_C);
    assertThat(create.getValue().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(create.getValue().contentType()).isEqualTo("video/mp4");
    assertThat(create.getValue().metadata()).containsEntry("learner_id", "42");

    ArgumentCaptor<CompleteMultipartUploadRequest> complete =
        ArgumentCaptor.forClass(CompleteMultipartUploadRequest.class);
    verify(s3).completeMultipartUpload(complete.capture());
    assertThat(complete.getValue().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(complete.getValue().checksumCRC32C()).isEqualTo(whole);
    List<CompletedPart> parts = complete.getValue().multipartUpload().parts();
    assertThat(parts).extracting(CompletedPart::partNumber).containsExactly(1, 2, 3);
    int fiveMib = (int) (5 * MIB);
    assertThat(parts.get(0).checksumCRC32C()).isEqualTo(crc(data, 0, fiveMib));
    assertThat(parts.get(2).checksumCRC32C()).isEqualTo(crc(data, 2 * fiveMib, data.length - 2 * fiveMib));
    assertThat(parts).extracting(CompletedPart::eTag).containsExactly("\"etag-1\"", "\"etag-2\"", "\"etag-3\"");
    assertThat(received.get(1)).hasSize(fiveMib);
    assertThat(received.get(3)).hasSize(data.length - 2 * fiveMib);

    assertThat(result.parts()).isEqualTo(3);
    assertThat(result.size()).isEqualTo(data.length);
    assertThat(result.crc32c()).isEqualTo(whole);
    assertThat(result.eTag()).isEqualTo("done-3");
    verify(s3, never()).abortMultipartUpload(any(AbortMultipartUploadRequest.class));
  }

  @Test
  void aFailedPartAbortsTheUpload() {
    S3Storage storage = storage(MultipartChecksum.FULL_OBJECT);
    doAnswer(inv -> {
      UploadPartRequest req = inv.getArgument(0);
      if (req.partNumber() == 2) {
        throw S3Exception.builder().statusCode(500).message("boom").build();
      }
      return UploadPartResponse.builder().eTag("\"e\"").build();
    }).when(s3).uploadPart(any(UploadPartRequest.class), any(RequestBody.class));

    TransientStorageException e = catchThrowableOfType(() -> storage.upload("lessons", "big.bin",
        new ByteArrayInputStream(data((int) (16 * MIB))), UploadOptions.none()),
        TransientStorageException.class);
    assertThat(e.operation()).contains("UploadPart");
    assertThat(e.key()).contains("big.bin");
    ArgumentCaptor<AbortMultipartUploadRequest> abort = ArgumentCaptor.forClass(AbortMultipartUploadRequest.class);
    verify(s3).abortMultipartUpload(abort.capture());
    assertThat(abort.getValue().uploadId()).isEqualTo("u-1");
    verify(s3, never()).completeMultipartUpload(any(CompleteMultipartUploadRequest.class));
  }

  @Test
  void aChecksumS3DisagreesWithIsReportedAndNotAborted() {
    S3Storage storage = storage(MultipartChecksum.COMPOSITE);
    partsSucceed();
    doReturn(CompleteMultipartUploadResponse.builder().eTag("\"x\"").checksumCRC32C("AAAAAA==-2").build())
        .when(s3).completeMultipartUpload(any(CompleteMultipartUploadRequest.class));
    ChecksumMismatchException e = catchThrowableOfType(() -> storage.upload("lessons", "b.bin",
        data((int) (6 * MIB)), UploadOptions.none()), ChecksumMismatchException.class);
    assertThat(e.actual()).contains("AAAAAA==-2");
    assertThat(e.expected().orElseThrow()).endsWith("-2");
    // Already completed: there is no upload left to abort.
    verify(s3, never()).abortMultipartUpload(any(AbortMultipartUploadRequest.class));
  }

  @Test
  void compositeModeDoesNotSendAWholeObjectChecksum() {
    byte[] data = data((int) (6 * MIB));
    S3Storage storage = storage(MultipartChecksum.COMPOSITE);
    partsSucceed();
    String composite = Crc32c.composite(List.of(crc(data, 0, (int) (5 * MIB)),
        crc(data, (int) (5 * MIB), (int) MIB)));
    doReturn(CompleteMultipartUploadResponse.builder().eTag("\"x\"").checksumCRC32C(composite).build())
        .when(s3).completeMultipartUpload(any(CompleteMultipartUploadRequest.class));
    UploadResult r = storage.upload("lessons", "b.bin", data, UploadOptions.none());
    ArgumentCaptor<CompleteMultipartUploadRequest> complete =
        ArgumentCaptor.forClass(CompleteMultipartUploadRequest.class);
    verify(s3).completeMultipartUpload(complete.capture());
    assertThat(complete.getValue().checksumCRC32C()).isNull();
    assertThat(r.checksum().value()).isEqualTo(composite);
    assertThat(r.checksum().isComposite()).isTrue();
  }
}
