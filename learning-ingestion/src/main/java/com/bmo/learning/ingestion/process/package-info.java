/**
 * DocumentProcessor: loads, parses and chunks files from S3 or disk in parallel, one result per file.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.ingestion.process;
