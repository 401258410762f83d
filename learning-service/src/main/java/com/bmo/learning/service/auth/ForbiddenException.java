package com.bmo.learning.service.auth;

/** The caller is authenticated but may not do this (not its document, not an allowed source): HTTP 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String detail) {
    super(detail);
  }
}
