/**
 * What the JUnit harnesses (local-aws-junit, opensearch-junit) share: the policy for an external endpoint
 * a test run may use instead of an embedded one ({@link com.bmo.learning.testsupport.ExternalEndpoint}).
 */
package com.bmo.learning.testsupport;
