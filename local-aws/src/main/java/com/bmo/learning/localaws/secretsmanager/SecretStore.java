package com.bmo.learning.localaws.secretsmanager;

import java.nio.file.Path;
import java.time.Clock;

/** STUB — to be replaced: the emulator's secrets, in memory, optionally persisted to a JSON file. */
public final class SecretStore {
  private final String region;
  private final Clock clock;
  private final Path file;

  private SecretStore(Path file, String region, Clock clock) {
    this.file = file;
    this.region = region;
    this.clock = clock;
  }

  /** @param file where to persist secrets; {@code null} keeps them in memory only */
  public static SecretStore open(Path file, String region, Clock clock) {
    return new SecretStore(file, region, clock);
  }
}
