/**
 * SecretCache against AWS's own Secrets Manager cache: read latency and expired-secret stampede.
 */
package com.bmo.learning.benchmarks.secrets;
