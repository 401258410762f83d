package com.bmo.learning.localaws.junit.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM permissions an AWS operation needs, after AWS's service authorization reference: most operations
 * need the action of their own name, some need another ({@code HeadObject} is {@code s3:GetObject},
 * {@code ListObjectsV2} is {@code s3:ListBucket}, the multipart steps are {@code s3:PutObject}) or several.
 */
final class IamActions {

  /** A permission: an action on a resource. */
  record Permission(String action, String resource) {
    @Override
    public String toString() {
      return action + " on " + resource;
    }
  }

  private static final Map<String, List<String>> S3 = Map.ofEntries(
      Map.entry("HeadObject", List.of("s3:GetObject")),
      Map.entry("GetObjectAttributes", List.of("s3:GetObject", "s3:GetObjectAttributes")),
      Map.entry("CreateMultipartUpload", List.of("s3:PutObject")),
      Map.entry("UploadPart", List.of("s3:PutObject")),
      Map.entry("CompleteMultipartUpload", List.of("s3:PutObject")),
      Map.entry("ListParts", List.of("s3:ListMultipartUploadParts")),
      Map.entry("DeleteObjects", List.of("s3:DeleteObject")),
      Map.entry("ListObjects", List.of("s3:ListBucket")),
      Map.entry("ListObjectsV2", List.of("s3:ListBucket")),
      Map.entry("HeadBucket", List.of("s3:ListBucket")),
      Map.entry("ListObjectVersions", List.of("s3:ListBucketVersions")),
      Map.entry("ListMultipartUploads", List.of("s3:ListBucketMultipartUploads")),
      Map.entry("ListBuckets", List.of("s3:ListAllMyBuckets")),
      Map.entry("CopyObject", List.of("s3:PutObject")),
      Map.entry("UploadPartCopy", List.of("s3:PutObject")),
      // The source object of a copy, recorded as an operation of its own: it is read.
      Map.entry("CopyObject" + AwsOperationRecorder.SOURCE, List.of("s3:GetObject")),
      Map.entry("UploadPartCopy" + AwsOperationRecorder.SOURCE, List.of("s3:GetObject")));

  private IamActions() {
  }

  static List<Permission> of(AwsOperation op) {
    String service = prefix(op.service());
    if ("s3".equals(service)) {
      return s3(op);
    }
    if ("secretsmanager".equals(service)) {
      String action = "secretsmanager:" + op.operation();
      if ("BatchGetSecretValue".equals(op.operation()) && !"*".equals(op.resource())) {
        // One GetSecretValue per secret, and BatchGetSecretValue itself on *.
        return List.of(new Permission(action, "*"), new Permission("secretsmanager:GetSecretValue", op.resource()));
      }
      return List.of(new Permission(action, op.resource()));
    }
    return List.of(new Permission(service + ":" + op.operation(), op.resource()));
  }

  /** IAM's service prefix from the SDK's service name ({@code S3}, {@code SecretsManager}, {@code Secrets Manager}). */
  static String prefix(String sdkServiceName) {
    return sdkServiceName.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }

  private static List<Permission> s3(AwsOperation op) {
    List<Permission> permissions = new ArrayList<>();
    for (String action : S3.getOrDefault(op.operation(), List.of("s3:" + op.operation()))) {
      permissions.add(new Permission(action, op.resource()));
    }
    return permissions;
  }
}
