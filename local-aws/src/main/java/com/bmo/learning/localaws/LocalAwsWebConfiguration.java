package com.bmo.learning.localaws;

import com.bmo.learning.localaws.secretsmanager.SecretStore;
import com.bmo.learning.localaws.secretsmanager.SecretsManagerProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Extra configuration loaded into S3Mock's own Spring context, so that Secrets Manager and the
 * LocalStack health API share S3Mock's port. A filter in front of S3Mock's controllers takes the
 * requests that are not S3 and lets every other request through untouched.
 */
@Configuration(proxyBeanMethods = false)
class LocalAwsWebConfiguration {

  static final String BIND_ADDRESS_PROPERTY = "local-aws.bind-address";

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

  /**
   * S3Mock's plain-HTTP connector (our one port) is an extra Tomcat connector, which ignores
   * {@code server.address}: it would listen on every interface. Bind it where the builder says.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> bindAddress(Environment env) {
    String address = env.getProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
    return factory -> factory.getAdditionalTomcatConnectors()
        .forEach(connector -> connector.setProperty("address", address));
  }
}
