/**
 * Test fixtures shared by every module's tests and the benchmarks: the one PDF generator ({@link
 * com.bmo.learning.testfixtures.TestPdf}), ready-made lesson documents and a deterministic corpus.
 */
package com.bmo.learning.testfixtures;
