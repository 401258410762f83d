/**
 * The service's port to the ingestion pipeline and its adapter over learning-ingestion.
 */
package com.bmo.learning.service.ingestion;
