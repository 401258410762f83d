package com.bmo.learning.local;

import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.service.config.ServiceProperties;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * In local mode, prints where the service is and ready-to-paste commands with the demo keys. Printed to
 * the console on purpose, not logged: these are local throw-away keys, and logs never carry keys.
 */
public class LocalModeBanner implements ApplicationListener<ApplicationReadyEvent> {

  /** Shipped with the repository (not seeded), so the printed upload works as printed. */
  static final String UPLOAD_EXAMPLE = "learning-local/examples/percentages.md";

  private final ObjectProvider<LocalInfrastructure> infrastructure;
  private final ServiceProperties properties;
  private final Environment env;

  public LocalModeBanner(ObjectProvider<LocalInfrastructure> infrastructure, ServiceProperties properties,
      Environment env) {
    this.infrastructure = infrastructure;
    this.properties = properties;
    this.env = env;
  }

  /** A lesson the repository ships, as a path from the working directory (the repository root under spring-boot:run). */
  static String uploadExample() {
    Path cwd = Path.of("").toAbsolutePath();
    for (String candidate : List.of(UPLOAD_EXAMPLE, UPLOAD_EXAMPLE.substring("learning-local/".length()))) {
      if (Files.isRegularFile(cwd.resolve(candidate))) {
        return candidate;
      }
    }
    return "your-lesson.pdf";
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    LocalInfrastructure local = infrastructure.getIfAvailable();
    if (local == null || local.userKey() == null || !env.getProperty("learning.local.banner", Boolean.class, true)) {
      return;
    }
    String url = "http://localhost:" + env.getProperty("local.server.port", "8080");
    PrintStream out = System.out;
    out.println();
    out.println("================ BMO Learning service (local mode) ================");
    out.println("Service:          " + url + "   (OpenAPI: " + url + "/swagger-ui.html)");
    out.println("AWS endpoint:     " + local.aws().endpoint() + "   (S3 + Secrets Manager, embedded)");
    if (local.postgres() != null) {
      out.println("PostgreSQL:       " + local.postgres().getJdbcUrl("postgres", "postgres"));
    }
    out.println("Demo user key:    " + local.userKey());
    out.println("Demo admin key:   " + local.adminKey());
    out.println("Sample lessons:   " + S3Uri.of(properties.buckets().documents(), LocalSampleLessons.PREFIX)
        + " (queued for ingestion)");
    out.println();
    out.println("Upload a lesson (PDF, Markdown, HTML or text):");
    out.println("  curl -s -H 'X-API-Key: " + local.userKey() + "' -F file=@" + uploadExample()
        + " -F course=math-101 " + url + "/api/v1/documents");
    out.println("Search:");
    out.println("  curl -s -H 'X-API-Key: " + local.userKey() + "' -H 'Content-Type: application/json' "
        + "-d '{\"query\":\"how do I add fractions?\",\"k\":3}' " + url + "/api/v1/search");
    out.println("Back up the index (admin):");
    out.println("  curl -s -H 'X-API-Key: " + local.adminKey() + "' -H 'Content-Type: application/json' "
        + "-d '{\"type\":\"full\"}' " + url + "/api/v1/backups");
    out.println("====================================================================");
    out.println();
    out.flush();
  }
}
