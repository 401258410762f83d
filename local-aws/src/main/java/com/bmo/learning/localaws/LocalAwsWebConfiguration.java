package com.bmo.learning.localaws;

import com.bmo.learning.localaws.secretsmanager.SecretStore;
import com.bmo.learning.localaws.secretsmanager.SecretsManagerProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Extra configuration loaded into S3Mock's own Spring context, so that Secrets Manager and the
 * LocalStack health API share S3Mock's port. A filter in front of S3Mock's controllers takes the
 * requests that are not S3 and lets every other request through untouched.
 */
@Configuration(proxyBeanMethods = false)
class LocalAwsWebConfiguration {

  @Bean
  LocalStackStatus localStackStatus() {
    return new LocalStackStatus();
  }

  @Bean
  FilterRegistrationBean<LocalAwsRoutingFilter> localAwsRoutingFilter(SecretStore secretStore,
      LocalStackStatus status) {
    var registration = new FilterRegistrationBean<>(
        new LocalAwsRoutingFilter(new SecretsManagerProtocol(secretStore), status));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> botocoreContinueValve() {
    return factory -> factory.addContextValves(new BotocoreContinueValve());
  }
}
