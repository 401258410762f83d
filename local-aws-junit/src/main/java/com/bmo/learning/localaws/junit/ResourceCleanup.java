package com.bmo.learning.localaws.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Removes what a test left behind, through the SDK only, so it works on any LocalStack-compatible endpoint:
 * unfinished multipart uploads, every object version and delete marker (versioned buckets), the bucket, and
 * secrets whether pending deletion or not. It never throws: what it could not do comes back as a
 * {@link Outcome}, which the extension reports without touching the test's own result; an operation the
 * endpoint does not implement is named as such and, where there is one, a fallback is used.
 */
final class ResourceCleanup {

  /** Error codes with which endpoints say they lack an operation (AWS, LocalStack, moto, this project's). */
  private static final Set<String> UNSUPPORTED_CODES = Set.of("NotImplemented", "UnknownOperationException",
      "InvalidAction", "UnsupportedOperation", "MethodNotAllowed");

  private ResourceCleanup() {
  }

  /**
   * What a clean-up could not do ({@code problems}; {@link #clean()} when everything is gone), and the
   * operations the endpoint lacks that it worked around ({@code unsupported}).
   */
  record Outcome(String resource, List<String> problems, List<String> unsupported) {
    Outcome {
      problems = List.copyOf(problems);
      unsupported = List.copyOf(unsupported);
    }

    Outcome(String resource, List<String> problems) {
      this(resource, problems, List.of());
    }

    boolean clean() {
      return problems.isEmpty();
    }

    String describe() {
      return "clean-up of " + resource + " incomplete: " + String.join("; ", problems)
          + (unsupported.isEmpty() ? "" : " (the endpoint lacks " + String.join("; ", unsupported) + ")");
    }
  }

  /** Aborts open multipart uploads, deletes every object version and marker, then the bucket. */
  static Outcome deleteBucket(S3Client s3, String name) {
    List<String> problems = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    try {
      abortUploads(s3, name, problems, unsupported);
      deleteObjects(s3, name, problems, unsupported);
      s3.deleteBucket(b -> b.bucket(name));
    } catch (NoSuchBucketException alreadyGone) {
      // the test removed it itself
    } catch (RuntimeException e) {
      // Anything, even a client the test closed: clean-up reports, it never throws.
      problems.add("DeleteBucket failed: " + describe(e));
    }
    return new Outcome("bucket " + name, problems, unsupported);
  }

  private static void abortUploads(S3Client s3, String bucket, List<String> problems, List<String> unsupported) {
    try {
      s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().forEach(u -> {
        try {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
        } catch (RuntimeException e) {
          problems.add("AbortMultipartUpload of " + u.key() + " failed: " + describe(e));
        }
      });
    } catch (NoSuchBucketException gone) {
      throw gone;
    } catch (RuntimeException e) {
      if (!unsupported(e)) {
        problems.add("ListMultipartUploads failed: " + describe(e));
        return;
      }
      // Unfinished uploads, if any, cannot be found; DeleteBucket then says whether anything is left.
      unsupported.add("ListMultipartUploads (" + describe(e) + "): unfinished uploads were not aborted");
    }
  }

  private static void deleteObjects(S3Client s3, String bucket, List<String> problems, List<String> unsupported) {
    try {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        page.deleteMarkers().forEach(m -> ids.add(
            ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        delete(s3, bucket, ids, problems);
      }
    } catch (NoSuchBucketException gone) {
      throw gone;
    } catch (RuntimeException e) {
      if (!unsupported(e)) {
        problems.add("ListObjectVersions failed: " + describe(e));
        return;
      }
      // No versioning on this endpoint: the current objects are all there is.
      unsupported.add("ListObjectVersions (" + describe(e) + "): deleted the current objects only");
      for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
        delete(s3, bucket, page.contents().stream()
            .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList(), problems);
      }
    }
  }

  private static void delete(S3Client s3, String bucket, List<ObjectIdentifier> ids, List<String> problems) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
      response.errors().forEach(err -> problems.add("DeleteObjects refused " + err.key()
          + (err.versionId() == null ? "" : " version " + err.versionId()) + ": " + err.code() + " " + err.message()));
    } catch (RuntimeException e) {
      if (!unsupported(e)) {
        problems.add("DeleteObjects failed: " + describe(e));
        return;
      }
      // No batch delete on this endpoint: one request per object.
      for (ObjectIdentifier id : ids) {
        try {
          s3.deleteObject(b -> b.bucket(bucket).key(id.key()).versionId(id.versionId()));
        } catch (RuntimeException each) {
          problems.add("DeleteObject of " + id.key() + " failed: " + describe(each));
        }
      }
    }
  }

  /** Force-deletes every secret whose name starts with {@code prefix}, pending deletion or not. */
  static Outcome deleteSecrets(SecretsManagerClient client, String prefix) {
    List<String> problems = new ArrayList<>();
    List<SecretListEntry> secrets;
    try {
      secrets = client.listSecretsPaginator(b -> b.includePlannedDeletion(true)
              .filters(f -> f.key(FilterNameStringType.NAME).values(prefix)))
          .stream().flatMap(page -> page.secretList().stream()).toList();
    } catch (RuntimeException e) {
      if (!unsupported(e)) {
        return new Outcome("secrets " + prefix + "*", List.of("ListSecrets failed: " + describe(e)));
      }
      // No filters or no IncludePlannedDeletion here: list everything and filter by name ourselves.
      try {
        secrets = client.listSecretsPaginator(b -> b.includePlannedDeletion(true)).stream()
            .flatMap(page -> page.secretList().stream()).toList();
      } catch (RuntimeException again) {
        return new Outcome("secrets " + prefix + "*", List.of("ListSecrets failed: " + describe(again)));
      }
    }
    for (SecretListEntry s : secrets) {
      if (!s.name().startsWith(prefix)) {
        continue;
      }
      try {
        client.deleteSecret(b -> b.secretId(s.arn() != null ? s.arn() : s.name()).forceDeleteWithoutRecovery(true));
      } catch (ResourceNotFoundException alreadyGone) {
        // deleted by the test
      } catch (RuntimeException e) {
        problems.add("DeleteSecret (force) of " + s.name() + " failed: " + describe(e)
            + (s.deletedDate() != null ? " (it is pending deletion; this endpoint does not force-delete such"
                + " secrets, so it stays until its recovery window ends)" : ""));
      }
    }
    return new Outcome("secrets " + prefix + "*", problems);
  }

  /** Whether the endpoint said it does not implement the operation. */
  static boolean unsupported(RuntimeException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      return service.statusCode() == 501 || (code != null && UNSUPPORTED_CODES.contains(code));
    }
    return false;
  }

  private static String describe(RuntimeException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String op = service.awsErrorDetails().errorCode();
      return (unsupported(e) ? "not implemented by this endpoint: " : "") + op + " (HTTP " + service.statusCode()
          + ") " + String.valueOf(service.awsErrorDetails().errorMessage());
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
