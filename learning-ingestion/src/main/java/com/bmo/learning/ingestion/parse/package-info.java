/**
 * Content sniffing, charset decoding and parsers for PDF, plain text, Markdown and HTML. Nullability:
 * parameters, return values and record components are non-null unless their Javadoc says they may be
 * null (the convention of every library module).
 */
package com.bmo.learning.ingestion.parse;
