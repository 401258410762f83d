package com.bmo.learning.service.index;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.search.opensearch.OpenSearchBackups;
import com.bmo.learning.search.opensearch.OpenSearchSearchIndex;
import com.bmo.learning.search.opensearch.OpenSearchSettings;
import com.bmo.learning.service.backup.IndexBackupPort;
import com.bmo.learning.service.config.ServiceProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code learning.search.backend=opensearch}: the search index is one OpenSearch index shared by every
 * instance (created at start-up when missing, replaced by an empty one that is re-indexed when its
 * mapping, embedding model or chunker differs), and backups are chunk
 * exports in the backups bucket. Replaces the Lucene beans of {@link IndexConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "learning.search.backend", havingValue = "opensearch")
public class OpenSearchBackendConfiguration {

  @Bean(destroyMethod = "close")
  OpenSearchSearchIndex searchIndex(BatchEmbedder embedder, DocumentProcessor processor,
      SearchBackendProperties properties, ContentReindex reindex) {
    SearchBackendProperties.OpenSearch os = properties.opensearch();
    if (os.url() == null) {
      throw new IllegalStateException("learning.search.backend=opensearch needs learning.search.opensearch.url"
          + " (environment LEARNING_SEARCH_OPENSEARCH_URL)");
    }
    OpenSearchSettings settings = OpenSearchSettings.builder(os.url(), os.index())
        .awsSigV4(os.awsSigv4()).signingRegion(os.region()).signingService(os.signingService())
        .shards(os.shards()).replicas(os.replicas())
        .build();
    // The index records the model and chunker in its _meta; an outdated one is replaced behind the alias by
    // one instance, which then has every document ingested again (ContentReindex).
    OpenSearchSearchIndex index = OpenSearchSearchIndex.open(settings, embedder.dimension(),
        IndexConfiguration.contentVersion(embedder, processor));
    index.replaced().ifPresent(reindex::indexReplaced);
    return index;
  }

  @Bean
  IndexBackupPort indexBackups(OpenSearchSearchIndex index, S3Storage s3, ServiceProperties properties, Clock clock) {
    return new OpenSearchBackupAdapter(new OpenSearchBackups(index, s3,
        properties.index().directory().resolve("opensearch-work"), clock), properties.buckets().backups(),
        "index/" + index.name() + "/");
  }
}
