package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.IndexReplaced;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.GetAliasResponse;
import org.opensearch.client.opensearch.indices.get_mapping.IndexMappingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index as an alias over one versioned index. Readers and writers only use the alias name, so a
 * restore can fill a new index and swap the alias over in one atomic cluster-state update: a search sees
 * the old index or the new one, never an empty or half-filled one.
 */
final class AliasedIndex {

  private static final Logger LOG = LoggerFactory.getLogger(AliasedIndex.class);

  private final OpenSearchClient client;
  private final OpenSearchSettings settings;
  private final int dimension;
  /** What the running configuration makes; null: not recorded, not checked. */
  private final ContentVersion content;
  /** Set by {@link #ensureReady()} when it replaced an outdated index (this instance then re-indexes). */
  private volatile IndexReplaced replaced;

  AliasedIndex(OpenSearchClient client, OpenSearchSettings settings, int dimension) {
    this(client, settings, dimension, null);
  }

  AliasedIndex(OpenSearchClient client, OpenSearchSettings settings, int dimension, ContentVersion content) {
    this.client = client;
    this.settings = settings;
    this.dimension = dimension;
    this.content = content;
  }

  /** The replacement {@link #ensureReady()} made of an outdated index, or null. */
  IndexReplaced replaced() {
    return replaced;
  }

  /** The alias every request goes through. */
  String alias() {
    return settings.index();
  }

  /**
   * Creates the alias and its first index when missing, and checks the mapping of the index behind it.
   * Safe to call from several instances at once. Returns the concrete index.
   *
   * @throws MappingMismatchException the index has another mapping version or dimension, or the name is
   *     taken by an index rather than an alias
   */
  String ensureReady() {
    try {
      for (int attempt = 0; ; attempt++) {
        List<String> behind = indicesBehindAlias();
        if (!behind.isEmpty()) {
          if (behind.size() > 1) {
            throw new MappingMismatchException(alias(), "the alias points at " + behind.size() + " indices " + behind
                + "; it must point at exactly one");
          }
          String outdated = verify(behind.get(0));
          return outdated == null ? behind.get(0) : replaceOutdated(behind.get(0), outdated);
        }
        if (client.indices().exists(e -> e.index(alias())).value()) {
          throw new MappingMismatchException(alias(), "exists as an index, not as an alias; this backend reads and"
              + " writes through an alias so that restores can swap it (reindex into '" + initialIndexName()
              + "' and add the alias '" + alias() + "' to it)");
        }
        String initial = initialIndexName();
        if (createIndex(initial, true)) {
          LOG.info("Created OpenSearch index {} behind alias {} (mapping version {}, {} dimensions)", initial,
              alias(), ChunkMapping.VERSION, dimension);
          return initial;
        }
        // Another instance created it first: go round once more and check what it made.
        if (attempt >= 2) {
          throw new IllegalStateException("OpenSearch index " + initial + " exists but alias " + alias()
              + " does not point at it; add the alias or delete the index");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach OpenSearch at " + settings.endpoint(), e);
    }
  }

  /** The one index behind the alias. */
  String liveIndex() {
    try {
      List<String> behind = indicesBehindAlias();
      if (behind.size() != 1) {
        throw new IllegalStateException("alias " + alias() + " points at " + behind + ", expected one index");
      }
      return behind.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a new, empty index with the current mapping, not yet behind the alias (for a restore). */
  String createNextIndex() {
    String name = alias() + "-v" + ChunkMapping.VERSION + "-" + System.currentTimeMillis();
    try {
      if (!createIndex(name, false)) {
        throw new IllegalStateException("OpenSearch index " + name + " already exists");
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points the alias at {@code next} and deletes the index it pointed at, in one atomic update; returns the
   * index that was replaced.
   */
  String swapTo(String next) {
    String previous = liveIndex();
    try {
      client.indices().updateAliases(u -> u
          .actions(a -> a.add(add -> add.index(next).alias(alias()).isWriteIndex(true)))
          .actions(a -> a.removeIndex(r -> r.index(previous))));
      LOG.info("Alias {} now points at {} (was {}, deleted)", alias(), next, previous);
      return previous;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes an index that never made it behind the alias (a failed restore). */
  void deleteUnused(String index) {
    if (index.equals(liveIndex())) {
      throw new IllegalArgumentException(index + " is the live index");
    }
    try {
      client.indices().delete(d -> d.index(index));
    } catch (OpenSearchException e) {
      if (e.status() != 404) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String initialIndexName() {
    return alias() + "-v" + ChunkMapping.VERSION + "-0";
  }

  private List<String> indicesBehindAlias() throws IOException {
    if (!client.indices().existsAlias(e -> e.name(alias())).value()) {
      return List.of();
    }
    GetAliasResponse response = client.indices().getAlias(g -> g.name(alias()));
    return response.result().keySet().stream().sorted().toList();
  }

  /** Creates the index; false if it already exists. */
  private boolean createIndex(String name, boolean withAlias) throws IOException {
    try {
      client.indices().create(c -> {
        c.index(name).settings(ChunkMapping.settings(settings)).mappings(ChunkMapping.mapping(dimension, content));
        if (withAlias) {
          c.aliases(alias(), a -> a.isWriteIndex(true));
        }
        return c;
      });
      return true;
    } catch (OpenSearchException e) {
      if ("resource_already_exists_exception".equals(e.error().type())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Checks the index's mapping version, dimension and content version. Returns null when it fits; when it
   * does not and the running content version is known, the reason to replace it; otherwise throws.
   */
  private String verify(String index) throws IOException {
    IndexMappingRecord record = client.indices().getMapping(g -> g.index(index)).result().get(index);
    TypeMapping mapping = record == null ? null : record.mappings();
    Map<String, JsonData> meta = mapping == null || mapping.meta() == null ? Map.of() : mapping.meta();
    Integer version = meta.containsKey(ChunkMapping.META_VERSION)
        ? meta.get(ChunkMapping.META_VERSION).to(Integer.class) : null;
    if (version == null || version != ChunkMapping.VERSION) {
      if (content != null) {
        return "index mapping changed (version " + version + " → " + ChunkMapping.VERSION + ")";
      }
      throw new MappingMismatchException(index, "has mapping version " + (version == null ? "none" : version)
          + ", this service writes version " + ChunkMapping.VERSION + "; re-index into a new index (or restore a"
          + " backup into one) before starting this version");
    }
    Property vector = mapping.properties().get(ChunkMapping.VECTOR);
    Integer found = vector != null && vector.isKnnVector() ? vector.knnVector().dimension() : null;
    if (found == null || found != dimension) {
      if (content != null) {
        return "vector dimension changed (" + found + " → " + dimension + ")";
      }
      throw new MappingMismatchException(index, "holds " + found + "-dimensional vectors, the embedding model makes "
          + dimension + "; use another index name for another model");
    }
    ContentVersion stored = storedContent(meta);
    if (content != null && !content.equals(stored)) {
      return IndexReplaced.cause(stored, content);
    }
    return null;
  }

  private static ContentVersion storedContent(Map<String, JsonData> meta) {
    JsonData model = meta.get(ChunkMapping.META_EMBEDDING_MODEL);
    JsonData chunker = meta.get(ChunkMapping.META_CHUNKER);
    return model == null || chunker == null ? null
        : new ContentVersion(model.to(String.class), chunker.to(String.class));
  }

  /**
   * Puts a fresh index with the running content version behind the alias in place of {@code outdated}
   * (deleted in the same atomic alias update). Its name follows from the content version, so when several
   * instances start at once exactly one creates it, swaps the alias and reports the replacement (and so
   * re-indexes); the others wait for the swap.
   */
  private String replaceOutdated(String outdated, String cause) throws IOException {
    ContentVersion previous = storedContent(metaOf(outdated));
    String next = alias() + "-v" + ChunkMapping.VERSION + "-c"
        + Integer.toUnsignedString(java.util.Objects.hash(content.embeddingModel(), content.chunker(), dimension), 36);
    if (createIndex(next, false)) {
      swapTo(next);
      replaced = new IndexReplaced(alias(), previous, content, cause);
      LOG.warn("OpenSearch index {} behind alias {} was outdated ({}): replaced by the empty index {}; every document"
          + " must be ingested again", outdated, alias(), cause, next);
      return next;
    }
    // Another instance created it: it swaps the alias and re-indexes. Wait for the swap (bounded: if that
    // instance died in between, finish its work here, re-index included).
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (indicesBehindAlias().equals(List.of(next))) {
        LOG.info("OpenSearch index {} replaced {} behind alias {} ({}), by another instance", next, outdated,
            alias(), cause);
        return next;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the alias swap to " + next, e);
      }
    }
    swapTo(next);
    replaced = new IndexReplaced(alias(), previous, content, cause);
    LOG.warn("OpenSearch index {} behind alias {} was outdated ({}); the instance that created {} did not swap"
        + " the alias in 30 s: swapped here, every document must be ingested again", outdated, alias(), cause, next);
    return next;
  }

  private Map<String, JsonData> metaOf(String index) throws IOException {
    IndexMappingRecord record = client.indices().getMapping(g -> g.index(index)).result().get(index);
    TypeMapping mapping = record == null ? null : record.mappings();
    return mapping == null || mapping.meta() == null ? Map.of() : mapping.meta();
  }
}
