/**
 * Text clean-up after parsing: running headers and footers, page numbers, line-break hyphens, navigation
 * pages, HTML boilerplate, Unicode and white space. Nullability: parameters and return values are non-null
 * unless their Javadoc says they may be null (the convention of every library module).
 */
package com.bmo.learning.ingestion.parse.clean;
