/**
 * Concurrency shared by the library modules: {@link com.bmo.learning.aws.concurrent.BoundedRunner} runs
 * a lazy sequence of tasks a bounded number at a time with one result per task.
 */
package com.bmo.learning.aws.concurrent;
