package com.bmo.learning.testsupport;

import com.bmo.learning.service.ingestion.DocumentIngestor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test configuration: the ingestion of a document named {@code fail-N-times...} throws a transient error on
 * its first N attempts (as an S3 outage would), and one named {@code always-fail...} on every attempt.
 * Such outages cannot be caused on demand on a real endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class FlakyIngestion {

  private static final Pattern FAIL_N = Pattern.compile("fail-(\\d+)-times");
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  @Bean
  static BeanPostProcessor flakyDocumentIngestor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DocumentIngestor real)) {
          return bean;
        }
        return (DocumentIngestor) document -> {
          int call = CALLS.computeIfAbsent(document.key(), k -> new AtomicInteger()).incrementAndGet();
          Matcher m = FAIL_N.matcher(document.key());
          if (document.key().contains("always-fail") || m.find() && call <= Integer.parseInt(m.group(1))) {
            throw new IllegalStateException("simulated S3 outage (call " + call + ")");
          }
          return real.chunks(document);
        };
      }
    };
  }
}
