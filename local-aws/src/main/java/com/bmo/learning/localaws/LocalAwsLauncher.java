package com.bmo.learning.localaws;

import com.bmo.learning.localaws.init.InitSpec;
import com.bmo.learning.localaws.init.SharedNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded endpoint for manual use and keeps it running until Ctrl-C.
 *
 * <pre>
 * --port N        port to listen on (default 4566; 0 = a free port)
 * --bind ADDRESS  interface to listen on (default 127.0.0.1; 0.0.0.0 = every interface, unauthenticated!)
 * --data-dir DIR  keep buckets, objects and secrets in DIR across restarts (default: in memory)
 * --init FILE     JSON/YAML init file (default: the bundled seed, local-aws-init.yaml)
 * --no-init       start empty
 * </pre>
 */
public final class LocalAwsLauncher {

  static final String DEFAULT_INIT = "local-aws-init.yaml";

  private LocalAwsLauncher() {
  }

  public static void main(String[] args) throws Exception {
    LocalAwsEndpoint.Builder builder = LocalAwsEndpoint.builder();
    boolean init = true;
    Path initFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
        case "--bind" -> builder.bindAddress(address(value(args, ++i, "--bind")));
        case "--data-dir" -> builder.dataDirectory(Path.of(value(args, ++i, "--data-dir")));
        case "--init" -> initFile = Path.of(value(args, ++i, "--init"));
        case "--no-init" -> init = false;
        case "--help", "-h" -> {
          System.out.println("usage: local-aws [--port N] [--bind ADDRESS] [--data-dir DIR] [--init FILE | --no-init]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
      }
    }
    if (init) {
      if (initFile != null) {
        builder.initFile(initFile);
      } else {
        builder.init(bundledInit());
      }
    }
    LocalAwsEndpoint endpoint = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "local-aws-shutdown"));

    String url = endpoint.endpoint().toString();
    System.out.printf("""

        Local AWS endpoint running at %1$s  (S3, Secrets Manager; region %2$s)
          export AWS_ENDPOINT_URL=%1$s AWS_REGION=%2$s AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
          aws s3 ls
          aws secretsmanager list-secrets
          curl %1$s/_localstack/health
        Ctrl-C to stop.
        %n""", url, endpoint.region());
    stopped.await();
  }

  /** The seed bundled in this jar, with the shared names of bmo-learning.env (and the environment's overrides). */
  static InitSpec bundledInit() throws java.io.IOException {
    try (var in = LocalAwsLauncher.class.getResourceAsStream("/" + DEFAULT_INIT)) {
      if (in == null) {
        throw new LocalAwsStartException("bundled " + DEFAULT_INIT + " is missing from the jar");
      }
      String seed = SharedNames.load(System.getenv())
          .resolve(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      return InitSpec.parse(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, DEFAULT_INIT,
          Path.of("."));
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static InetAddress address(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address " + value, e);
    }
  }
}
