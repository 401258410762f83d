package com.bmo.learning.service.documents;

/** How a document came in: uploaded through the API (the service owns its object) or named in S3. */
public enum DocumentOrigin {
  UPLOAD,
  S3
}
