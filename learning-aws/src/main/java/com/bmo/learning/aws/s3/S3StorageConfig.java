package com.bmo.learning.aws.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Settings of an {@link S3Storage}; immutable, built with {@link #builder()}. Every setting has a default.
 *
 * <p>Endpoint: {@link Builder#endpoint(URI)} if given, else {@code AWS_ENDPOINT_URL_S3}, else
 * {@code AWS_ENDPOINT_URL} (the SDK's standard variables; {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}
 * turns the variables off), else AWS's regional endpoint. Whenever an endpoint is overridden, path-style
 * addressing is used ({@code http://host/bucket/key}), which local endpoints need.
 *
 * <p>Memory: an upload holds at most {@code partSize × (partConcurrency + 1)} bytes of object data
 * (the parts in flight and the one being read), whatever the object's size; a batch upload multiplies
 * that by {@code batchParallelism}.
 *
 * @param endpoint explicit endpoint, or null to resolve it from the environment
 * @param region region name, or null for {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, then the SDK's
 *     region chain ({@code us-east-1} when an endpoint is overridden and nothing else is set)
 * @param credentialsProvider null for the SDK's default chain
 * @param maxAttempts attempts per request, first one included, for the SDK's standard retry strategy
 * @param partSize size of each multipart part (5 MiB to 5 GiB); raised automatically for objects whose
 *     known size would need more than 10,000 parts
 * @param multipartThreshold objects of known size above this go multipart; unknown-length streams go
 *     multipart once more than one part has been read
 * @param partConcurrency parts of one upload sent at the same time
 * @param batchParallelism files of a batch upload sent at the same time
 * @param multipartChecksum how part checksums are combined; see {@link MultipartChecksum}
 * @param maxConnections HTTP connection pool size
 * @param connectionTimeout TCP connect timeout
 * @param socketTimeout maximum wait for data on an open connection
 * @param environment environment variables to resolve endpoint and region from (tests pass their own)
 */
public record S3StorageConfig(
    URI endpoint,
    String region,
    AwsCredentialsProvider credentialsProvider,
    int maxAttempts,
    long partSize,
    long multipartThreshold,
    int partConcurrency,
    int batchParallelism,
    MultipartChecksum multipartChecksum,
    int maxConnections,
    Duration connectionTimeout,
    Duration socketTimeout,
    Map<String, String> environment) {

  public static final long MIB = 1024L * 1024;
  /** S3's smallest part (except the last). */
  public static final long MIN_PART_SIZE = 5 * MIB;
  /** S3's largest part, and largest single PutObject. */
  public static final long MAX_PART_SIZE = 5 * 1024 * MIB;
  public static final int MAX_PARTS = 10_000;

  public S3StorageConfig {
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    Objects.requireNonNull(multipartChecksum, "multipartChecksum");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    if (endpoint != null && (endpoint.getHost() == null
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
      throw new IllegalArgumentException("endpoint must be an http(s) URL with a host, was " + endpoint);
    }
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
    }
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be 5 MiB..5 GiB, was " + partSize);
    }
    // Parts are read into byte arrays.
    if (partSize > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("partSize must be below 2 GiB, was " + partSize);
    }
    if (multipartThreshold < partSize || multipartThreshold > MAX_PART_SIZE) {
      throw new IllegalArgumentException("multipartThreshold must be between partSize (" + partSize
          + ") and 5 GiB, was " + multipartThreshold);
    }
    if (partConcurrency < 1 || partConcurrency > 64) {
      throw new IllegalArgumentException("partConcurrency must be 1..64, was " + partConcurrency);
    }
    if (batchParallelism < 1 || batchParallelism > 64) {
      throw new IllegalArgumentException("batchParallelism must be 1..64, was " + batchParallelism);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
    }
    if (connectionTimeout.isNegative() || connectionTimeout.isZero()
        || socketTimeout.isNegative() || socketTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults for everything; endpoint and region from the process environment. */
  public static S3StorageConfig defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The endpoint in force: the configured one, else the environment's; empty means AWS itself. */
  public Optional<URI> resolvedEndpoint() {
    if (endpoint != null) {
      return Optional.of(endpoint);
    }
    if ("true".equalsIgnoreCase(environment.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""))) {
      return Optional.empty();
    }
    for (String name : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
      String value = environment.getOrDefault(name, "").trim();
      if (!value.isEmpty()) {
        URI uri;
        try {
          uri = URI.create(value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + "=" + value + " is not a valid URL", e);
        }
        if (uri.getHost() == null
            || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
          throw new IllegalArgumentException(name + "=" + value + " is not an http(s) URL with a host");
        }
        return Optional.of(uri);
      }
    }
    return Optional.empty();
  }

  /** Path-style addressing: on whenever the endpoint is overridden. */
  public boolean pathStyle() {
    return resolvedEndpoint().isPresent();
  }

  /** The region from configuration or environment; empty leaves it to the SDK's region chain. */
  public Optional<String> resolvedRegion() {
    if (region != null && !region.isBlank()) {
      return Optional.of(region);
    }
    for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String value = environment.getOrDefault(name, "").trim();
      if (!value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return resolvedEndpoint().isPresent() ? Optional.of("us-east-1") : Optional.empty();
  }

  /** Leaves out the environment and the credentials: they may hold secrets. */
  @Override
  public String toString() {
    return "S3StorageConfig[endpoint=" + resolvedEndpoint().map(URI::toString).orElse("(AWS)")
        + ", region=" + resolvedRegion().orElse("(SDK chain)")
        + ", pathStyle=" + pathStyle()
        + ", credentials=" + (credentialsProvider == null ? "(default chain)"
            : credentialsProvider.getClass().getSimpleName())
        + ", maxAttempts=" + maxAttempts + ", partSize=" + partSize
        + ", multipartThreshold=" + multipartThreshold + ", partConcurrency=" + partConcurrency
        + ", batchParallelism=" + batchParallelism + ", multipartChecksum=" + multipartChecksum
        + ", maxConnections=" + maxConnections + ", connectionTimeout=" + connectionTimeout
        + ", socketTimeout=" + socketTimeout + "]";
  }

  /** Builder with the defaults: 3 attempts, 8 MiB parts, multipart above 16 MiB, 4 parts in flight. */
  public static final class Builder {
    private URI endpoint;
    private String region;
    private AwsCredentialsProvider credentialsProvider;
    private int maxAttempts = 3;
    private long partSize = 8 * MIB;
    private long multipartThreshold = 16 * MIB;
    private int partConcurrency = 4;
    private int batchParallelism = 4;
    private MultipartChecksum multipartChecksum = MultipartChecksum.FULL_OBJECT;
    private int maxConnections = 64;
    private Duration connectionTimeout = Duration.ofSeconds(5);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private Map<String, String> environment = System.getenv();

    private Builder() {
    }

    private Builder(S3StorageConfig c) {
      endpoint = c.endpoint;
      region = c.region;
      credentialsProvider = c.credentialsProvider;
      maxAttempts = c.maxAttempts;
      partSize = c.partSize;
      multipartThreshold = c.multipartThreshold;
      partConcurrency = c.partConcurrency;
      batchParallelism = c.batchParallelism;
      multipartChecksum = c.multipartChecksum;
      maxConnections = c.maxConnections;
      connectionTimeout = c.connectionTimeout;
      socketTimeout = c.socketTimeout;
      environment = c.environment;
    }

    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
      this.credentialsProvider = credentialsProvider;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder partSize(long partSize) {
      this.partSize = partSize;
      return this;
    }

    public Builder multipartThreshold(long multipartThreshold) {
      this.multipartThreshold = multipartThreshold;
      return this;
    }

    public Builder partConcurrency(int partConcurrency) {
      this.partConcurrency = partConcurrency;
      return this;
    }

    public Builder batchParallelism(int batchParallelism) {
      this.batchParallelism = batchParallelism;
      return this;
    }

    public Builder multipartChecksum(MultipartChecksum multipartChecksum) {
      this.multipartChecksum = multipartChecksum;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder connectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = connectionTimeout;
      return this;
    }

    public Builder socketTimeout(Duration socketTimeout) {
      this.socketTimeout = socketTimeout;
      return this;
    }

    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public S3StorageConfig build() {
      return new S3StorageConfig(endpoint, region, credentialsProvider, maxAttempts, partSize,
          multipartThreshold, partConcurrency, batchParallelism, multipartChecksum, maxConnections,
          connectionTimeout, socketTimeout, environment);
    }
  }
}
