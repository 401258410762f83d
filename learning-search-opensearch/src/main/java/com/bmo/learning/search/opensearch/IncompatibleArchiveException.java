package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ContentVersion;

/** A chunk export made with another embedding model or chunker than this index; nothing was restored. */
public final class IncompatibleArchiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ContentVersion exported;
  private final transient ContentVersion live;

  public IncompatibleArchiveException(ContentVersion exported, ContentVersion live) {
    super("the export was made with " + exported + "; this index uses " + live);
    this.exported = exported;
    this.live = live;
  }

  public ContentVersion exported() {
    return exported;
  }

  public ContentVersion live() {
    return live;
  }
}
