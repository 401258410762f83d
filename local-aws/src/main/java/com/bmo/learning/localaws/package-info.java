/**
 * An embedded, LocalStack-compatible AWS endpoint (S3 through S3Mock, Secrets Manager, LocalStack's
 * health API) on one port.
 */
package com.bmo.learning.localaws;
