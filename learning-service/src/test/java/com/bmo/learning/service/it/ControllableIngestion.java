package com.bmo.learning.service.it;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.service.ingestion.DocumentIngestor;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Failing or held ingestion on demand, for the service instances a test starts itself
 * ({@link ServiceInstances#start(TestEnvironment, String, ControllableIngestion)}): the test makes one,
 * says which of its documents (by file name) fail on which attempts or are held, and passes it to the
 * instance. It decorates the instance's {@link DocumentIngestor} (failures as an S3 outage would cause
 * them, which a real endpoint cannot do on demand; holds inside a job) and its {@link BatchEmbedder}
 * (holds inside the model call). Its state belongs to the test that made it; documents it was not told
 * about pass through untouched.
 */
public final class ControllableIngestion implements BeanPostProcessor {

  private final Map<String, Integer> failingAttempts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, Gate> heldIngestions = new ConcurrentHashMap<>();
  private final Map<String, Gate> heldEmbeddings = new ConcurrentHashMap<>();

  /** The first {@code count} ingestion attempts of the file fail with a transient error. */
  public ControllableIngestion failFirstAttempts(String fileName, int count) {
    failingAttempts.put(fileName, count);
    return this;
  }

  /** Every ingestion attempt of the file fails with a transient error. */
  public ControllableIngestion failEveryAttempt(String fileName) {
    return failFirstAttempts(fileName, Integer.MAX_VALUE);
  }

  /** Holds the ingestion of these files, as each starts, until the one gate they share opens. */
  public Gate holdIngestion(String... fileNames) {
    Gate gate = new Gate();
    for (String fileName : fileNames) {
      heldIngestions.put(fileName, gate);
    }
    return gate;
  }

  /** Holds the embedding of the file's chunks, inside the model call, until the gate opens. */
  public Gate holdEmbedding(String fileName) {
    return heldEmbeddings.computeIfAbsent(fileName, f -> new Gate());
  }

  /** How many times the file's ingestion was attempted so far. */
  public int attempts(String fileName) {
    AtomicInteger n = attempts.get(fileName);
    return n == null ? 0 : n.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DocumentIngestor real) {
      return (DocumentIngestor) document -> {
        String fileName = lastSegment(document.key());
        int attempt = attempts.computeIfAbsent(fileName, f -> new AtomicInteger()).incrementAndGet();
        Gate gate = heldIngestions.get(fileName);
        if (gate != null) {
          gate.pass();
        }
        if (attempt <= failingAttempts.getOrDefault(fileName, 0)) {
          throw new IllegalStateException("simulated S3 outage (attempt " + attempt + ")");
        }
        return real.chunks(document);
      };
    }
    if (bean instanceof BatchEmbedder real) {
      EmbeddingModel model = real.model();
      return new BatchEmbedder(new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
          segments.stream().map(s -> s.metadata().getString(MetadataKeys.FILE_NAME))
              .filter(f -> f != null && heldEmbeddings.containsKey(f)) // questions have no file
              .findFirst().ifPresent(f -> heldEmbeddings.get(f).pass());
          return model.embedAll(segments);
        }

        @Override
        public int dimension() {
          return real.dimension();
        }

        @Override
        public String modelName() {
          return real.modelName(); // the index records it: the decorator must not change it
        }
      }, real.batchSize());
    }
    return bean;
  }

  private static String lastSegment(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** A point where work waits until the test opens it. */
  public static final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** True once held work (the first, where several share the gate) has reached it within {@code timeout}. */
    public boolean awaitEntered(Duration timeout) throws InterruptedException {
      return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets held work (and any that comes later) go on. */
    public void open() {
      open.countDown();
    }

    private void pass() {
      entered.countDown();
      try {
        if (!open.await(120, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while held", e);
      }
    }
  }
}
