/**
 * Load harness for the documents service: uploads per second and upload-to-searchable latency.
 */
package com.bmo.learning.benchmarks.service;
