/**
 * Durable ingestion jobs on db-scheduler: queueing, retries with backoff, giving up.
 */
package com.bmo.learning.service.jobs;
