/**
 * LangChain4j document sources and loaders for S3 objects, S3 prefixes (with globs) and local files.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.ingestion.source;
