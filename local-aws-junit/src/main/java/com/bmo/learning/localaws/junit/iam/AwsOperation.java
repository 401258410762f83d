package com.bmo.learning.localaws.junit.iam;

import java.util.List;

/**
 * One AWS call as IAM sees it: the service's operation and the resource ARN it acts on
 * ({@code arn:aws:s3:::bucket/key}, {@code arn:aws:secretsmanager:region:account:secret:name}, or {@code *}).
 *
 * @param service the SDK's service name, e.g. {@code S3}, {@code Secrets Manager}
 * @param operation the API operation, e.g. {@code PutObject}
 * @param resource the resource ARN
 */
public record AwsOperation(String service, String operation, String resource) {

  /** One tab-separated line, as written by {@link AwsOperationRecorder}. */
  public String toLine() {
    return service + "\t" + operation + "\t" + resource;
  }

  public static AwsOperation parse(String line) {
    List<String> parts = List.of(line.split("\t", -1));
    if (parts.size() != 3) {
      throw new IllegalArgumentException("not a recorded operation: " + line);
    }
    return new AwsOperation(parts.get(0), parts.get(1), parts.get(2));
  }
}
