package com.bmo.learning.local;

import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.documents.DocumentMetadata;
import com.bmo.learning.service.documents.DocumentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** In local mode, queues the seeded sample lessons for ingestion once the service is up, so search has content. */
public class LocalSampleLessons implements ApplicationListener<ApplicationReadyEvent> {

  public static final String PREFIX = "samples/";
  private static final Logger LOG = LoggerFactory.getLogger(LocalSampleLessons.class);

  private final ObjectProvider<LocalInfrastructure> infrastructure;
  private final DocumentService documents;
  private final ServiceProperties properties;
  private final Environment env;

  public LocalSampleLessons(ObjectProvider<LocalInfrastructure> infrastructure, DocumentService documents,
      ServiceProperties properties, Environment env) {
    this.infrastructure = infrastructure;
    this.documents = documents;
    this.properties = properties;
    this.env = env;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    LocalInfrastructure local = infrastructure.getIfAvailable();
    if (local == null || local.aws() == null
        || !env.getProperty("learning.local.samples.enabled", Boolean.class, true)) {
      return;
    }
    try {
      int n = documents.ingestExisting(S3Uri.of(properties.buckets().documents(), PREFIX).toEncodedString(),
          new DocumentMetadata("samples", null, java.util.Map.of())).size();
      LOG.info("{} sample lessons queued for ingestion", n);
    } catch (RuntimeException e) {
      LOG.warn("Sample lessons could not be queued: {}", e.toString());
    }
  }
}
