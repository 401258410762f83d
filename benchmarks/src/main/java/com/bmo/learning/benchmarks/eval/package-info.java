/** The retrieval evaluation: questions with their expected passages, ranking metrics, runs against an index or the API. */
package com.bmo.learning.benchmarks.eval;
