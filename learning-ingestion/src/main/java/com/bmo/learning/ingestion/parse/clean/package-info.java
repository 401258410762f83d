/** Clean-up steps on extracted text, each small and single-purpose, composed by the parsers per document. */
package com.bmo.learning.ingestion.parse.clean;
