package com.bmo.learning.service.config;

import com.bmo.learning.service.LearningServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes secrets available to Spring configuration as {@code ${secrets.<setting>}} and
 * {@code ${secrets.<setting>#<field>}} (see {@link SecretsPropertySource}). Runs after the local
 * infrastructure is up, so the embedded endpoint is known when the first secret is read.
 */
public class SecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!LearningServiceApplication.isThisApplication(application)
        || environment.getPropertySources().contains(SecretsPropertySource.NAME)) {
      return;
    }
    environment.getPropertySources().addLast(
        new SecretsPropertySource(SingletonSupplier.of(() -> SecretsAccess.from(environment))));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
