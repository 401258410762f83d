package com.bmo.learning.search.backup;

import java.nio.file.Path;

/** What an extraction wrote. */
public record ExtractionResult(Path target, int files, int directories, long bytes) {
}
