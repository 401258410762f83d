package com.bmo.learning.local;

import com.bmo.learning.service.auth.ApiKeyHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Local mode's demo keys (a user and an admin). Without a data directory they are new at every start;
 * with one, they are derived from a random seed kept there (owner-only file), so they survive restarts
 * while no key is stored in clear. Only their SHA-256 goes into the API-key secret.
 */
record DemoKeys(String user, String admin) {

  static final String SEED_FILE = "demo-keys.seed";
  private static final SecureRandom RANDOM = new SecureRandom();

  DemoKeys {
    if (user.equals(admin)) {
      throw new IllegalArgumentException("the user and admin keys must differ");
    }
  }

  static DemoKeys random() {
    return new DemoKeys(ApiKeyHash.newKey(), ApiKeyHash.newKey());
  }

  /** The keys of {@code dataDirectory}: the same at every start with that directory. */
  static DemoKeys of(Path dataDirectory) {
    byte[] seed = seed(dataDirectory.resolve(SEED_FILE));
    return new DemoKeys(derive(seed, "demo-user"), derive(seed, "demo-admin"));
  }

  private static byte[] seed(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path temporary = Files.createTempFile(file.getParent(), SEED_FILE, ".tmp");
        restrictToOwner(temporary);
        Files.write(temporary, Base64.getEncoder().encode(fresh));
        try {
          Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
          Files.deleteIfExists(temporary);
        }
      }
      byte[] seed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (seed.length < 16) {
        throw new IllegalStateException(file + " holds " + seed.length + " bytes; delete it to get new demo keys");
      }
      return seed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not a demo-key seed; delete it to get new demo keys", e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the directory's ACL.
    }
  }

  /** {@code bmo_} + 32 URL-safe characters, like {@link ApiKeyHash#newKey()}. */
  private static String derive(byte[] seed, String role) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      byte[] bytes = java.util.Arrays.copyOf(mac.doFinal(role.getBytes(StandardCharsets.UTF_8)), 24);
      return "bmo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Keys are secrets even here. */
  @Override
  public String toString() {
    return "DemoKeys[******]";
  }
}
