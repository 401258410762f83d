package com.bmo.learning.service.documents;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded file as the service reads it: its name, size and (repeatable) content. */
public interface UploadedFile {

  /** The client's file name, unsanitised; may be null. */
  String originalName();

  long size();

  /** A fresh stream over the whole content; may be called more than once. */
  InputStream open() throws IOException;
}
