package com.bmo.learning.benchmarks.localaws;

import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.util.Arrays;

/**
 * Start-up time of the embedded endpoint: the first start in a fresh JVM (what a test run pays once),
 * then warm restarts in the same JVM. Each start ends when the port serves requests and init is applied.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.localaws.EndpointStartupHarness [restarts]</pre>
 */
public final class EndpointStartupHarness {

  private EndpointStartupHarness() {
  }

  public static void main(String[] args) {
    int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long[] millis = new long[restarts + 1];
    for (int i = 0; i <= restarts; i++) {
      try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start()) {
        millis[i] = endpoint.startupTime().toMillis();
      }
    }
    long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
    Arrays.sort(warm);
    System.out.printf("cold start (first in JVM): %d ms%n", millis[0]);
    System.out.printf("warm restart median of %d: %d ms (min %d, max %d)%n", warm.length,
        warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    System.out.printf("cold/warm ratio: %.2f%n", (double) millis[0] / warm[warm.length / 2]);
  }
}
