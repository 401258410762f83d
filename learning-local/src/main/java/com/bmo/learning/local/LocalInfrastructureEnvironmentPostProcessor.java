package com.bmo.learning.local;

import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.localaws.init.InitSpec;
import com.bmo.learning.localaws.init.InitSpec.ObjectSeed;
import com.bmo.learning.localaws.init.InitSpec.SecretSeed;
import com.bmo.learning.service.LearningServiceApplication;
import com.bmo.learning.service.auth.ApiKeyHash;
import com.bmo.learning.service.config.SecretsEnvironmentPostProcessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts what the local modes need before anything reads the configuration:
 * <ul>
 *   <li>{@code learning.local.aws.enabled} (profile {@code local}): the embedded AWS endpoint in this JVM,
 *       on {@code learning.local.aws.port} (4566, or the next free port; 0 = any), seeded with the
 *       buckets, the API-key secret (a demo user key and an admin key, hashed) and the sample lessons;
 *       {@code learning.aws.endpoint} then points at it.</li>
 *   <li>{@code learning.local.postgres.enabled} (profiles {@code local}, {@code localstack}) and no
 *       {@code spring.datasource.url}: an embedded PostgreSQL; {@code spring.datasource.*} point at it.</li>
 * </ul>
 * With {@code learning.local.data-dir} set, endpoint state, database and index survive restarts there;
 * otherwise everything lives in a temporary directory removed at shutdown.
 */
public class LocalInfrastructureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  public static final String PROPERTY_SOURCE = "local-infrastructure";
  /** Tried in turn when 4566 is taken. */
  static final int PORT_ATTEMPTS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!LearningServiceApplication.isThisApplication(application)
        || env.getPropertySources().contains(PROPERTY_SOURCE)) {
      return;
    }
    boolean aws = env.getProperty("learning.local.aws.enabled", Boolean.class, false);
    String jdbcUrl = env.getProperty("spring.datasource.url", "");
    boolean postgres = env.getProperty("learning.local.postgres.enabled", Boolean.class, false)
        && jdbcUrl.isBlank();
    if (!aws && !postgres) {
      return;
    }
    Map<String, Object> props = new LinkedHashMap<>();
    Path dataDir = dataDirectory(env);
    Path temporary = null;
    LocalAwsEndpoint endpoint = null;
    EmbeddedPostgres pg = null;
    String userKey = null;
    String adminKey = null;
    try {
      if (dataDir == null) {
        temporary = Files.createTempDirectory("learning-service-");
      }
      Path root = dataDir != null ? dataDir : temporary;
      if (env.getProperty("learning.index.directory") == null) {
        props.put("learning.index.directory", root.resolve("index").toString());
      }
      if (aws) {
        DemoKeys keys = dataDir == null ? DemoKeys.random() : DemoKeys.of(dataDir);
        userKey = env.getProperty("learning.local.user-key", keys.user());
        adminKey = env.getProperty("learning.local.admin-key", keys.admin());
        progress("starting the embedded AWS endpoint (S3 + Secrets Manager)");
        endpoint = startEndpoint(env, dataDir == null ? null : dataDir.resolve("aws"),
            seed(env, userKey, adminKey));
        props.put("learning.aws.endpoint", endpoint.endpoint().toString());
        props.put("learning.aws.region", endpoint.region());
        props.put("learning.aws.static-credentials", "true");
        props.put("learning.aws.multipart-checksum", "COMPOSITE");
      }
      if (postgres) {
        progress("starting the embedded PostgreSQL");
        pg = LocalPostgres.start(dataDir == null ? null : dataDir.resolve("postgres"),
            env.getProperty("learning.local.postgres.port", Integer.class, 0));
        props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "postgres");
      }
    } catch (IOException | RuntimeException e) {
      new LocalInfrastructure(endpoint, pg, null, null, temporary).close();
      throw new IllegalStateException("Local mode could not start its infrastructure: " + e.getMessage(), e);
    }
    env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    LocalInfrastructure infrastructure = new LocalInfrastructure(endpoint, pg, userKey, adminKey, temporary);
    // A bean, so that it is closed after the beans that use it (see LocalInfrastructureDependencies).
    application.addInitializers(ctx -> ((GenericApplicationContext) ctx).registerBean(
        LocalInfrastructure.BEAN_NAME, LocalInfrastructure.class, () -> infrastructure,
        bd -> bd.setDestroyMethodName("close")));
  }

  private static Path dataDirectory(ConfigurableEnvironment env) {
    String dir = env.getProperty("learning.local.data-dir", "");
    return dir.isBlank() ? null : Path.of(dir).toAbsolutePath();
  }

  private static LocalAwsEndpoint startEndpoint(ConfigurableEnvironment env, Path dataDir, InitSpec seed) {
    int port = env.getProperty("learning.local.aws.port", Integer.class, LocalAwsEndpoint.DEFAULT_PORT);
    return LocalAwsEndpoint.builder()
        .port(port == 0 ? 0 : freePortFrom(port))
        .bindAddress(bindAddress(env.getProperty("learning.local.aws.bind-address", "127.0.0.1")))
        .dataDirectory(dataDir)
        .init(seed)
        .start();
  }

  private static InetAddress bindAddress(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("learning.local.aws.bind-address: unknown address " + address, e);
    }
  }

  /**
   * One line per slow step on the console: these steps run before logging is set up, and under
   * {@code mvnw -q} nothing else would show for the better part of a minute.
   */
  static void progress(String step) {
    System.out.println("Local mode: " + step + " …");
    System.out.flush();
  }

  /** {@code port} if free, else the next free one of the following {@value #PORT_ATTEMPTS}. */
  static int freePortFrom(int port) {
    for (int p = port; p < port + PORT_ATTEMPTS && p <= 65535; p++) {
      try (ServerSocket socket = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return p;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IllegalStateException("Ports " + port + ".." + (port + PORT_ATTEMPTS - 1) + " are all taken;"
        + " set learning.local.aws.port (0 picks any free port)");
  }

  /** Buckets, the API-key secret and the sample lessons. */
  static InitSpec seed(ConfigurableEnvironment env, String userKey, String adminKey) {
    String envName = env.getProperty("learning.environment", "local");
    String documents = env.getProperty("learning.buckets.documents", "bmo-learning-documents");
    String backups = env.getProperty("learning.buckets.backups", "bmo-learning-backups");
    String keysSetting = env.getProperty("learning.auth.api-keys-setting", "api-keys");
    ObjectNode keys = JSON.createObjectNode();
    ArrayNode list = keys.putArray("keys");
    list.addObject().put("id", "demo-user").put("role", "user").put("sha256", ApiKeyHash.sha256Hex(userKey));
    list.addObject().put("id", "demo-admin").put("role", "admin").put("sha256", ApiKeyHash.sha256Hex(adminKey));
    List<SecretSeed> secrets = List.of(new SecretSeed("bmo-learning/" + envName + "/" + keysSetting, null,
        keys, null, "API keys of the learning service (SHA-256 hashes)", Map.of("env", envName)));
    List<ObjectSeed> objects = new ArrayList<>();
    if (env.getProperty("learning.local.samples.enabled", Boolean.class, true)) {
      for (Map.Entry<String, String> sample : sampleLessons().entrySet()) {
        objects.add(new ObjectSeed(documents, LocalSampleLessons.PREFIX + sample.getKey(), sample.getValue(),
            null, "text/markdown", Map.of("course", "samples")));
      }
    }
    return new InitSpec("learning-service local seed", List.of(documents, backups), secrets, objects);
  }

  private static Map<String, String> sampleLessons() {
    Map<String, String> lessons = new LinkedHashMap<>();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:local/samples/*.md");
      for (Resource r : resources) {
        try (InputStream in = r.getInputStream()) {
          lessons.put(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sample lessons", e);
    }
    return lessons;
  }

  @Override
  public int getOrder() {
    return SecretsEnvironmentPostProcessor.ORDER - 10;
  }
}
