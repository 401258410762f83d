/**
 * Vector search, ingestion pipeline and backup throughput harnesses.
 */
package com.bmo.learning.benchmarks.vector;
