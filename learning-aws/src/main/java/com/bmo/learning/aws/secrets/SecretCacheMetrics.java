package com.bmo.learning.aws.secrets;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link SecretCache}'s {@link SecretCacheStats} to Micrometer, in the shape of Micrometer's
 * own cache metrics: {@code secrets.cache.gets{result=hit|miss}},
 * {@code secrets.cache.loads{result=success|failure}}, {@code secrets.cache.stale.serves},
 * {@code secrets.cache.evictions} and the gauge {@code secrets.cache.size}, each tagged {@code cache=name}.
 *
 * <p>Micrometer is an optional dependency of this module: only applications that bind these metrics need
 * it on their class path.
 */
public final class SecretCacheMetrics implements MeterBinder {

  private final SecretCache cache;
  private final Tags tags;

  public SecretCacheMetrics(SecretCache cache, String cacheName, Iterable<Tag> extraTags) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.tags = Tags.of("cache", cacheName).and(extraTags);
  }

  public SecretCacheMetrics(SecretCache cache, String cacheName) {
    this(cache, cacheName, Tags.empty());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "secrets.cache.gets", "hit", s -> s.hits(), "Reads answered from the cache");
    counter(registry, "secrets.cache.gets", "miss", s -> s.misses(), "Reads that waited for a load");
    counter(registry, "secrets.cache.loads", "success", s -> s.loads(), "Successful Secrets Manager calls");
    counter(registry, "secrets.cache.loads", "failure", s -> s.loadFailures(), "Failed Secrets Manager calls");
    FunctionCounter.builder("secrets.cache.stale.serves", cache, c -> c.stats().staleServes())
        .tags(tags).description("Reads served a value past its TTL because Secrets Manager failed")
        .register(registry);
    FunctionCounter.builder("secrets.cache.evictions", cache, c -> c.stats().evictions())
        .tags(tags).description("Entries removed for size or age").register(registry);
    Gauge.builder("secrets.cache.size", cache, c -> c.stats().size())
        .tags(tags).description("Secret versions held").register(registry);
  }

  private void counter(MeterRegistry registry, String name, String result,
      ToDoubleFunction<SecretCacheStats> f, String description) {
    FunctionCounter.builder(name, cache, c -> f.applyAsDouble(c.stats()))
        .tags(tags).tag("result", result).description(description).register(registry);
  }
}
