package com.bmo.learning.benchmarks.eval;

/**
 * A retrievable unit of the evaluation: the file it comes from, its page range (PDF) or heading path,
 * the text a user is shown, and the text that is embedded and keyword-indexed.
 */
public record Passage(String fileName, Integer page, Integer pageEnd, String headingPath, String text,
    String indexText) {
}
