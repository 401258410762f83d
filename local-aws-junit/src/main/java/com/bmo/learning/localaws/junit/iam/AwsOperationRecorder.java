package com.bmo.learning.localaws.junit.iam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;

/**
 * Records every AWS operation the code under test performs (service, operation, resource ARN) into the file
 * named by the system property {@value #FILE_PROPERTY}, for {@link PolicyCheck} to compare with the IAM
 * policy. Registered for every SDK client of a test JVM through the SDK's global
 * {@code execution.interceptors} file; inert when the property is not set. Only calls the code under test
 * makes count (see {@link #calledByTheCode()}): not the tests' own set-up, not the harness's clean-up. Each operation is recorded when it starts, whether it then succeeds or not: a call that fails
 * still needed the permission.
 */
public final class AwsOperationRecorder implements ExecutionInterceptor {

  public static final String FILE_PROPERTY = "aws.operations.file";
  /** ARNs in recordings use LocalStack's account id; the policy's patterns never name an account. */
  static final String ACCOUNT = "000000000000";
  /** Suffix of the operation recorded for a copy's source object. */
  static final String SOURCE = "(source)";

  private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
  private static final Object LOCK = new Object();

  static {
    // A new test JVM starts a new recording: what an earlier build left is removed even if this one
    // records nothing.
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null && !file.isBlank()) {
      try {
        Files.deleteIfExists(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start recording AWS operations in " + file, e);
      }
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null || file.isBlank() || !calledByTheCode()) {
      return;
    }
    String service = attributes.getAttribute(AwsExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String region = String.valueOf(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION));
    List<String> lines = new ArrayList<>();
    for (AwsOperation op : operations(service, operation, context.request(), region)) {
      String line = op.toLine();
      if (SEEN.add(line)) {
        lines.add(line);
      }
    }
    if (!lines.isEmpty()) {
      append(Path.of(file), lines);
    }
  }

  /**
   * Whether the project code nearest to this call on the stack is the code under test: a class of the
   * project that is neither test code (loaded from {@code test-classes} or a {@code -tests.jar}) nor the harness or the endpoint
   * ({@code com.bmo.learning.localaws}). So a library call is recorded even when the test handed the library
   * the harness's client, while a test's own set-up and assertions, the harness's clean-up and endpoint
   * seeding are not.
   */
  static boolean calledByTheCode() {
    return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
        .filter(c -> c != AwsOperationRecorder.class && c.getName().startsWith("com.bmo.learning."))
        .findFirst()
        .map(AwsOperationRecorder::isCodeUnderTest)
        .orElse(false));
  }

  private static boolean isCodeUnderTest(Class<?> type) {
    if (type.getName().startsWith("com.bmo.learning.localaws.")) {
      return false;
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return true;
    }
    // Test code is a module's test-classes, or another module's tests shared as a Maven test-jar
    // (learning-cli's tests start the service through learning-service's TestEnvironment).
    String location = source.getLocation().toString();
    return !location.contains("/test-classes/") && !location.endsWith("-tests.jar");
  }

  /** The operation on each resource a request acts on (a copy's source is an operation of its own). */
  static List<AwsOperation> operations(String service, String operation, SdkRequest request, String region) {
    List<AwsOperation> ops = new ArrayList<>();
    String prefix = IamActions.prefix(service);
    if ("s3".equals(prefix)) {
      String bucket = field(request, "Bucket");
      if (bucket == null) {
        // ListBuckets acts on *; a presigner's request (no bucket field here) signs a GET/PUT whose
        // permission the same object's own calls already show.
        return "ListBuckets".equals(operation) ? List.of(new AwsOperation(service, operation, "*")) : List.of();
      }
      if (request instanceof DeleteObjectsRequest delete && delete.delete() != null) {
        delete.delete().objects().forEach(o ->
            ops.add(new AwsOperation(service, operation, S3Arns.object(bucket, o.key()))));
        return ops;
      }
      String key = field(request, "Key");
      ops.add(new AwsOperation(service, operation, key == null ? S3Arns.bucket(bucket) : S3Arns.object(bucket, key)));
      String sourceBucket = field(request, "SourceBucket");
      if (sourceBucket != null) {
        ops.add(new AwsOperation(service, operation + SOURCE,
            S3Arns.object(sourceBucket, String.valueOf(field(request, "SourceKey")))));
      }
      return ops;
    }
    if ("secretsmanager".equals(prefix)) {
      if (request instanceof BatchGetSecretValueRequest batch && batch.hasSecretIdList()) {
        return batch.secretIdList().stream()
            .map(id -> new AwsOperation(service, operation, secretArn(id, region))).toList();
      }
      String id = field(request, "SecretId");
      if (id == null) {
        id = field(request, "Name");
      }
      return List.of(new AwsOperation(service, operation, id == null ? "*" : secretArn(id, region)));
    }
    return List.of(new AwsOperation(service, operation, "*"));
  }

  static String secretArn(String id, String region) {
    return id.startsWith("arn:") ? id : "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + id;
  }

  private static String field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class).orElse(null);
  }

  private static void append(Path file, List<String> lines) {
    synchronized (LOCK) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot record AWS operations in " + file, e);
      }
    }
  }

  /** S3 ARNs. */
  static final class S3Arns {
    private S3Arns() {
    }

    static String bucket(String bucket) {
      return "arn:aws:s3:::" + bucket;
    }

    static String object(String bucket, String key) {
      return "arn:aws:s3:::" + bucket + "/" + key;
    }
  }
}
