/**
 * Splitting parsed documents into chunks with stable ids. Nullability: parameters, return values and
 * record components are non-null unless their Javadoc says they may be null (the convention of every
 * library module).
 */
package com.bmo.learning.ingestion.chunk;
