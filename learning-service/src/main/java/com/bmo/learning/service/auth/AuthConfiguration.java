package com.bmo.learning.service.auth;

import com.bmo.learning.service.api.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** API-key authentication on {@code /api/**} and role checks on controllers. */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration implements WebMvcConfigurer {

  @Bean
  FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthentication(ApiKeyRegistry registry,
      ProblemResponses problems) {
    FilterRegistrationBean<ApiKeyAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(registry, problems));
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return bean;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RoleCheckInterceptor()).addPathPatterns("/api/**");
  }
}
