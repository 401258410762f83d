package com.bmo.learning.opensearch.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that runs against a real OpenSearch node: test methods and constructors may
 * declare parameters of type {@link OpenSearchTarget} and {@link TestIndex}. See
 * {@link OpenSearchExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@ExtendWith(OpenSearchExtension.class)
public @interface OpenSearchTest {
}
