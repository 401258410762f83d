package com.bmo.learning.localaws;

import com.adobe.testing.s3mock.S3MockApplication;
import com.bmo.learning.localaws.init.InitSpec;
import com.bmo.learning.localaws.init.InitApplier;
import com.bmo.learning.localaws.secretsmanager.SecretStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An embedded, LocalStack-compatible AWS endpoint on one HTTP port: S3 (Adobe S3Mock, in-process),
 * Secrets Manager (JSON 1.1 protocol) and {@code /_localstack/health}.
 *
 * <p>Created with {@link #builder()}, started with {@link Builder#start()}, stopped with {@link #close()}.
 * State is kept in a temporary directory that is removed on close, unless a data directory is given,
 * in which case buckets, objects and secrets survive a restart.
 */
public final class LocalAwsEndpoint implements AutoCloseable {

  /** LocalStack's edge port. */
  public static final int DEFAULT_PORT = 4566;
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Logger LOG = LoggerFactory.getLogger(LocalAwsEndpoint.class);

  private final ConfigurableApplicationContext context;
  private final URI endpoint;
  private final String region;
  private final Duration startupTime;
  private final LocalAwsState state;

  private LocalAwsEndpoint(ConfigurableApplicationContext context, URI endpoint, String region,
      Duration startupTime, LocalAwsState state) {
    this.context = context;
    this.endpoint = endpoint;
    this.region = region;
    this.startupTime = startupTime;
    this.state = state;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint URL to give the SDK ({@code endpointOverride}) or the aws CLI ({@code --endpoint-url}). */
  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return endpoint.getPort();
  }

  public String region() {
    return region;
  }

  /** Wall-clock time from {@link Builder#start()} until the endpoint served requests and init was applied. */
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public void close() {
    context.close();
    state.close();
    LOG.info("Local AWS endpoint {} stopped", endpoint);
  }

  /** Builder for {@link LocalAwsEndpoint}; every setting is optional. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String region = DEFAULT_REGION;
    private Path dataDirectory;
    private Path initFile;
    private InitSpec init;
    private Clock clock = Clock.systemUTC();
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();

    private Builder() {
    }

    /**
     * The interface to listen on. Default: loopback only — the endpoint has no authentication, so whoever
     * reaches it can rewrite secrets and objects. Pass {@code 0.0.0.0} deliberately (e.g. inside a container).
     */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** Port to listen on; 0 picks a free port. Default 4566. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Region the endpoint answers for (used in ARNs and S3 locations). Default us-east-1. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Keep state in this directory across restarts; without it, state is gone on close. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = dataDirectory;
      return this;
    }

    /** A JSON or YAML init file (buckets, secrets, seed objects) applied at start-up. */
    public Builder initFile(Path initFile) {
      this.initFile = initFile;
      return this;
    }

    /** An init specification applied at start-up, after the init file if both are given. */
    public Builder init(InitSpec init) {
      this.init = init;
      return this;
    }

    /** Clock for secret timestamps and deletion dates; tests may pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts the endpoint and applies the init file/specification; fails if the port is taken. */
    public LocalAwsEndpoint start() {
      long started = System.nanoTime();
      InitSpec fromFile = initFile == null ? InitSpec.empty() : InitSpec.read(initFile);
      InitSpec combined = init == null ? fromFile : fromFile.merge(init);

      routeJulToSlf4j();
      LocalAwsState state = LocalAwsState.open(dataDirectory);
      SecretStore secrets = SecretStore.open(state.secretsFile(), region, clock);

      // Passed as command-line arguments: they outrank the environment and any application.properties
      // of a host application (the service starts this endpoint inside its own JVM).
      Map<String, Object> properties = new LinkedHashMap<>();
      // S3Mock serves plain HTTP on its extra connector; that is our one port. Its main connector
      // (server.port) would be HTTPS; TLS is switched off (it costs start-up time and nobody uses it)
      // and the port goes to a free one that is not advertised.
      properties.put("com.adobe.testing.s3mock.http-port", port);
      properties.put("server.port", 0);
      properties.put("server.address", bindAddress.getHostAddress());
      properties.put(LocalAwsWebConfiguration.BIND_ADDRESS_PROPERTY, bindAddress.getHostAddress());
      properties.put("server.ssl.enabled", false);
      properties.put("server.shutdown", "immediate");
      properties.put("server.tomcat.max-swallow-size", "10MB");
      properties.put("com.adobe.testing.s3mock.store.root", state.s3Root());
      properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", state.persistent());
      properties.put("com.adobe.testing.s3mock.store.region", region);
      properties.put("com.adobe.testing.s3mock.region", region);
      properties.put("spring.config.location", "optional:classpath:/local-aws-endpoint.properties");
      properties.put("spring.jmx.enabled", false);
      properties.put("spring.main.lazy-initialization", true);
      properties.put("spring.main.register-shutdown-hook", false);
      properties.put("management.endpoints.web.discovery.enabled", false);
      String[] args = properties.entrySet().stream()
          .map(e -> "--" + e.getKey() + "=" + e.getValue())
          .toArray(String[]::new);

      SpringApplicationBuilder builder =
          new SpringApplicationBuilder(S3MockApplication.class, LocalAwsWebConfiguration.class)
              .initializers(ctx -> ctx.getBeanFactory().registerSingleton("secretStore", secrets))
              .bannerMode(Banner.Mode.OFF)
              .logStartupInfo(false);
      // Never let the embedded endpoint reconfigure the host JVM's logging.
      builder.application().setListeners(builder.application().getListeners().stream()
          .filter(l -> !(l instanceof LoggingApplicationListener))
          .toList());
      ConfigurableApplicationContext context;
      try {
        context = builder.run(args);
      } catch (RuntimeException e) {
        state.close();
        throw new LocalAwsStartException(
            "Local AWS endpoint could not start on port " + port + ": " + rootMessage(e), e);
      }
      int httpPort = context.getBean(S3MockApplication.class).getHttpPort();
      URI endpoint = URI.create("http://localhost:" + httpPort);
      LocalStackStatus status = context.getBean(LocalStackStatus.class);
      try {
        status.markReady();
        new InitApplier(endpoint, region).apply(combined);
        status.markInitDone(combined);
      } catch (RuntimeException e) {
        context.close();
        state.close();
        throw e;
      }
      Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
      LOG.info("Local AWS endpoint ready at {} (S3, Secrets Manager) in {} ms; state: {}",
          endpoint, startupTime.toMillis(), state.describe());
      return new LocalAwsEndpoint(context, endpoint, region, startupTime, state);
    }

    /** Tomcat logs through java.util.logging; send it where the host's SLF4J logging goes. */
    private static void routeJulToSlf4j() {
      if (!SLF4JBridgeHandler.isInstalled()) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
      }
    }

    private static String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
  }

  /** Where the endpoint keeps its files: a data directory, or a temporary one removed on close. */
  record LocalAwsState(Path root, boolean persistent) implements AutoCloseable {

    static LocalAwsState open(Path dataDirectory) {
      try {
        if (dataDirectory != null) {
          Files.createDirectories(dataDirectory.resolve("s3"));
          return new LocalAwsState(dataDirectory, true);
        }
        Path tmp = Files.createTempDirectory(tempBase(), "local-aws-");
        Files.createDirectories(tmp.resolve("s3"));
        return new LocalAwsState(tmp, false);
      } catch (IOException e) {
        throw new LocalAwsStartException("Cannot create the endpoint's state directory", e);
      }
    }

    /** RAM-backed /dev/shm when it exists: S3Mock stores every object as files. */
    private static Path tempBase() {
      Path shm = Path.of("/dev/shm");
      if (Files.isDirectory(shm) && Files.isWritable(shm)) {
        return shm;
      }
      return Path.of(System.getProperty("java.io.tmpdir"));
    }

    Path s3Root() {
      return root.resolve("s3");
    }

    Path secretsFile() {
      return persistent ? root.resolve("secretsmanager.json") : null;
    }

    String describe() {
      return persistent ? "persistent in " + root : "in memory (temporary " + root + ")";
    }

    @Override
    public void close() {
      if (!persistent) {
        FileTrees.deleteQuietly(root);
      }
    }
  }
}
