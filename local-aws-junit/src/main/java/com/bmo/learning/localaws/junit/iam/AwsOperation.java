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

  /**
   * One tab-separated line, as written by {@link AwsOperationRecorder}; backslashes, tabs and line breaks
   * in a field (object keys may hold any of them) are escaped.
   */
  public String toLine() {
    return escape(service) + "\t" + escape(operation) + "\t" + escape(resource);
  }

  public static AwsOperation parse(String line) {
    List<String> parts = List.of(line.split("\t", -1));
    if (parts.size() != 3) {
      throw new IllegalArgumentException("not a recorded operation: " + line);
    }
    return new AwsOperation(unescape(parts.get(0)), unescape(parts.get(1)), unescape(parts.get(2)));
  }

  private static String escape(String field) {
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        out.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
