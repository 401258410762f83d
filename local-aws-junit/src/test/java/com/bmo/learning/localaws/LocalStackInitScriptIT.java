package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.testsupport.Prerequisite;
import com.bmo.learning.testsupport.ResourceNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Runs {@code scripts/localstack-init.sh} against the test endpoint (the embedded one, or the one in
 * {@code AWS_ENDPOINT_URL}) twice, then checks with the aws CLI and curl — as a developer would — that
 * everything it creates is there (listing, download, presigned GET, secret values), and that the second
 * run changed nothing. Inspection beyond that (secret versions) and the clean-up go through the SDK: each
 * aws CLI start costs a second or more.
 *
 * <p>Each run of this class uses its own bucket names and {@code BMO_LEARNING_ENV}, so it can share an endpoint
 * (LocalStack, say) with anything else, and removes what the script created.
 */
@LocalAwsTest
@Tag("slow") // about a minute: three script runs and some twenty aws CLI calls
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackInitScriptIT {

  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path repoRoot;
  private static Path seedDir;
  private static Path workDir;
  private static Command aws;
  private static Map<String, String> scriptEnv;
  private static String env;
  private static String documentsBucket;
  private static String backupsBucket;
  private static String openAiKey;
  private static String dbUsername;
  private static String dbPassword;
  private static String adminKey;
  private static String userKey;
  private static final List<Result> scriptRuns = new ArrayList<>();
  // The SDK for what the test only inspects or removes: every aws CLI start costs a second or more (far
  // more on a loaded machine), so the CLI is kept for what the test is about.
  private static S3Client s3;
  private static SecretsManagerClient secrets;

  @BeforeAll
  static void runTheScriptTwice(LocalAwsTarget target, S3Client s3Client, SecretsManagerClient secretsClient,
      @TempDir Path tmp) {
    s3 = s3Client;
    secrets = secretsClient;
    repoRoot = findRepoRoot();
    seedDir = repoRoot.resolve("scripts/seed/lessons");
    workDir = tmp;
    Map<String, String> cliEnv = isolatedAwsEnv(target, tmp);
    aws = new Command(cliEnv, List.of("aws", "--endpoint-url", target.endpoint().toString(),
        "--region", target.region()));
    requireTool("aws", "--version");

    String suffix = ResourceNames.random(10);
    env = "it-" + suffix;
    documentsBucket = "it-" + suffix + "-documents";
    backupsBucket = "it-" + suffix + "-backups";
    openAiKey = "sk-it-" + ResourceNames.random(10);
    dbUsername = "it_user_" + ResourceNames.random(10);
    // Quotes and backslashes must survive the script's JSON encoding.
    dbPassword = "pw-" + ResourceNames.random(10) + "-\"quoted\"\\back\\slash";
    adminKey = "admin-" + ResourceNames.random(10);
    userKey = "user-" + ResourceNames.random(10);

    scriptEnv = new HashMap<>(cliEnv);
    scriptEnv.put("BMO_LEARNING_ENV", env);
    scriptEnv.put("BMO_DOCUMENTS_BUCKET", documentsBucket);
    scriptEnv.put("BMO_BACKUPS_BUCKET", backupsBucket);
    scriptEnv.put("BMO_OPENAI_API_KEY", openAiKey);
    scriptEnv.put("BMO_DB_USERNAME", dbUsername);
    scriptEnv.put("BMO_DB_PASSWORD", dbPassword);
    scriptEnv.put("BMO_ADMIN_API_KEY", adminKey);
    scriptEnv.put("BMO_USER_API_KEY", userKey);

    scriptRuns.add(runScript(scriptEnv));
    scriptRuns.add(runScript(scriptEnv));
  }

  @Test
  @Order(1)
  void bothRunsSucceedAndTheSecondChangesNothing() {
    Result first = scriptRuns.get(0);
    Result second = scriptRuns.get(1);
    assertThat(first.exitCode()).as("first run:%n%s", first.output()).isZero();
    assertThat(second.exitCode()).as("second run:%n%s", second.output()).isZero();

    assertThat(first.stdout()).contains(
        "bucket " + documentsBucket + ": created",
        "bucket " + backupsBucket + ": created",
        "secret " + secretName("openai-api-key") + ": created",
        "secret " + secretName("database") + ": created",
        "secret " + secretName("api-keys") + ": created");
    assertThat(second.stdout())
        .contains("bucket " + documentsBucket + ": exists", "bucket " + backupsBucket + ": exists",
            "secret " + secretName("openai-api-key") + ": unchanged",
            "secret " + secretName("database") + ": unchanged",
            "secret " + secretName("api-keys") + ": unchanged")
        .doesNotContain(": created", ": uploaded", ": updated", ": restored");
    for (Path seed : seedFiles()) {
      assertThat(first.stdout()).contains("seed " + seedUri(seed) + ": uploaded");
      assertThat(second.stdout()).contains("seed " + seedUri(seed) + ": unchanged");
    }
  }

  @Test
  @Order(2)
  void awsS3LsListsBothBucketsAndEverySeedDocument() {
    Result buckets = aws.run("s3", "ls");
    assertThat(buckets.exitCode()).as(buckets.output()).isZero();
    assertThat(bucketNames(buckets.stdout())).contains(documentsBucket, backupsBucket);

    Result lessons = aws.run("s3", "ls", "s3://" + documentsBucket + "/lessons/");
    assertThat(lessons.exitCode()).as(lessons.output()).isZero();
    List<String> listed = lessons.stdout().lines()
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        seedFiles().stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  @Order(3)
  void awsS3CpDownloadsEachSeedDocumentByteForByte() throws IOException {
    Path downloaded = workDir.resolve("cp");
    Result cp = aws.run("s3", "cp", "--recursive", "s3://" + documentsBucket + "/lessons/",
        downloaded.toString(), "--no-progress");
    assertThat(cp.exitCode()).as(cp.output()).isZero();
    for (Path seed : seedFiles()) {
      assertThat(Files.mismatch(downloaded.resolve(seed.getFileName().toString()), seed))
          .as("%s differs from %s", seedUri(seed), seed).isEqualTo(-1L);
    }
  }

  @Test
  @Order(4)
  void presignedUrlServesTheSeedDocumentToCurl() throws IOException {
    requireTool("curl", "--version");
    for (Path seed : seedFiles()) {
      Result presign = aws.run("s3", "presign", seedUri(seed), "--expires-in", "300");
      assertThat(presign.exitCode()).as(presign.output()).isZero();
      String url = presign.stdout().strip();
      // SigV4 (X-Amz-Signature) or, from the aws CLI v1 in us-east-1, SigV2 (Signature).
      assertThat(url).contains("Signature=").contains(documentsBucket);

      Path fetched = workDir.resolve("curl-" + seed.getFileName());
      Result curl = new Command(Map.of(), List.of("curl"))
          .run("--silent", "--show-error", "--fail", "--output", fetched.toString(), url);
      assertThat(curl.exitCode()).as(curl.output()).isZero();
      assertThat(Files.mismatch(fetched, seed)).as("presigned GET of %s", seedUri(seed))
          .isEqualTo(-1L);
    }
  }

  @Test
  @Order(5)
  void getSecretValueReturnsEachSeededSecret() throws IOException {
    assertThat(secretString(secretName("openai-api-key"), "AWSCURRENT")).isEqualTo(openAiKey);

    JsonNode database = JSON.readTree(secretString(secretName("database"), "AWSCURRENT"));
    assertThat(database.path("username").asText()).isEqualTo(dbUsername);
    assertThat(database.path("password").asText()).isEqualTo(dbPassword);
    assertThat(database.path("engine").asText()).isEqualTo("postgres");
    assertThat(database.path("port").asInt()).isEqualTo(5432);

    // The service's format: ids, roles and SHA-256 hashes; the keys themselves are not stored.
    String apiKeysJson = secretString(secretName("api-keys"), "AWSCURRENT");
    assertThat(apiKeysJson).doesNotContain(adminKey, userKey);
    JsonNode keys = JSON.readTree(apiKeysJson).path("keys");
    assertThat(keys.isArray()).as(apiKeysJson).isTrue();
    Map<String, String> hashByRole = new HashMap<>();
    keys.forEach(k -> hashByRole.put(k.path("role").asText(), k.path("sha256").asText()));
    assertThat(hashByRole).containsExactlyInAnyOrderEntriesOf(
        Map.of("admin", sha256Hex(adminKey), "user", sha256Hex(userKey)));
  }

  @Test
  @Order(6)
  void secondRunAddsNoSecretVersion() {
    for (String name : List.of("openai-api-key", "database", "api-keys")) {
      Map<String, List<String>> versions = secrets.describeSecret(b -> b.secretId(secretName(name)))
          .versionIdsToStages();
      assertThat(versions).as("versions of %s", secretName(name)).hasSize(1);
      assertThat(versions.values().iterator().next()).contains("AWSCURRENT");
    }
  }

  @Test
  @Order(7)
  void iamPolicyIsCreatedWhereTheEndpointOffersIam() throws IOException {
    String policyName = "bmo-learning-service-" + env;
    Result list = aws.run("iam", "list-policies", "--scope", "Local",
        "--query", "Policies[?PolicyName=='" + policyName + "'].Arn", "--output", "json");
    if (list.exitCode() != 0) {
      assertThat(scriptRuns.get(0).stdout())
          .as("an endpoint without IAM: the script says it skipped the policy")
          .contains("IAM not offered by this endpoint; skipping policy " + policyName);
      return;
    }
    JsonNode arns = JSON.readTree(list.stdout());
    assertThat(arns.size()).as("policies named %s after two runs", policyName).isEqualTo(1);
    Result document = aws.run("iam", "get-policy-version", "--policy-arn", arns.get(0).asText(),
        "--version-id", "v1", "--query", "PolicyVersion.Document", "--output", "json");
    assertThat(document.exitCode()).as(document.output()).isZero();
    assertThat(document.stdout()).contains("arn:aws:s3:::" + documentsBucket + "/*",
        "arn:aws:s3:::" + backupsBucket, "secretsmanager:GetSecretValue");
  }

  /** Runs last: it changes a secret that the earlier tests read. */
  @Test
  @Order(8)
  void changedSecretValueBecomesTheNewCurrentVersion() {
    String newKey = "sk-it-rotated-" + ResourceNames.random(10);
    Map<String, String> changed = new HashMap<>(scriptEnv);
    changed.put("BMO_OPENAI_API_KEY", newKey);
    Result third = runScript(changed);
    scriptRuns.add(third);

    assertThat(third.exitCode()).as(third.output()).isZero();
    assertThat(third.stdout()).contains(
        "secret " + secretName("openai-api-key") + ": updated",
        "secret " + secretName("database") + ": unchanged",
        "secret " + secretName("api-keys") + ": unchanged");
    assertThat(secrets.getSecretValue(b -> b.secretId(secretName("openai-api-key"))).secretString())
        .isEqualTo(newKey);
    assertThat(secrets.getSecretValue(b -> b.secretId(secretName("openai-api-key")).versionStage("AWSPREVIOUS"))
        .secretString()).isEqualTo(openAiKey);
  }

  /** Removes what the script reported creating; other leftovers would be someone else's. */
  @AfterAll
  static void removeWhatTheScriptCreated() {
    if (aws == null || scriptRuns.isEmpty()) {
      return;
    }
    String output = String.join("\n", scriptRuns.stream().map(Result::stdout).toList());
    List<String> failures = new ArrayList<>();
    for (String bucket : List.of(documentsBucket, backupsBucket)) {
      if (output.contains("bucket " + bucket + ": created")) {
        try {
          s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
              .forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
          s3.deleteBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
          // already gone
        } catch (RuntimeException e) {
          failures.add("bucket " + bucket + ": " + e.getMessage());
        }
      }
    }
    for (String name : List.of("openai-api-key", "database", "api-keys")) {
      if (output.contains("secret " + secretName(name) + ": created")) {
        try {
          secrets.deleteSecret(b -> b.secretId(secretName(name)).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException e) {
          // already gone
        } catch (RuntimeException e) {
          failures.add("secret " + secretName(name) + ": " + e.getMessage());
        }
      }
    }
    String policyName = "bmo-learning-service-" + env;
    if (output.contains("IAM policy " + policyName + ": created")) {
      deletePolicy(policyName, failures);
    }
    assertThat(failures).as("resources the test could not remove").isEmpty();
  }

  private static void deletePolicy(String policyName, List<String> failures) {
    Result list = aws.run("iam", "list-policies", "--scope", "Local",
        "--query", "Policies[?PolicyName=='" + policyName + "'].Arn | [0]", "--output", "text");
    String arn = list.stdout().strip();
    if (list.exitCode() != 0 || arn.isEmpty() || "None".equals(arn)) {
      failures.add("IAM policy " + policyName + ": not found for removal " + list.stderr().strip());
      return;
    }
    Result versions = aws.run("iam", "list-policy-versions", "--policy-arn", arn,
        "--query", "Versions[?!IsDefaultVersion].VersionId", "--output", "text");
    for (String version : versions.stdout().strip().split("\\s+")) {
      if (!version.isEmpty() && !"None".equals(version)) {
        aws.run("iam", "delete-policy-version", "--policy-arn", arn, "--version-id", version);
      }
    }
    Result delete = aws.run("iam", "delete-policy", "--policy-arn", arn);
    if (delete.exitCode() != 0) {
      failures.add("IAM policy " + policyName + ": " + delete.stderr().strip());
    }
  }

  // ------------------------------------------------------------------------------------------------

  private static Result runScript(Map<String, String> environment) {
    Result run = new Command(environment, List.of("bash"), SCRIPT_TIMEOUT, repoRoot)
        .run(repoRoot.resolve("scripts/localstack-init.sh").toString());
    System.out.printf("localstack-init.sh exited %d%n%s%n", run.exitCode(), run.output());
    return run;
  }

  private static String secretString(String name, String stage) {
    Result get = aws.run("secretsmanager", "get-secret-value", "--secret-id", name,
        "--version-stage", stage, "--query", "SecretString", "--output", "text");
    assertThat(get.exitCode()).as("get-secret-value %s (%s): %s", name, stage, get.stderr()).isZero();
    // The CLI's text output ends with one newline of its own.
    return get.stdout().endsWith("\n") ? get.stdout().substring(0, get.stdout().length() - 1)
        : get.stdout();
  }

  private static String sha256Hex(String key) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String secretName(String name) {
    return "bmo-learning/" + env + "/" + name;
  }

  private static String seedUri(Path seed) {
    return "s3://" + documentsBucket + "/lessons/" + seed.getFileName();
  }

  private static List<Path> seedFiles() {
    try (Stream<Path> files = Files.list(seedDir)) {
      List<Path> seeds = files.filter(Files::isRegularFile).sorted().toList();
      assertThat(seeds).as("seed documents in %s", seedDir).isNotEmpty();
      return seeds;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + seedDir, e);
    }
  }

  /** Bucket names from {@code aws s3 ls}: "2024-01-01 10:00:00 name" per line. */
  private static List<String> bucketNames(String listing) {
    return listing.lines().map(String::strip).filter(l -> !l.isEmpty())
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
  }

  /** The repository root from the module directory that Failsafe runs in (or the root itself). */
  private static Path findRepoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/localstack-init.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("scripts/localstack-init.sh not found above "
        + Path.of("").toAbsolutePath());
  }

  /**
   * The aws CLI's environment: the test endpoint and static test credentials, and none of the
   * developer's AWS settings (profiles, config files, real keys, output format).
   */
  private static Map<String, String> isolatedAwsEnv(LocalAwsTarget target, Path tmp) {
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BMO_"));
    Path none = tmp.resolve("no-aws-config");
    env.put("AWS_CONFIG_FILE", none.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", none.toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", target.region());
    env.put("AWS_DEFAULT_REGION", target.region());
    env.put("AWS_ENDPOINT_URL", target.endpoint().toString());
    env.put("AWS_PAGER", "");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

  /** A missing tool skips the tests locally, and fails them when CI=true: CI must test this. */
  private static void requireTool(String tool, String versionFlag) {
    Result version;
    try {
      version = new Command(Map.of(), List.of(tool)).start(versionFlag);
    } catch (IOException e) {
      version = null;
    }
    if (version != null && version.exitCode() == 0) {
      System.out.printf("%s: %s%n", tool, version.output().lines().findFirst().orElse(""));
      return;
    }
    String reason = "'" + tool + "' is not installed (Debian/Ubuntu: apt-get install "
        + ("aws".equals(tool) ? "awscli" : tool) + "); .ci/run installs it";
    throw Prerequisite.unavailable(reason + ", needed by the localstack-init.sh test");
  }

  /** What a command printed and how it ended. */
  private record Result(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
    }
  }

  /** An external command with a fixed prefix, environment and timeout; output goes through files. */
  private record Command(Map<String, String> environment, List<String> prefix, Duration timeout,
      Path directory) {

    Command(Map<String, String> environment, List<String> prefix) {
      this(environment, prefix, COMMAND_TIMEOUT, null);
    }

    Result run(String... args) {
      try {
        return start(args);
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + prefix + ": " + e.getMessage(), e);
      }
    }

    Result start(String... args) throws IOException {
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of(args));
      Path out = Files.createTempFile("cmd-", ".out");
      Path err = Files.createTempFile("cmd-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        if (!environment.isEmpty()) {
          builder.environment().clear();
          builder.environment().putAll(environment);
        }
        if (directory != null) {
          builder.directory(directory.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command.subList(0, Math.min(3, command.size())))
              + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + prefix, e);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
