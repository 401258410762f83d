package com.bmo.learning.service.index;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.ContentVersionMismatchException;
import com.bmo.learning.search.DimensionMismatchException;
import com.bmo.learning.search.IndexReplaced;
import com.bmo.learning.search.SearchIndexException;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the local Lucene index under the running content version. An index built with another embedding
 * model or chunker is moved aside to {@code <directory>.superseded} (kept until the next replacement, for
 * an operator who wants to go back) and an empty one takes its place; {@link ContentReindex} then queues
 * every document again. A marker file beside the index ({@code <directory>.reindex-pending}) lasts until
 * the documents are queued, so a crash in between re-queues them at the next start.
 */
final class LuceneIndexOpening {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneIndexOpening.class);

  private LuceneIndexOpening() {
  }

  static LuceneSearchIndex open(String collection, Path directory, IndexSettings settings, ContentVersion version,
      ContentReindex reindex) {
    Path marker = directory.resolveSibling(directory.getFileName() + ".reindex-pending");
    LuceneSearchIndex index;
    try {
      index = LuceneSearchIndex.open(collection, directory, settings, version);
      if (Files.exists(marker)) {
        String cause = readMarker(marker);
        LOG.warn("Search index '{}': a re-index ({}) was not queued before the last stop; queuing it now",
            collection, cause);
        reindex.indexReplaced(new IndexReplaced(collection, null, version, cause), () -> deleteMarker(marker));
      }
      return index;
    } catch (ContentVersionMismatchException | DimensionMismatchException e) {
      ContentVersion previous = e instanceof ContentVersionMismatchException m ? m.stored() : null;
      String cause = previous != null ? IndexReplaced.cause(previous, version)
          : "vector dimension changed (to " + settings.dimension() + ")";
      Path aside = directory.resolveSibling(directory.getFileName() + ".superseded");
      try {
        Files.writeString(marker, cause, StandardCharsets.UTF_8);
        deleteTree(aside);
        Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException io) {
        throw new SearchIndexException(collection, directory, "cannot set the outdated index aside (" + cause
            + "): " + io, io);
      }
      index = LuceneSearchIndex.open(collection, directory, settings, version);
      LOG.warn("Search index '{}' was outdated ({}): moved to {}, opened an empty index; every document will be"
          + " ingested again", collection, cause, aside);
      reindex.indexReplaced(new IndexReplaced(collection, previous, version, cause), () -> deleteMarker(marker));
      return index;
    }
  }

  private static String readMarker(Path marker) {
    try {
      return Files.readString(marker, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "an earlier re-index was not queued";
    }
  }

  private static void deleteMarker(Path marker) {
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      LOG.warn("Could not delete {} ({}): the documents will be queued again at the next start", marker,
          e.toString());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
