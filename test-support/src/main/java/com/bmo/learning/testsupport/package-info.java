/**
 * What the JUnit harnesses (local-aws-junit, opensearch-junit) and the integration tests share: the
 * external-endpoint policy, the missing-prerequisite rule, the session-based parameter resolver and test
 * resource names.
 */
package com.bmo.learning.testsupport;
