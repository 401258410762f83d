package com.bmo.learning.testsupport;

import com.bmo.learning.service.ingestion.DocumentIngestor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test configuration (outside the service's packages, so never component-scanned): holds the ingestion of
 * any document whose file name contains {@code hold} until {@link #release()}, so a test can catch a job
 * in the middle of its work.
 */
@Configuration(proxyBeanMethods = false)
public class GatedIngestion {

  private static volatile CountDownLatch gate = new CountDownLatch(1);
  private static volatile CountDownLatch entered = new CountDownLatch(1);

  public static void reset() {
    gate = new CountDownLatch(1);
    entered = new CountDownLatch(1);
  }

  public static void release() {
    gate.countDown();
  }

  /** True once a held ingestion has started. */
  public static boolean awaitEntered(long seconds) throws InterruptedException {
    return entered.await(seconds, TimeUnit.SECONDS);
  }

  @Bean
  static BeanPostProcessor gateDocumentIngestor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DocumentIngestor real)) {
          return bean;
        }
        return (DocumentIngestor) document -> {
          if (document.key().contains("hold")) {
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
          return real.chunks(document);
        };
      }
    };
  }
}
