package com.bmo.learning.aws.secrets;

import java.util.List;

/** A setting found nowhere; the message lists every place that was looked at, and why it did not answer. */
public final class SettingNotFoundException extends RuntimeException {

  private final String setting;
  private final List<String> lookedAt;

  public SettingNotFoundException(String setting, List<String> lookedAt) {
    super("Setting '" + setting + "' not found; looked at: " + String.join("; ", lookedAt));
    this.setting = setting;
    this.lookedAt = List.copyOf(lookedAt);
  }

  public String setting() {
    return setting;
  }

  /** Each place consulted, in order, with the reason it gave nothing. */
  public List<String> lookedAt() {
    return lookedAt;
  }
}
