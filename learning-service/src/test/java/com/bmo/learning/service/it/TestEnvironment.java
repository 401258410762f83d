package com.bmo.learning.service.it;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.service.auth.ApiKeyHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What a service under test needs on the AWS endpoint of the test harness: its own buckets and its own
 * API-key secret (a user key and an admin key, stored hashed as in production), plus a database and an
 * index directory. One per group of application contexts that may share jobs.
 */
public record TestEnvironment(String name, LocalAwsTarget aws, String documentsBucket, String backupsBucket,
    String userKey, String adminKey, String jdbcUrl, Path indexDirectory) {

  public static TestEnvironment create(String name, LocalAwsTarget aws, S3Client s3, SecretsManagerClient sm) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String env = "it-" + name + "-" + suffix;
    String documents = "it-docs-" + name + "-" + suffix;
    String backups = "it-backups-" + name + "-" + suffix;
    s3.createBucket(b -> b.bucket(documents));
    s3.createBucket(b -> b.bucket(backups));
    String user = ApiKeyHash.newKey();
    String admin = ApiKeyHash.newKey();
    sm.createSecret(b -> b.name("bmo-learning/" + env + "/api-keys").secretString("{\"keys\":["
        + "{\"id\":\"it-user\",\"role\":\"user\",\"sha256\":\"" + ApiKeyHash.sha256Hex(user) + "\"},"
        + "{\"id\":\"it-admin\",\"role\":\"admin\",\"sha256\":\"" + ApiKeyHash.sha256Hex(admin) + "\"},"
        + "{\"id\":\"it-other\",\"role\":\"user\",\"sha256\":\"" + ApiKeyHash.sha256Hex(otherUserKey(user)) + "\"},"
        + "{\"id\":\"it-teacher\",\"role\":\"user\",\"courses\":[\"" + GRANTED_COURSE + "\"],\"sha256\":\""
        + ApiKeyHash.sha256Hex(teacherKey(user)) + "\"}]}"));
    Path index;
    try {
      index = Files.createTempDirectory("service-it-index-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new TestEnvironment(env, aws, documents, backups, user, admin,
        TestPostgres.jdbcUrl(name.replace('-', '_') + "_" + suffix), index);
  }

  /** The course {@link #teacherKey()} is granted. */
  public static final String GRANTED_COURSE = "granted-course";

  /** A second user (id {@code it-other}): sees neither the first user's documents nor their chunks. */
  public String otherUserKey() {
    return otherUserKey(userKey);
  }

  /** A user (id {@code it-teacher}) granted {@link #GRANTED_COURSE}. */
  public String teacherKey() {
    return teacherKey(userKey);
  }

  private static String otherUserKey(String userKey) {
    return userKey + "-other";
  }

  private static String teacherKey(String userKey) {
    return userKey + "-teacher";
  }

  /** The service's configuration for this environment. */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.profiles.active", "it");
    p.put("learning.environment", name);
    p.put("learning.aws.endpoint", aws.endpoint().toString());
    p.put("learning.aws.region", aws.region());
    p.put("learning.aws.static-credentials", "true");
    p.put("learning.aws.multipart-checksum", aws.embedded() ? "COMPOSITE" : "FULL_OBJECT");
    p.put("learning.buckets.documents", documentsBucket);
    p.put("learning.buckets.backups", backupsBucket);
    p.put("learning.index.directory", indexDirectory.toString());
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", "postgres");
    p.put("spring.datasource.password", "postgres");
    p.put("learning.upload.max-size", "2MB");
    p.put("learning.jobs.max-attempts", "3");
    p.put("learning.jobs.initial-backoff", "200ms");
    p.put("db-scheduler.polling-interval", "500ms");
    p.put("db-scheduler.heartbeat-interval", "1s");
    p.put("db-scheduler.missed-heartbeats-limit", "4");
    p.put("db-scheduler.shutdown-max-wait", "2s");
    return p;
  }
}
