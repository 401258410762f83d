package com.bmo.learning.search.backup;

import com.bmo.learning.search.ContentVersion;

/**
 * What a validated index directory holds.
 *
 * @param chunkCount live chunks
 * @param fileCount files of its commit
 * @param contentVersion the embedding model and chunker it was built with; null if it recorded none
 */
public record IndexContents(long chunkCount, int fileCount, ContentVersion contentVersion) {
}
