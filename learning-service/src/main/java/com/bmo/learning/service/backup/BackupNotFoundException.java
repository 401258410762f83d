package com.bmo.learning.service.backup;

/** No backup under the given key. */
public class BackupNotFoundException extends RuntimeException {

  private final String key;

  public BackupNotFoundException(String key, Throwable cause) {
    super("No backup '" + key + "'", cause);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
