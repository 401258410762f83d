package com.bmo.learning.service.documents;

import java.text.Normalizer;

/**
 * Safe object names from whatever a client calls its file: the last path segment only (no directories,
 * no {@code ..}), Unicode-normalised, letters/digits/{@code . _ -} kept and everything else replaced by
 * {@code -}, no leading dot, at most {@value #MAX_LENGTH} characters, extension kept and made to fit the
 * detected type.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 100;
  /** Longest name a client may send (most file systems' limit). */
  public static final int MAX_ORIGINAL_LENGTH = 255;
  private static final String FALLBACK = "document";

  private FileNames() {
  }

  /**
   * Refuses names no well-behaved client sends, rather than guessing: over {@value #MAX_ORIGINAL_LENGTH}
   * characters, with control characters (NUL, line breaks), or not decodable (a broken {@code filename*}
   * decodes to U+FFFD).
   *
   * @throws InvalidRequestException saying which
   */
  public static void checkOriginal(String original) {
    if (original == null) {
      return;
    }
    if (original.length() > MAX_ORIGINAL_LENGTH) {
      throw InvalidRequestException.of("file", "the file name is " + original.length() + " characters; at most "
          + MAX_ORIGINAL_LENGTH + " are allowed");
    }
    if (original.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
      throw InvalidRequestException.of("file", "the file name contains control characters");
    }
    if (original.indexOf('\uFFFD') >= 0) {
      throw InvalidRequestException.of("file", "the file name is not valid UTF-8 (check its filename* encoding)");
    }
  }

  /** The sanitised name of {@code original}, ending with an extension of {@code type}. */
  public static String safeName(String original, FileType type) {
    String name = sanitize(original);
    if (!type.hasExtension(name)) {
      String ext = FileType.extension(name);
      String base = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
      name = shorten(base, type.canonicalExtension().length() + 1) + "." + type.canonicalExtension();
    }
    return name;
  }

  /** The sanitised name, with whatever extension it had (lower-cased). */
  public static String sanitize(String original) {
    String name = original == null ? "" : original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    String ext = clean(FileType.extension(name)).replace(".", "");
    String base = ext.isEmpty() ? name : name.substring(0, name.lastIndexOf('.'));
    base = clean(base);
    if (base.chars().noneMatch(Character::isLetterOrDigit)) {
      base = FALLBACK;
    }
    return ext.isEmpty() ? shorten(base, 0) : shorten(base, ext.length() + 1) + "." + ext;
  }

  /** ASCII letters, digits and {@code . _ -} only; no runs of separators, none at either end. */
  private static String clean(String s) {
    String c = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    c = c.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("\\.{2,}", ".");
    return c.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
  }

  private static String shorten(String base, int reserved) {
    int max = Math.max(1, MAX_LENGTH - reserved);
    return base.length() <= max ? base : base.substring(0, max);
  }
}
