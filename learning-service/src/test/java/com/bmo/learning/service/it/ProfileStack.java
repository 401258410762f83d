package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testsupport.Prerequisite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the profile tests share, started once per test JVM: the embedded AWS endpoint as its own process
 * (the standalone launcher, empty), seeded only by {@code scripts/localstack-init.sh} through the aws CLI,
 * and the API keys that script printed. The names (environment, buckets) are unique per run, passed to the
 * script as a developer would override them; the database credentials it stores are the test PostgreSQL's.
 *
 * @param endpoint the launcher's endpoint
 * @param names BMO_LEARNING_ENV, BMO_DOCUMENTS_BUCKET, BMO_BACKUPS_BUCKET as given to the script
 * @param adminKey the admin key the script printed
 * @param userKey the user key the script printed
 */
record ProfileStack(URI endpoint, Map<String, String> names, String adminKey, String userKey,
    ExternalProcess launcher) implements CloseableResource {

  static final String REGION = "us-east-1";
  private static final Pattern RUNNING = Pattern.compile("Local AWS endpoint running at (http://\\S+)");
  private static final Pattern KEY = Pattern.compile("(?m)^\\s*(BMO_ADMIN_API_KEY|BMO_USER_API_KEY)=(\\S+)$");

  String environment() {
    return names.get("BMO_LEARNING_ENV");
  }

  String documentsBucket() {
    return names.get("BMO_DOCUMENTS_BUCKET");
  }

  String backupsBucket() {
    return names.get("BMO_BACKUPS_BUCKET");
  }

  /** The test credentials any local endpoint accepts, as environment variables (the SDK's default chain). */
  Map<String, String> awsEnvironment() {
    return Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", REGION,
        "AWS_DEFAULT_REGION", REGION, "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
  }

  @Override
  public void close() {
    launcher.close();
  }

  static ProfileStack start() {
    Path repo = repositoryRoot();
    requireAwsCli();
    String launcherClasspath = launcherClasspath(repo);
    ExternalProcess launcher = ExternalProcess.start("local-aws-launcher", List.of(ExternalProcess.java(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", launcherClasspath,
            "com.bmo.learning.localaws.LocalAwsLauncher", "--port", "0", "--no-init"),
        ExternalProcess.cleanEnvironment(Map.of()), null);
    try {
      Matcher running = RUNNING.matcher(launcher.awaitOutput(out -> RUNNING.matcher(out).find(),
          Duration.ofSeconds(120)));
      assertThat(running.find()).isTrue();
      URI endpoint = URI.create(running.group(1));

      String suffix = UUID.randomUUID().toString().substring(0, 8);
      Map<String, String> names = new LinkedHashMap<>();
      names.put("BMO_LEARNING_ENV", "profile-" + suffix);
      names.put("BMO_DOCUMENTS_BUCKET", "profile-" + suffix + "-documents");
      names.put("BMO_BACKUPS_BUCKET", "profile-" + suffix + "-backups");

      Map<String, String> scriptEnv = new LinkedHashMap<>(names);
      scriptEnv.put("AWS_ENDPOINT_URL", endpoint.toString());
      scriptEnv.put("AWS_REGION", REGION);
      scriptEnv.put("AWS_DEFAULT_REGION", REGION);
      scriptEnv.put("AWS_ACCESS_KEY_ID", "test");
      scriptEnv.put("AWS_SECRET_ACCESS_KEY", "test");
      // Never the developer's own aws CLI configuration.
      scriptEnv.put("AWS_CONFIG_FILE", "/dev/null");
      scriptEnv.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
      // The prod profile reads its database user and password from this secret.
      scriptEnv.put("BMO_DB_USERNAME", "postgres");
      scriptEnv.put("BMO_DB_PASSWORD", "postgres");
      scriptEnv.put("BMO_DB_PORT", String.valueOf(TestPostgres.instance().getPort()));
      ExternalProcess script = ExternalProcess.start("localstack-init", List.of("bash",
          repo.resolve("scripts/localstack-init.sh").toString()), ExternalProcess.cleanEnvironment(scriptEnv), repo);
      int exit = script.awaitExit(Duration.ofMinutes(5));
      assertThat(exit).as("localstack-init.sh exit code\n%s", script.tail()).isZero();

      Map<String, String> keys = new LinkedHashMap<>();
      Matcher printed = KEY.matcher(script.output());
      while (printed.find()) {
        keys.put(printed.group(1), printed.group(2));
      }
      assertThat(keys).as("keys printed by localstack-init.sh\n%s", script.tail())
          .containsOnlyKeys("BMO_ADMIN_API_KEY", "BMO_USER_API_KEY");
      return new ProfileStack(endpoint, Map.copyOf(names), keys.get("BMO_ADMIN_API_KEY"),
          keys.get("BMO_USER_API_KEY"), launcher);
    } catch (RuntimeException | AssertionError e) {
      launcher.close();
      throw e;
    }
  }

  /**
   * The launcher's own classpath, as {@code ./mvnw -pl local-aws exec:exec} runs it: local-aws's classes and
   * runtime dependencies (written by its build to {@code target/launcher.classpath}), not this module's test
   * classpath, whose Spring Security, database and jobs would reconfigure the endpoint's Spring application.
   */
  private static String launcherClasspath(Path repo) {
    Path module = repo.resolve("local-aws/target");
    try {
      return module.resolve("classes") + java.io.File.pathSeparator
          + Files.readString(module.resolve("launcher.classpath")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("local-aws/target/launcher.classpath is missing: build with -am", e);
    }
  }

  /** The service's repackaged jar, as `java -jar` runs it in production. */
  static Path serviceJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).toList());
      assertThat(jars).as("the repackaged service jar in target/ (built by `package`)").hasSize(1);
      return jars.get(0).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/localstack-init.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("scripts/localstack-init.sh not found above " + Path.of("").toAbsolutePath());
  }

  /** Without the aws CLI: skipped locally, a failure with CI=true (.ci/run installs it). */
  private static void requireAwsCli() {
    boolean present;
    try {
      present = new ProcessBuilder("aws", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!present) {
      String reason = "the aws CLI is not installed (apt-get install awscli; .ci/run installs it)";
      throw Prerequisite.unavailable(reason + ", needed by the profile tests");
    }
  }

  /** Gives test methods the shared stack; started on first use, closed when the test run ends. */
  static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ProfileStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.create(ProfileStack.class))
          .getOrComputeIfAbsent(ProfileStack.class, k -> start(), ProfileStack.class);
    }
  }
}
