package com.bmo.learning.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.search.ChunkFilter;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.backup.BackupInfo;
import com.bmo.learning.search.backup.BackupResult;
import com.bmo.learning.search.backup.BackupSettings;
import com.bmo.learning.search.backup.BackupType;
import com.bmo.learning.search.backup.IndexBackups;
import com.bmo.learning.search.backup.RestoreMode;
import com.bmo.learning.search.backup.RestoreResult;
import com.bmo.learning.search.backup.RestoreTargetExistsException;
import com.bmo.learning.search.backup.RestoreTargetInUseException;
import com.bmo.learning.search.backup.TestStorage;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.search.embedding.EmbeddingModels;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real in-process all-MiniLM-L6-v2 model on a small generated corpus: lesson facts among many
 * look-alike administrative chunks. Questions are paraphrases that share few words with their answer.
 */
@LocalAwsTest
class VectorSearchIT {

  /** Question → the chunk that answers it. */
  static final Map<String, String> QUESTIONS = new LinkedHashMap<>();
  static final Map<String, String[]> FACTS = new LinkedHashMap<>();

  static {
    fact("alg-quadratic", "algebra", "The quadratic formula x = (-b ± √(b² − 4ac)) / 2a gives the roots of any"
        + " second-degree polynomial equation.", "How do I find the solutions of ax^2 + bx + c = 0?");
    fact("alg-slope", "algebra", "The slope of a line measures how steeply it rises: the change in y divided"
        + " by the change in x between two points.", "What does the gradient of a straight line tell me?");
    fact("bio-photosynthesis", "biology", "Photosynthesis lets plants turn sunlight, water and carbon dioxide"
        + " into glucose, releasing oxygen as a by-product.", "How do green leaves make sugar from light?");
    fact("bio-mitochondria", "biology", "Mitochondria are the powerhouse of the cell, producing ATP through"
        + " cellular respiration.", "Which organelle generates energy for cells?");
    fact("bio-dna", "biology", "DNA is a double helix whose base pairs, adenine with thymine and guanine with"
        + " cytosine, store genetic information.", "What molecule carries hereditary instructions?");
    fact("hist-magna", "history", "The Magna Carta, sealed by King John in 1215, limited the power of the"
        + " English monarch.", "Which medieval charter restricted royal authority in England?");
    fact("hist-wall", "history", "The Berlin Wall fell in November 1989, opening the border between East and"
        + " West Germany.", "When was the barrier dividing the German capital torn down?");
    fact("hist-printing", "history", "Johannes Gutenberg's movable-type printing press, around 1440, made"
        + " books cheap and spread literacy across Europe.",
        "Who invented the machine that mass-produced books in the fifteenth century?");
    fact("fin-compound", "finance", "Compound interest means earning interest on previously earned interest,"
        + " so savings grow exponentially over time.",
        "Why does money in a savings account grow faster the longer it stays there?");
    fact("fin-inflation", "finance", "Inflation is the general rise in prices that reduces the purchasing"
        + " power of money.", "What is it called when things cost more every year and a dollar buys less?");
    fact("fin-diversify", "finance", "Diversification spreads investments across many assets so that one"
        + " loss does not ruin the whole portfolio.",
        "Why shouldn't I put all my eggs in one basket when investing?");
    fact("chem-ph", "chemistry", "The pH scale measures acidity: values below 7 are acidic, 7 is neutral and"
        + " above 7 is alkaline.", "How can I tell whether a liquid is a base or an acid?");
  }

  static void fact(String id, String course, String text, String question) {
    FACTS.put(id, new String[] {course, text});
    QUESTIONS.put(question, id);
  }

  static BatchEmbedder embedder;

  @BeforeAll
  static void loadModel() {
    embedder = new BatchEmbedder(EmbeddingModels.localMiniLm());
  }

  @AfterAll
  static void release() {
    embedder = null;
  }

  /** The facts, one document per course, plus 150 administrative look-alikes spread over the courses. */
  static Map<String, List<TextSegment>> corpus() {
    Map<String, List<TextSegment>> bySource = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, String[]> f : FACTS.entrySet()) {
      String course = f.getValue()[0];
      String source = "s3://lessons/" + course + "/lesson.pdf";
      bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(segment(f.getKey(), f.getValue()[1],
          source, course, n++ % 5 + 1));
    }
    String[] courses = {"algebra", "biology", "history", "finance", "chemistry"};
    String[] topics = {"homework deadlines", "grading rubrics", "office hours", "exam room changes",
        "group project sign-ups", "late submission policy"};
    for (int i = 0; i < 150; i++) {
      String course = courses[i % courses.length];
      String source = "s3://lessons/" + course + "/admin-" + (i % 3) + ".pdf";
      String text = "Course " + course + ", week " + (i % 12 + 1) + ": reminder about "
          + topics[i % topics.length] + " and the schedule for section " + (i % 7 + 1) + ".";
      bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(segment("admin-" + i, text, source,
          course, i % 9 + 1));
    }
    return bySource;
  }

  static TextSegment segment(String id, String text, String source, String course, int page) {
    return TextSegment.from(text, new Metadata().put(MetadataKeys.CHUNK_ID, id)
        .put(MetadataKeys.SOURCE_URI, source).put(MetadataKeys.BUCKET, "lessons")
        .put(MetadataKeys.KEY, source.substring("s3://lessons/".length()))
        .put(MetadataKeys.PAGE, page).put(COURSE, course));
  }

  static final String COURSE = "course";

  /** Embeds every document's segments, then replaces the document in the index (as the service does). */
  static void ingest(SearchIndex index) {
    corpus().forEach((source, segments) -> {
      List<float[]> vectors = embedder.embedAll(segments);
      List<IndexedChunk> chunks = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        chunks.add(IndexedChunk.of(segments.get(i), vectors.get(i)));
      }
      index.replaceSource(source, chunks);
    });
  }

  static List<SearchHit> search(SearchIndex index, String question, int k, ChunkFilter filter) {
    return index.search(SearchQuery.vector(embedder.embedQuery(question), k).withFilter(filter));
  }

  @Test
  void paraphrasedQuestionsFindTheChunkThatAnswersThem(@TempDir Path dir) {
    try (LuceneSearchIndex index = LuceneSearchIndex.open("lessons", dir.resolve("lessons"),
        IndexSettings.defaults(embedder.dimension()))) {
      ingest(index);
      // Re-ingesting every document replaces its chunks: still one copy of each.
      ingest(index);
      assertThat(index.count()).isEqualTo(FACTS.size() + 150);

      QUESTIONS.forEach((question, expected) -> {
        List<SearchHit> hits = search(index, question, 3, null);
        assertThat(hits.get(0).chunkId()).as(question).isEqualTo(expected);
        assertThat(hits.get(0).text()).isEqualTo(FACTS.get(expected)[1]);
        assertThat(hits.get(0).sourceUri())
            .isEqualTo("s3://lessons/" + FACTS.get(expected)[0] + "/lesson.pdf");
      });

      // Filtered to another course, the biology answer cannot come back.
      List<SearchHit> finance = search(index, "How do green leaves make sugar from light?", 5,
          ChunkFilter.eq(COURSE, "finance"));
      assertThat(finance).hasSize(5).allSatisfy(h ->
          assertThat(h.metadata().get(COURSE)).isEqualTo("finance"));
      List<SearchHit> biology = search(index, "How do green leaves make sugar from light?", 1,
          ChunkFilter.eq(COURSE, "biology"));
      assertThat(biology.get(0).chunkId()).isEqualTo("bio-photosynthesis");

      // Deleting the source removes its answers.
      assertThat(index.deleteSource("s3://lessons/biology/lesson.pdf")).isEqualTo(3);
      assertThat(search(index, "Which organelle generates energy for cells?", 5, null))
          .extracting(SearchHit::chunkId).doesNotContain("bio-mitochondria");
    }
  }

  @Test
  void fullBackupThenClearThenRestoreGivesIdenticalSearchResults(LocalAwsTarget target, TestBucket bucket,
      @TempDir Path dir) {
    Path indexDir = dir.resolve("persist/lessons");
    IndexSettings settings = IndexSettings.defaults(embedder.dimension());
    Map<String, List<SearchHit>> before = new LinkedHashMap<>();
    BackupResult backup;
    try (S3Storage storage = TestStorage.create(target)) {
      IndexBackups backups = new IndexBackups(storage, BackupSettings.defaults()
          .withWorkDirectory(dir.resolve("work")), LuceneFileFormat.INSTANCE);
      try (LuceneSearchIndex index = LuceneSearchIndex.open("lessons", indexDir, settings)) {
        ingest(index);
        QUESTIONS.keySet().forEach(q -> before.put(q, search(index, q, 10, null)));

        backup = backups.backupToS3(index, bucket.name(), "backups/lessons/full-1.tar.gz");
        index.clear();
        assertThat(index.count()).isZero();

        // The index is still open: a restore must not pull its directory away.
        assertThatThrownBy(() -> backups.restore(bucket.name(), backup.backup().key(), indexDir, RestoreMode.REPLACE))
            .isInstanceOf(RestoreTargetInUseException.class);
      }
      assertThatThrownBy(() -> backups.restore(bucket.name(), backup.backup().key(), indexDir, RestoreMode.CREATE_ONLY))
          .isInstanceOf(RestoreTargetExistsException.class);

      RestoreResult restored = backups.restore(bucket.name(), backup.backup().key(), indexDir, RestoreMode.REPLACE);

      assertThat(restored.chunkCount()).isEqualTo(FACTS.size() + 150);
      assertThat(restored.replacedExisting()).isTrue();
      List<BackupInfo> listed = backups.listBackups(bucket.name(), "backups/");
      assertThat(listed).hasSize(1);
      BackupInfo info = listed.get(0);
      assertThat(info.type()).isEqualTo(BackupType.FULL);
      assertThat(info.collection()).isEqualTo("lessons");
      assertThat(info.chunkCount()).isEqualTo(FACTS.size() + 150);
      assertThat(info.persistDirectory()).isEqualTo(indexDir.toAbsolutePath().toString());
      assertThat(info.sha256()).matches("[0-9a-f]{64}").isEqualTo(backup.backup().sha256());
      assertThat(info.createdAt()).isEqualTo(backup.backup().createdAt());
    }
    try (LuceneSearchIndex index = LuceneSearchIndex.open("lessons", indexDir, settings)) {
      before.forEach((question, hits) -> assertThat(search(index, question, 10, null)).as(question)
          .isEqualTo(hits));
    }
    assertThat(dir.resolve("persist").toFile().list()).containsExactly("lessons");
  }
}
