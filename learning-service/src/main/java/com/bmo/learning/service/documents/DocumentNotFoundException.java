package com.bmo.learning.service.documents;

import java.util.UUID;

/** No document with this id: HTTP 404. */
public class DocumentNotFoundException extends RuntimeException {

  private final UUID id;

  public DocumentNotFoundException(UUID id) {
    super("No document " + id);
    this.id = id;
  }

  public UUID id() {
    return id;
  }
}
