package com.bmo.learning.service.index;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which search backend the service uses, under {@code learning.search.*} (environment:
 * {@code LEARNING_SEARCH_BACKEND}, {@code LEARNING_SEARCH_OPENSEARCH_URL}, ...).
 *
 * @param backend {@code lucene} (default: an index directory of this instance) or {@code opensearch} (one
 *     index shared by every instance)
 */
@ConfigurationProperties("learning.search")
public record SearchBackendProperties(@DefaultValue("lucene") Backend backend, @DefaultValue OpenSearch opensearch) {

  /** The search backends. */
  public enum Backend {
    LUCENE,
    OPENSEARCH
  }

  /**
   * The OpenSearch backend.
   *
   * @param url the cluster's REST endpoint ({@code http://localhost:9200}, an Amazon OpenSearch Service
   *     domain endpoint)
   * @param index the alias readers and writers use; created with its first index when missing
   * @param awsSigv4 sign requests with AWS SigV4 (Amazon OpenSearch Service), credentials from the SDK's
   *     default chain
   * @param region the region to sign for; empty for the SDK's region chain ({@code AWS_REGION})
   * @param signingService {@code es} (domains) or {@code aoss} (Serverless)
   * @param shards primary shards of a new index
   * @param replicas replicas of a new index (0 on a single-node cluster)
   */
  public record OpenSearch(URI url, @DefaultValue("learning-chunks") String index,
      @DefaultValue("false") boolean awsSigv4, String region, @DefaultValue("es") String signingService,
      @DefaultValue("1") int shards, @DefaultValue("1") int replicas) {
  }
}
