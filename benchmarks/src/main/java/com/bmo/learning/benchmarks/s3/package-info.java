/**
 * S3Storage against the bare AWS SDK: JMH benchmark, paired comparison and streamed-upload harness.
 */
package com.bmo.learning.benchmarks.s3;
