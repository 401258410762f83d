package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3 on the embedded endpoint, driven through the AWS SDK v2, asserting S3's documented behaviour. */
@LocalAwsTest
class S3EndpointIT {

  @Test
  void putThenGetReturnsSameBytesMetadataAndContentType(S3Client s3, TestBucket bucket) {
    byte[] body = "lesson one".getBytes(StandardCharsets.UTF_8);
    s3.putObject(b -> b.bucket(bucket.name()).key("lessons/1.txt").contentType("text/plain")
        .metadata(Map.of("learner_id", "42", "course", "algebra")), RequestBody.fromBytes(body));

    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("lessons/1.txt"));

    assertThat(got.asByteArray()).isEqualTo(body);
    assertThat(got.response().contentType()).isEqualTo("text/plain");
    assertThat(got.response().metadata()).containsEntry("learner_id", "42").containsEntry("course", "algebra");
    assertThat(got.response().contentLength()).isEqualTo(body.length);
  }

  @Test
  void headObjectReportsSizeAndEtagOfPut(S3Client s3, TestBucket bucket) {
    var put = s3.putObject(b -> b.bucket(bucket.name()).key("k"), RequestBody.fromString("12345"));
    var head = s3.headObject(b -> b.bucket(bucket.name()).key("k"));
    assertThat(head.contentLength()).isEqualTo(5);
    assertThat(head.eTag()).isEqualTo(put.eTag());
    // A single-part ETag is the quoted MD5 of the content.
    assertThat(head.eTag()).isEqualTo("\"827ccb0eea8a706c4c34a16891f84e7b\"");
  }

  @Test
  void getMissingKeyIsNoSuchKey404(S3Client s3, TestBucket bucket) {
    assertThatThrownBy(() -> s3.getObject(b -> b.bucket(bucket.name()).key("missing")))
        .isInstanceOf(NoSuchKeyException.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
  }

  @Test
  void operationsOnMissingBucketAreNoSuchBucket(S3Client s3) {
    assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("no-such-bucket-" + System.nanoTime())))
        .isInstanceOf(NoSuchBucketException.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
  }

  @Test
  void rangedGetReturnsOnlyTheRequestedBytes(S3Client s3, TestBucket bucket) {
    s3.putObject(b -> b.bucket(bucket.name()).key("r"), RequestBody.fromString("0123456789"));
    var part = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("r").range("bytes=2-5"));
    assertThat(part.asUtf8String()).isEqualTo("2345");
    assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
  }

  @Test
  void listObjectsV2PaginatesAndGroupsCommonPrefixes(S3Client s3, TestBucket bucket) {
    for (int i = 0; i < 7; i++) {
      int n = i;
      s3.putObject(b -> b.bucket(bucket.name()).key("docs/" + (n % 2 == 0 ? "even/" : "odd/") + n),
          RequestBody.fromString("x"));
    }
    s3.putObject(b -> b.bucket(bucket.name()).key("docs/top.txt"), RequestBody.fromString("x"));

    List<String> keys = new ArrayList<>();
    int pages = 0;
    for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name()).prefix("docs/").maxKeys(3))) {
      pages++;
      page.contents().stream().map(S3Object::key).forEach(keys::add);
    }
    assertThat(keys).hasSize(8).isSorted();
    assertThat(pages).isEqualTo(3);

    var folders = s3.listObjectsV2(b -> b.bucket(bucket.name()).prefix("docs/").delimiter("/"));
    assertThat(folders.commonPrefixes()).extracting(p -> p.prefix())
        .containsExactly("docs/even/", "docs/odd/");
    assertThat(folders.contents()).extracting(S3Object::key).containsExactly("docs/top.txt");
  }

  @Test
  void deleteObjectsReportsEachKeyAndRemovesThem(S3Client s3, TestBucket bucket) {
    s3.putObject(b -> b.bucket(bucket.name()).key("a"), RequestBody.fromString("a"));
    s3.putObject(b -> b.bucket(bucket.name()).key("b"), RequestBody.fromString("b"));
    var result = s3.deleteObjects(b -> b.bucket(bucket.name()).delete(d -> d.objects(
        ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b").build(),
        ObjectIdentifier.builder().key("never-existed").build())));
    // S3 reports a delete of a missing key as deleted (delete is idempotent).
    assertThat(result.deleted()).extracting(d -> d.key()).containsExactlyInAnyOrder("a", "b", "never-existed");
    assertThat(result.errors()).isEmpty();
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket.name())).keyCount()).isZero();
  }

  @Test
  void copyObjectKeepsContentAndMetadata(S3Client s3, TestBucket bucket) {
    s3.putObject(b -> b.bucket(bucket.name()).key("src").metadata(Map.of("course", "bio")),
        RequestBody.fromString("copy me"));
    s3.copyObject(b -> b.sourceBucket(bucket.name()).sourceKey("src")
        .destinationBucket(bucket.name()).destinationKey("dst"));
    var copy = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("dst"));
    assertThat(copy.asUtf8String()).isEqualTo("copy me");
    assertThat(copy.response().metadata()).containsEntry("course", "bio");
  }

  @Test
  void multipartUploadAssemblesPartsInOrder(S3Client s3, TestBucket bucket) {
    byte[] part1 = new byte[5 * 1024 * 1024];
    new Random(1).nextBytes(part1);
    byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket.name()).key("big")).uploadId();
    String e1 = s3.uploadPart(b -> b.bucket(bucket.name()).key("big").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(part1)).eTag();
    String e2 = s3.uploadPart(b -> b.bucket(bucket.name()).key("big").uploadId(uploadId).partNumber(2),
        RequestBody.fromBytes(part2)).eTag();
    var done = s3.completeMultipartUpload(b -> b.bucket(bucket.name()).key("big").uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
            CompletedPart.builder().partNumber(2).eTag(e2).build())));

    // Multipart ETags end in "-<part count>".
    assertThat(done.eTag()).endsWith("-2\"");
    byte[] whole = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("big")).asByteArray();
    assertThat(whole).hasSize(part1.length + part2.length);
    assertThat(java.util.Arrays.copyOfRange(whole, part1.length, whole.length)).isEqualTo(part2);
  }

  @Test
  void deleteBucketThatIsNotEmptyIsBucketNotEmpty409(S3Client s3, TestBucket bucket) {
    s3.putObject(b -> b.bucket(bucket.name()).key("k"), RequestBody.fromString("x"));
    assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(bucket.name())))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(409);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
        });
  }

  @Test
  void presignedGetAndPutWorkWithAPlainHttpClient(S3Presigner presigner, S3Client s3, TestBucket bucket)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
        .putObjectRequest(r -> r.bucket(bucket.name()).key("presigned.txt")));
    var putResponse = http.send(HttpRequest.newBuilder(put.url().toURI())
        .PUT(HttpRequest.BodyPublishers.ofString("via presigned PUT")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(putResponse.statusCode()).isEqualTo(200);

    var get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
        .getObjectRequest(r -> r.bucket(bucket.name()).key("presigned.txt")));
    var getResponse = http.send(HttpRequest.newBuilder(get.url().toURI()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(getResponse.statusCode()).isEqualTo(200);
    assertThat(getResponse.body()).isEqualTo("via presigned PUT");
    assertThat(s3.headObject(b -> b.bucket(bucket.name()).key("presigned.txt")).contentLength())
        .isEqualTo("via presigned PUT".length());
  }

  @Test
  void concurrentPutsFromManyThreadsAllLand(S3Client s3, TestBucket bucket) {
    IntStream.range(0, 40).parallel().forEach(i ->
        s3.putObject(b -> b.bucket(bucket.name()).key("p/" + i), RequestBody.fromString("v" + i)));
    var keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket.name()).prefix("p/")).contents()
        .stream().map(S3Object::key).toList();
    assertThat(keys).hasSize(40);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("p/17")).asUtf8String()).isEqualTo("v17");
  }

  @Test
  void unicodeAndSpaceKeysRoundTrip(S3Client s3, TestBucket bucket) {
    String key = "cours/été 2026/leçon #1+résumé.md";
    s3.putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromString("bonjour"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(key)).asUtf8String()).isEqualTo("bonjour");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket.name())).contents()).extracting(S3Object::key)
        .containsExactly(key);
  }

  @Test
  void plainHttpGetOfHealthDoesNotDisturbS3(S3Client s3, TestBucket bucket,
      com.bmo.learning.localaws.junit.LocalAwsTarget target) throws Exception {
    // The health route and S3 share one port; a bucket called "_localstack" is not a valid name anyway.
    var http = HttpClient.newHttpClient();
    var health = http.send(HttpRequest.newBuilder(URI.create(target.endpoint() + "/_localstack/health"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    s3.putObject(b -> b.bucket(bucket.name()).key("k"), RequestBody.fromString("still S3"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("k")).asUtf8String()).isEqualTo("still S3");
  }
}
