/**
 * Documents as recorded in PostgreSQL, their ingestion states, uploads and metadata validation.
 */
package com.bmo.learning.service.documents;
