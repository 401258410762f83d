package com.bmo.learning.search.opensearch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the chunk index lives on OpenSearch and how to reach it.
 *
 * @param endpoint the cluster's REST endpoint, e.g. {@code http://localhost:9200} or an Amazon OpenSearch
 *     Service domain endpoint
 * @param index the name readers and writers use: an alias over a versioned index ({@code <index>-v2-0}, a
 *     restore's {@code <index>-v2-<millis>})
 * @param awsSigV4 sign requests with AWS Signature V4 (Amazon OpenSearch Service), credentials from the
 *     AWS SDK's default chain
 * @param signingRegion the region to sign for; empty takes the SDK's default region chain
 * @param signingService {@code es} for OpenSearch Service domains, {@code aoss} for Serverless
 * @param shards primary shards of a new index
 * @param replicas replicas of a new index (0 on a single node)
 * @param timeout connect and read timeout of one request
 */
public record OpenSearchSettings(URI endpoint, String index, boolean awsSigV4, Optional<String> signingRegion,
    String signingService, int shards, int replicas, Duration timeout) {

  public OpenSearchSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.getHost() == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException("OpenSearch endpoint must be an http(s) URL with a host, was " + endpoint);
    }
    if (awsSigV4 && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("AWS SigV4 signing needs an https endpoint, was " + endpoint);
    }
    requireIndexName(index);
    Objects.requireNonNull(signingRegion, "signingRegion");
    if (!"es".equals(signingService) && !"aoss".equals(signingService)) {
      throw new IllegalArgumentException("signing service must be es or aoss, was " + signingService);
    }
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException("shards must be >= 1 and replicas >= 0, were " + shards + "/" + replicas);
    }
    Objects.requireNonNull(timeout, "timeout");
  }

  public static Builder builder(URI endpoint, String index) {
    return new Builder(endpoint, index);
  }

  /** OpenSearch index and alias names: lower case, no spaces or {@code \ / * ? " < > | , #}, not starting with {@code _ - +}. */
  static void requireIndexName(String name) {
    if (name == null || name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))
        || !name.matches("[a-z0-9][a-z0-9._-]{0,200}")) {
      throw new IllegalArgumentException("'" + name + "' is not a usable OpenSearch index name (lower-case letters,"
          + " digits, '.', '_' and '-', starting with a letter or digit)");
    }
  }

  /** Builds {@link OpenSearchSettings}; defaults: no signing, service {@code es}, 1 shard, 1 replica, 30 s. */
  public static final class Builder {
    private final URI endpoint;
    private final String index;
    private boolean awsSigV4;
    private String signingRegion;
    private String signingService = "es";
    private int shards = 1;
    private int replicas = 1;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder(URI endpoint, String index) {
      this.endpoint = endpoint;
      this.index = index;
    }

    public Builder awsSigV4(boolean sign) {
      this.awsSigV4 = sign;
      return this;
    }

    public Builder signingRegion(String region) {
      this.signingRegion = region == null || region.isBlank() ? null : region;
      return this;
    }

    public Builder signingService(String service) {
      this.signingService = service;
      return this;
    }

    public Builder shards(int shards) {
      this.shards = shards;
      return this;
    }

    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public OpenSearchSettings build() {
      return new OpenSearchSettings(endpoint, index, awsSigV4, Optional.ofNullable(signingRegion), signingService,
          shards, replicas, timeout);
    }
  }
}
