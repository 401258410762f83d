/**
 * Start-up and round-trip benchmarks of the embedded AWS endpoint.
 */
package com.bmo.learning.benchmarks.localaws;
