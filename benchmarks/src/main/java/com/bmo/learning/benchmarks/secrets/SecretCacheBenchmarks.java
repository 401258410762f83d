package com.bmo.learning.benchmarks.secrets;

import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.net.URI;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the secret-cache benchmarks against one embedded endpoint started here (or
 * {@code AWS_ENDPOINT_URL}), shared by every JMH fork so that no fork pays the endpoint's start-up.
 * Arguments are JMH's own ({@code -f 1 -wi 2 -i 3 -rf json ...}); without a benchmark pattern it runs
 * every benchmark of this package.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.secrets.SecretCacheBenchmarks \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 * The benchmarks also run from JMH's own main ({@code java -jar benchmarks/target/benchmarks.jar
 * SecretCache}); each fork then starts its own endpoint.
 */
public final class SecretCacheBenchmarks {

  private SecretCacheBenchmarks() {
  }

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    String external = System.getenv("AWS_ENDPOINT_URL");
    LocalAwsEndpoint embedded = external == null || external.isBlank()
        ? LocalAwsEndpoint.builder().port(0).start() : null;
    try {
      URI endpoint = embedded != null ? embedded.endpoint() : URI.create(external);
      ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
          .jvmArgsAppend("-D" + BenchEndpoint.PROPERTY + "=" + endpoint);
      if (cli.getIncludes().isEmpty()) {
        options.include(SecretCacheBenchmarks.class.getPackageName() + "\\..*");
      }
      new Runner(options.build()).run();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
