package com.bmo.learning.search;

/** The index holds chunks made by another embedding model or other chunking rules than the running ones. */
public final class ContentVersionMismatchException extends SearchIndexException {
  private static final long serialVersionUID = 1L;

  private final transient ContentVersion stored;
  private final transient ContentVersion running;

  public ContentVersionMismatchException(String index, Object location, ContentVersion stored,
      ContentVersion running) {
    super(index, location, "it was built with " + stored + " but this configuration uses " + running
        + "; mixing them would compare unlike vectors: re-index into an empty index (or restore a backup "
        + "made with " + running + ")", null);
    this.stored = stored;
    this.running = running;
  }

  public ContentVersion stored() {
    return stored;
  }

  public ContentVersion running() {
    return running;
  }
}
