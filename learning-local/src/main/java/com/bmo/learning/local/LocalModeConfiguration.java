package com.bmo.learning.local;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The beans local mode adds to the service: start-up banner, sample lessons, shutdown order. */
@Configuration(proxyBeanMethods = false)
@Import({LocalModeBanner.class, LocalSampleLessons.class, LocalInfrastructureDependencies.class})
public class LocalModeConfiguration {
}
