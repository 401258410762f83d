package com.bmo.learning.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Named collections under one persist directory, each a {@link LuceneVectorIndex} in
 * {@code <persistDirectory>/<collection>}. Collections are opened on first use and kept open until
 * {@link #close(String)} (for example before a restore replaces the directory) or {@link #close()}.
 */
public final class LuceneVectorStore implements AutoCloseable {

  private final Path persistDirectory;
  private final IndexSettings settings;
  private final Map<String, LuceneVectorIndex> open = new ConcurrentHashMap<>();

  public LuceneVectorStore(Path persistDirectory, IndexSettings settings) {
    this.persistDirectory = Objects.requireNonNull(persistDirectory, "persistDirectory").toAbsolutePath()
        .normalize();
    this.settings = Objects.requireNonNull(settings, "settings");
    try {
      Files.createDirectories(this.persistDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create persist directory " + this.persistDirectory, e);
    }
  }

  public Path persistDirectory() {
    return persistDirectory;
  }

  /** Where a collection's index lives. */
  public Path directoryOf(String collection) {
    LuceneVectorIndex.checkCollectionName(collection);
    return persistDirectory.resolve(collection);
  }

  /** The collection, opened (and created, if new) on first use. */
  public LuceneVectorIndex collection(String name) {
    LuceneVectorIndex.checkCollectionName(name);
    return open.computeIfAbsent(name, n -> LuceneVectorIndex.open(n, directoryOf(n), settings));
  }

  /** Names of the collections on disk, sorted. */
  public List<String> collections() {
    try (Stream<Path> children = Files.list(persistDirectory)) {
      List<String> names = new ArrayList<>();
      children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".")).sorted(Comparator.naturalOrder()).forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + persistDirectory, e);
    }
  }

  /** Closes one collection (no-op if not open), for example before its directory is restored. */
  public void close(String name) {
    LuceneVectorIndex index = open.remove(name);
    if (index != null) {
      index.close();
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (String name : List.copyOf(open.keySet())) {
      try {
        close(name);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
