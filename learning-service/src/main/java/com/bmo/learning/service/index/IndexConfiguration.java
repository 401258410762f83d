package com.bmo.learning.service.index;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.source.LoaderOptions;
import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.backup.BackupSettings;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.search.embedding.EmbeddingModels;
import com.bmo.learning.search.backup.IndexBackups;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneFileFormat;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.search.lucene.MergeSettings;
import com.bmo.learning.service.backup.IndexBackupPort;
import com.bmo.learning.service.config.ServiceProperties;
import com.bmo.learning.service.ingestion.DocumentIngestor;
import com.bmo.learning.service.ingestion.PipelineDocumentIngestor;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingestion pipeline, the embedding model (MiniLM, in-process), the search index (Lucene in a local
 * directory; with {@code learning.search.backend=opensearch} {@link OpenSearchBackendConfiguration} makes it
 * and the backups instead) and its S3 backups — learning-ingestion's and learning-search's classes behind
 * the service's ports ({@link DocumentIngestor}, {@link com.bmo.learning.search.SearchIndex}, {@link IndexBackupPort}).
 */
@Configuration(proxyBeanMethods = false)
public class IndexConfiguration {

  @Bean(destroyMethod = "close")
  DocumentProcessor documentProcessor(S3Storage s3, ServiceProperties properties) {
    return DocumentProcessor.builder(s3)
        .loaderOptions(LoaderOptions.builder().maxFileSize(properties.upload().maxSize().toBytes()).build())
        .limits(properties.ingestion().limits())
        .chunking(properties.index().chunkSize(), 0)
        .parallelism(1)
        .build();
  }

  @Bean
  DocumentIngestor documentIngestor(DocumentProcessor processor, BatchEmbedder embedder) {
    return new PipelineDocumentIngestor(processor, embedder);
  }

  @Bean
  BatchEmbedder batchEmbedder() {
    return new BatchEmbedder(EmbeddingModels.localMiniLm());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "learning.search.backend", havingValue = "lucene", matchIfMissing = true)
  LuceneSearchIndex searchIndex(BatchEmbedder embedder, DocumentProcessor processor,
      ServiceProperties properties, ContentReindex reindex) {
    // The index records the model and chunker it was built with; an index built with others is set aside
    // and replaced by an empty one that every document is ingested into again (ContentReindex).
    return LuceneIndexOpening.open(properties.index().collection(), properties.index().directory()
        .resolve(properties.index().collection()), luceneSettings(embedder.dimension(), properties.index()),
        contentVersion(embedder, processor), reindex);
  }

  /**
   * The Lucene backend's settings: learning-search's defaults with the background merge that
   * {@code learning.index.merge-above} / {@code merge-to} set ({@code merge-above} 0: no background merge).
   *
   * @throws IllegalArgumentException naming both properties when {@code merge-to} is not below {@code merge-above}
   */
  static IndexSettings luceneSettings(int dimension, ServiceProperties.Index index) {
    MergeSettings merges;
    try {
      merges = index.mergeAbove() == 0 ? MergeSettings.defaults().withoutBackgroundMerge()
          : MergeSettings.defaults().withBackgroundMerge(index.mergeTo(), index.mergeAbove());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("learning.index.merge-to (" + index.mergeTo() + ") must be at least 1"
          + " and below learning.index.merge-above (" + index.mergeAbove() + "), or merge-above 0 (off)", e);
    }
    return IndexSettings.defaults(dimension).withMerges(merges);
  }

  /** What the index's contents are made with: the embedding model and the chunker's rules and sizes. */
  static ContentVersion contentVersion(BatchEmbedder embedder, DocumentProcessor processor) {
    return new ContentVersion(embedder.modelName(), processor.chunkerVersion());
  }

  @Bean
  @ConditionalOnProperty(name = "learning.search.backend", havingValue = "lucene", matchIfMissing = true)
  IndexBackupPort indexBackups(S3Storage s3, LuceneSearchIndex index, ServiceProperties properties, Clock clock) {
    return new LuceneBackupAdapter(new IndexBackups(s3, BackupSettings.defaults(), LuceneFileFormat.INSTANCE),
        index, properties.buckets().backups(), clock);
  }
}
