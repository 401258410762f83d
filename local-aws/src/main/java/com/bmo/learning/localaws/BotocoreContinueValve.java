package com.bmo.learning.localaws;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Lets the aws CLI (and boto3) upload to this endpoint over plain HTTP.
 *
 * <p>For {@code Expect: 100-continue} Tomcat answers {@code HTTP/1.1 100} without a reason phrase, which
 * RFC 9110 allows but botocore before 1.40.21 — including the aws CLI v2 that Debian ships — takes for
 * a broken final response: every {@code PutObject}/{@code UploadPart} then fails with "Connection was
 * closed before we received a valid response" (boto/botocore#3455, adobe/S3Mock#2321). For those
 * clients only, the expectation is dropped before Tomcat acknowledges it; botocore waits one second
 * for the interim response, then sends the body anyway. Every other client (the Java SDK, curl) keeps
 * the normal handshake.
 */
final class BotocoreContinueValve extends ValveBase {

  BotocoreContinueValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (request.getCoyoteRequest().hasExpectation() && isBotocore(request.getHeader("User-Agent"))) {
      request.getCoyoteRequest().setExpectation(false);
    }
    getNext().invoke(request, response);
  }

  /**
   * True for the user agents of botocore-based clients: {@code aws-cli/…}, {@code Boto3/…},
   * {@code Botocore/…} and the {@code md/Botocore#…} form of newer releases.
   */
  static boolean isBotocore(String userAgent) {
    if (userAgent == null) {
      return false;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    return ua.startsWith("aws-cli/") || ua.contains("botocore") || ua.contains("boto3/");
  }
}
