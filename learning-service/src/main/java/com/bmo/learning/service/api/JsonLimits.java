package com.bmo.learning.service.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on the JSON the API reads: no request body of this API nests more than a few levels, so a deeper
 * one is refused while it is parsed (400) instead of costing stack and memory.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

  public static final int MAX_NESTING_DEPTH = 32;

  public static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonNestingLimit() {
    return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints()));
  }
}
