package com.bmo.learning.local;

import com.bmo.learning.localaws.LocalAwsEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * What the local modes run inside the service's JVM: the embedded AWS endpoint and/or an embedded
 * PostgreSQL, and the demo API keys seeded for them. Closed after the beans that use it.
 *
 * @param aws the embedded endpoint, or null when an external one is used
 * @param postgres the embedded database, or null when a JDBC URL was configured
 * @param userKey the demo user key (printed at start-up), or null when not seeded here
 * @param adminKey the demo admin key, or null when not seeded here
 * @param temporaryDirectory removed on close, or null
 */
public record LocalInfrastructure(LocalAwsEndpoint aws, EmbeddedPostgres postgres, String userKey,
    String adminKey, Path temporaryDirectory) implements AutoCloseable {

  public static final String BEAN_NAME = "localInfrastructure";
  private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }
    if (aws != null) {
      aws.close();
    }
    if (temporaryDirectory != null) {
      try {
        FileSystemUtils.deleteRecursively(temporaryDirectory);
      } catch (IOException e) {
        LOG.warn("Could not remove {}: {}", temporaryDirectory, e.toString());
      }
    }
  }

  /** Keys are secrets even here: printing the record shows whether they exist, not what they are. */
  @Override
  public String toString() {
    return "LocalInfrastructure[aws=" + (aws == null ? "external" : aws.endpoint())
        + ", postgres=" + (postgres == null ? "external" : "embedded:" + postgres.getPort())
        + ", demoKeys=" + (userKey != null) + "]";
  }
}
