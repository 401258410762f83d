package com.bmo.learning.aws.secrets;

/** The secret exists but has no version with the requested staging label. */
public final class SecretVersionNotFoundException extends SecretNotFoundException {

  private final String versionStage;

  public SecretVersionNotFoundException(String secretId, String versionStage, Throwable cause) {
    super(secretId, "Secret '" + secretId + "' has no version labelled " + versionStage, cause);
    this.versionStage = versionStage;
  }

  public String versionStage() {
    return versionStage;
  }
}
