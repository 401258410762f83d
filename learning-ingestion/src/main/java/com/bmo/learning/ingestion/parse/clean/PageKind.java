package com.bmo.learning.ingestion.parse.clean;

/** What a page is for a reader looking for an answer. */
public enum PageKind {
  /** Running text: indexed. */
  CONTENT,
  /** A table of contents: titles and page numbers, no answers. */
  TABLE_OF_CONTENTS,
  /** A back-of-book index: terms and page numbers, no answers. */
  INDEX
}
