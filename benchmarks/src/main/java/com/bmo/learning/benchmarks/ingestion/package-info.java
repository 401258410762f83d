/**
 * Parse-and-chunk throughput benchmarks over generated PDFs served by the embedded endpoint.
 */
package com.bmo.learning.benchmarks.ingestion;
