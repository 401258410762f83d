/**
 * Ingestion's shared vocabulary: chunk metadata keys and the sealed IngestionException family.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.ingestion;
