package com.bmo.learning.testsupport;

import com.bmo.learning.search.embedding.BatchEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test configuration (outside the service's packages, so never component-scanned): the embedding model
 * holds any batch with a chunk containing {@link #MARKER} until {@link #release()} — a very slow embedding
 * of a big document, on demand. Query embeddings and other documents pass.
 */
@Configuration(proxyBeanMethods = false)
public class GatedEmbedding {

  public static final String MARKER = "slow-embedding-marker";

  private static volatile CountDownLatch gate = new CountDownLatch(1);
  private static volatile CountDownLatch entered = new CountDownLatch(1);

  public static void reset() {
    gate = new CountDownLatch(1);
    entered = new CountDownLatch(1);
  }

  public static void release() {
    gate.countDown();
  }

  /** True once a held embedding has started. */
  public static boolean awaitEntered(long seconds) throws InterruptedException {
    return entered.await(seconds, TimeUnit.SECONDS);
  }

  @Bean
  static BeanPostProcessor gateEmbeddings() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof BatchEmbedder real)) {
          return bean;
        }
        EmbeddingModel model = real.model();
        EmbeddingModel gated = new EmbeddingModel() {
          @Override
          public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            if (segments.stream().anyMatch(s -> s.text().contains(MARKER))) {
              entered.countDown();
              try {
                if (!gate.await(120, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("gate never opened");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
              }
            }
            return model.embedAll(segments);
          }

          @Override
          public int dimension() {
            return real.dimension();
          }
        };
        return new BatchEmbedder(gated, real.batchSize());
      }
    };
  }
}
