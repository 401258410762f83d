package com.bmo.learning.ingestion.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.testfixtures.TestDocuments;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentChunkerTest {

  private static final String URI = "s3://lessons/course/intro.pdf";

  private static List<Document> pages(int n) {
    String[] texts = TestDocuments.lessonPages("chunking", n, 300);
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> Document.from(texts[i], Metadata.from(MetadataKeys.SOURCE_URI, URI)
            .put(MetadataKeys.PAGE, i + 1)))
        .toList();
  }

  @Test
  void chunksRespectSizeAndCarryIndexCountAndMetadata() {
    List<TextSegment> chunks = new DocumentChunker(400, 80).chunk(URI, "etag-1", pages(3));
    assertThat(chunks.size()).isGreaterThan(6);
    assertThat(chunks).allSatisfy(c -> {
      // A section's short tail may join the chunk before it: up to a quarter over the size.
      assertThat(c.text().length()).isLessThan(400 + 400 / 4);
      assertThat(c.metadata().getString(MetadataKeys.SOURCE_URI)).isEqualTo(URI);
      assertThat(c.metadata().getInteger(MetadataKeys.CHUNK_COUNT)).isEqualTo(chunks.size());
      assertThat(c.metadata().getInteger(MetadataKeys.PAGE)).isBetween(1, 3);
    });
    assertThat(chunks).extracting(c -> c.metadata().getInteger(MetadataKeys.CHUNK_INDEX))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
    // Pages stay in order.
    List<Integer> pages = chunks.stream().map(c -> c.metadata().getInteger(MetadataKeys.PAGE)).toList();
    assertThat(pages).isSorted();
  }

  @Test
  void consecutiveChunksOfAPageOverlap() {
    List<TextSegment> chunks = new DocumentChunker(300, 100).chunk(URI, "e", pages(1));
    int overlapping = 0;
    for (int i = 1; i < chunks.size(); i++) {
      String prev = chunks.get(i - 1).text();
      String next = chunks.get(i).text();
      String head = next.substring(0, Math.min(20, next.length()));
      if (prev.contains(head)) {
        overlapping++;
      }
    }
    assertThat(chunks.size()).isGreaterThan(3);
    assertThat(overlapping).isGreaterThan(0);
    List<TextSegment> noOverlap = new DocumentChunker(300, 0).chunk(URI, "e", pages(1));
    assertThat(noOverlap.size()).isLessThan(chunks.size());
  }

  @Test
  void idsAreStableUniqueAndDependOnSourceVersionAndPosition() {
    DocumentChunker chunker = new DocumentChunker(400, 50);
    List<String> first = ids(chunker.chunk(URI, "etag-1", pages(3)));
    List<String> again = ids(new DocumentChunker(400, 50).chunk(URI, "etag-1", pages(3)));
    assertThat(again).isEqualTo(first);
    assertThat(Set.copyOf(first)).hasSize(first.size());
    assertThat(first).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(8));

    List<String> otherVersion = ids(chunker.chunk(URI, "etag-2", pages(3)));
    assertThat(otherVersion).doesNotContainAnyElementsOf(first);
    List<String> otherSource = ids(chunker.chunk("s3://lessons/other.pdf", "etag-1", pages(3)));
    assertThat(otherSource).doesNotContainAnyElementsOf(first);
    List<String> otherSize = ids(new DocumentChunker(300, 50).chunk(URI, "etag-1", pages(3)));
    assertThat(otherSize).doesNotContainAnyElementsOf(first);
  }

  @Test
  void stableIdsAreDeterministicUuids() {
    assertThat(StableId.chunk("a", "b", 0, "t")).isEqualTo(StableId.chunk("a", "b", 0, "t"));
    assertThat(StableId.chunk("a", "b", 0, "t")).isNotEqualTo(StableId.chunk("a", "b", 1, "t"));
    assertThat(StableId.document("ab", "c")).isNotEqualTo(StableId.document("a", "bc"));
    assertThat(StableId.document("a", "b")).isNotEqualTo(StableId.chunk("a", "b", 0, ""));
  }

  @Test
  void shortTextIsOneChunk() {
    List<TextSegment> chunks = new DocumentChunker(1000, 100)
        .chunk(URI, "e", List.of(Document.from("A short lesson.")));
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).text()).isEqualTo("A short lesson.");
  }

  @Test
  void invalidSizesAreRejected() {
    assertThatThrownBy(() -> new DocumentChunker(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentChunker(100, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentChunker(100, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortSectionTailJoinsThePreviousChunkOfItsSectionOnly() {
    String full = sentencesUpTo(200);
    int size = full.length() + 2; // the full part is one chunk; with the tail it would exceed the size
    List<Document> documents = List.of(
        sectionPart(0, "Guide › Install", 1, full),
        sectionPart(0, "Guide › Install", 2, "End."),
        sectionPart(1, "Guide › Upgrade", 2, "Short."),
        sectionPart(2, "Guide › Notes", 3, "— * —"));
    DocumentChunker chunker = new DocumentChunker(size, 0);

    List<TextSegment> chunks = chunker.chunk(URI, "e", documents);

    assertThat(chunks).extracting(TextSegment::text).containsExactly(full + "\nEnd.", "Short.");
    // The merged chunk spans both pages of its section; the next section's short chunk stays apart.
    assertThat(chunks.get(0).metadata().getInteger(MetadataKeys.PAGE)).isEqualTo(1);
    assertThat(chunks.get(0).metadata().getInteger(MetadataKeys.PAGE_END)).isEqualTo(2);
    assertThat(chunks.get(1).metadata().getInteger(MetadataKeys.PAGE)).isEqualTo(2);
    assertThat(chunks.get(1).metadata().getInteger(MetadataKeys.PAGE_END)).isNull();
    assertThat(chunks.get(1).metadata().getString(MetadataKeys.HEADING_PATH)).isEqualTo("Guide › Upgrade");
    // The wordless section gave no chunk, so the count and indexes have no gap.
    assertThat(chunks).allSatisfy(c -> assertThat(c.metadata().getInteger(MetadataKeys.CHUNK_COUNT)).isEqualTo(2));
    assertThat(chunks.get(1).metadata().getInteger(MetadataKeys.CHUNK_INDEX)).isEqualTo(1);
  }

  @Test
  void tailOfAQuarterOfTheSizeOrMoreStaysItsOwnChunk() {
    String full = sentencesUpTo(200);
    int size = full.length() + 2;
    String tail = "This closing sentence of the section is long enough to stand alone.";
    assertThat(tail.length()).isGreaterThanOrEqualTo(size / 4);
    List<TextSegment> chunks = new DocumentChunker(size, 0).chunk(URI, "e", List.of(
        sectionPart(0, "Guide › Install", 1, full), sectionPart(0, "Guide › Install", 2, tail)));

    assertThat(chunks).extracting(TextSegment::text).containsExactly(full, tail);
    assertThat(chunks.get(1).metadata().getInteger(MetadataKeys.PAGE)).isEqualTo(2);
  }

  private static Document sectionPart(int section, String headingPath, int page, String text) {
    return Document.from(text, Metadata.from(MetadataKeys.SOURCE_URI, URI).put(MetadataKeys.SECTION_INDEX, section)
        .put(MetadataKeys.HEADING_PATH, headingPath).put(MetadataKeys.PAGE, page));
  }

  /** Whole sentences, as many as fit in {@code max} characters. */
  private static String sentencesUpTo(int max) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; ; i++) {
      String sentence = (text.length() == 0 ? "" : " ") + "Step " + i + " installs one part.";
      if (text.length() + sentence.length() > max) {
        return text.toString();
      }
      text.append(sentence);
    }
  }

  private static List<String> ids(List<TextSegment> chunks) {
    return chunks.stream().map(c -> c.metadata().getString(MetadataKeys.CHUNK_ID))
        .collect(Collectors.toList());
  }
}
