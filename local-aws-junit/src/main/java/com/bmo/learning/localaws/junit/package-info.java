/**
 * The JUnit 5 harness (@LocalAwsTest): one endpoint per test JVM, a bucket and a secret prefix per
 * test.
 */
package com.bmo.learning.localaws.junit;
