package com.bmo.learning.service.it;

import com.bmo.learning.service.LearningServiceApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Service instances started and stopped by a test itself, each with its own scheduler name. */
public final class ServiceInstances {

  private ServiceInstances() {
  }

  public static ConfigurableApplicationContext start(TestEnvironment env, String name, Class<?>... extraConfiguration) {
    return start(env, name, Map.of(), extraConfiguration);
  }

  /** The same with {@code extraProperties} on top of the environment's (e.g. another search backend). */
  public static ConfigurableApplicationContext start(TestEnvironment env, String name,
      Map<String, Object> extraProperties, Class<?>... extraConfiguration) {
    Class<?>[] sources = new Class<?>[extraConfiguration.length + 1];
    sources[0] = LearningServiceApplication.class;
    System.arraycopy(extraConfiguration, 0, sources, 1, extraConfiguration.length);
    return new SpringApplicationBuilder(sources).profiles("it").run(args(env, name, extraProperties));
  }

  /** An instance whose ingestion pipeline fails or holds as the test told {@code ingestion}. */
  public static ConfigurableApplicationContext start(TestEnvironment env, String name,
      ControllableIngestion ingestion) {
    return start(env, name, Map.of(), ingestion);
  }

  /** The same with {@code extraProperties} on top of the environment's. */
  public static ConfigurableApplicationContext start(TestEnvironment env, String name,
      Map<String, Object> extraProperties, ControllableIngestion ingestion) {
    return new SpringApplicationBuilder(LearningServiceApplication.class).profiles("it")
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(ingestion))
        .run(args(env, name, extraProperties));
  }

  public static String url(ConfigurableApplicationContext ctx) {
    return "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
  }

  private static String[] args(TestEnvironment env, String name, Map<String, Object> extraProperties) {
    Map<String, Object> properties = new LinkedHashMap<>(env.properties());
    properties.putAll(extraProperties);
    properties.remove("spring.profiles.active");
    properties.put("server.port", "0");
    properties.put("db-scheduler.scheduler-name", name);
    // As command-line arguments: they outrank application.yaml, as a test's properties must.
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
