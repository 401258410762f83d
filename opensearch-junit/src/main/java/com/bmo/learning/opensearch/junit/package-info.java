/**
 * A real OpenSearch node inside the test JVM and its JUnit 5 extension.
 */
package com.bmo.learning.opensearch.junit;
