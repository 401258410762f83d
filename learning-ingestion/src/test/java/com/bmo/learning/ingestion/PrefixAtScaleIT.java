package com.bmo.learning.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.ingestion.process.BatchResult;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.process.FileResult;
import com.bmo.learning.testfixtures.TestDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A prefix whose listing spans several pages of 1,000 keys, filtered by a glob. About a minute on two
 * cores (over 3,000 requests to the embedded S3), hence {@code slow}.
 */
@Tag("slow")
class PrefixAtScaleIT extends S3IngestionSupport {

  private static final int PDFS = 1_010;
  private static final int OTHERS = 100;

  @Test
  void globOverMoreThanAThousandObjectsProcessesEveryMatchInKeyOrder() throws Exception {
    List<String> pdfKeys = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> uploads = new ArrayList<>();
      for (int i = 0; i < PDFS; i++) {
        String key = String.format("scale/week-%02d/lesson-%04d.pdf", i % 20, i);
        pdfKeys.add(key);
        byte[] pdf = TestDocuments.pdf("Lesson " + i + ": a short page about saving.");
        uploads.add(pool.submit(() -> put(key, pdf)));
      }
      for (int i = 0; i < OTHERS; i++) {
        String key = String.format("scale/week-%02d/notes-%04d.txt", i % 20, i);
        uploads.add(pool.submit(() -> put(key, TestDocuments.utf8("notes"))));
      }
      for (Future<?> f : uploads) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    try (DocumentProcessor p = DocumentProcessor.builder(storage).parallelism(4).build()) {
      BatchResult result = p.processPrefix(uri("scale/"), "**/*.pdf", Map.of("course", "scale"));

      assertThat(result.failures()).isEmpty();
      assertThat(result.summary().succeeded()).isEqualTo(PDFS);
      assertThat(result.summary().chunks()).isEqualTo(PDFS);
      assertThat(result.results()).extracting(FileResult::source)
          .containsExactlyElementsOf(pdfKeys.stream().sorted().map(k -> "s3://" + bucket + "/" + k).toList());
      assertThat(result.chunks()).allSatisfy(c -> assertThat(c.metadata().getString("course")).isEqualTo("scale"));
    }
  }
}
