package com.bmo.learning.local;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the beans that talk to the local infrastructure depend on it, so that at shutdown they stop
 * (jobs finish, connections close) before the embedded database and endpoint go away.
 */
@Configuration(proxyBeanMethods = false)
public class LocalInfrastructureDependencies {

  static final String[] DEPENDENTS = {"dataSource", "s3Storage", "secretsAccess"};

  @Bean
  static BeanFactoryPostProcessor localInfrastructureDependents() {
    return (ConfigurableListableBeanFactory factory) -> {
      if (!factory.containsBeanDefinition(LocalInfrastructure.BEAN_NAME)) {
        return;
      }
      for (String name : DEPENDENTS) {
        if (factory.containsBeanDefinition(name)) {
          BeanDefinition bd = factory.getBeanDefinition(name);
          String[] existing = bd.getDependsOn() == null ? new String[0] : bd.getDependsOn();
          String[] dependsOn = java.util.Arrays.copyOf(existing, existing.length + 1);
          dependsOn[existing.length] = LocalInfrastructure.BEAN_NAME;
          bd.setDependsOn(dependsOn);
        }
      }
    };
  }
}
