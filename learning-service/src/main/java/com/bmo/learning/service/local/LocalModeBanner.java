package com.bmo.learning.service.local;

import com.bmo.learning.service.config.ServiceProperties;
import java.io.PrintStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In local mode, prints where the service is and ready-to-paste commands with the demo keys. Printed to
 * the console on purpose, not logged: these are local throw-away keys, and logs never carry keys.
 */
@Component
public class LocalModeBanner implements ApplicationListener<ApplicationReadyEvent> {

  private final ObjectProvider<LocalInfrastructure> infrastructure;
  private final ServiceProperties properties;
  private final Environment env;

  public LocalModeBanner(ObjectProvider<LocalInfrastructure> infrastructure, ServiceProperties properties,
      Environment env) {
    this.infrastructure = infrastructure;
    this.properties = properties;
    this.env = env;
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
    out.println("Sample lessons:   s3://" + properties.buckets().documents() + "/" + LocalSampleLessons.PREFIX
        + " (queued for ingestion)");
    out.println();
    out.println("Upload a lesson:");
    out.println("  curl -s -H 'X-API-Key: " + local.userKey() + "' -F file=@lesson.pdf -F course=math-101 "
        + url + "/api/v1/documents");
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
