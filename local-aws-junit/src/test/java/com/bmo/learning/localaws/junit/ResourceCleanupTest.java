package com.bmo.learning.localaws.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Clean-up on an endpoint that lacks operations the embedded one has (as some emulators lack versioning or
 * multipart listing): a path the real endpoint cannot produce, so the client is a Mockito stub.
 */
class ResourceCleanupTest {

  private static S3Exception error(int status, String code) {
    return (S3Exception) S3Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " here").build()).build();
  }

  @Test
  void withoutVersioningOrUploadListingItDeletesTheCurrentObjectsAndNamesWhatIsMissing() {
    S3Client s3 = mock(S3Client.class, CALLS_REAL_METHODS);
    doThrow(error(501, "NotImplemented")).when(s3).listMultipartUploads(any(ListMultipartUploadsRequest.class));
    doThrow(error(501, "NotImplemented")).when(s3).listObjectVersions(any(ListObjectVersionsRequest.class));
    doReturn(ListObjectsV2Response.builder().contents(S3Object.builder().key("a.md").build()).isTruncated(false).build())
        .when(s3).listObjectsV2(any(ListObjectsV2Request.class));
    doReturn(DeleteObjectsResponse.builder().build()).when(s3).deleteObjects(any(DeleteObjectsRequest.class));
    doReturn(null).when(s3).deleteBucket(any(DeleteBucketRequest.class));

    ResourceCleanup.Outcome outcome = ResourceCleanup.deleteBucket(s3, "it-bucket");

    assertThat(outcome.clean()).isTrue();
    assertThat(outcome.unsupported()).hasSize(2)
        .anySatisfy(u -> assertThat(u).startsWith("ListObjectVersions").contains("not implemented by this endpoint"))
        .anySatisfy(u -> assertThat(u).startsWith("ListMultipartUploads"));
    verify(s3).deleteObjects(any(DeleteObjectsRequest.class));
  }

  @Test
  void whatCannotBeRemovedIsReportedNotThrown() {
    S3Client s3 = mock(S3Client.class, CALLS_REAL_METHODS);
    doThrow(error(501, "NotImplemented")).when(s3).listMultipartUploads(any(ListMultipartUploadsRequest.class));
    doThrow(error(501, "NotImplemented")).when(s3).listObjectVersions(any(ListObjectVersionsRequest.class));
    doReturn(ListObjectsV2Response.builder().isTruncated(false).build())
        .when(s3).listObjectsV2(any(ListObjectsV2Request.class));
    doThrow(error(409, "BucketNotEmpty")).when(s3).deleteBucket(any(DeleteBucketRequest.class));

    ResourceCleanup.Outcome outcome = ResourceCleanup.deleteBucket(s3, "it-bucket");

    assertThat(outcome.clean()).isFalse();
    assertThat(outcome.describe()).contains("bucket it-bucket", "BucketNotEmpty", "the endpoint lacks",
        "ListMultipartUploads", "unfinished uploads were not aborted");
  }
}
