package com.bmo.learning.ingestion.source;

import java.util.regex.Pattern;

/**
 * A glob over object keys (relative to the listed prefix), with the syntax of
 * {@link java.nio.file.FileSystem#getPathMatcher(String) glob:} and {@code /} as the separator:
 * {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character,
 * {@code [a-z]} / {@code [!a-z]} a class, {@code {pdf,md}} alternatives, {@code \} escapes.
 *
 * <p>One deliberate difference: {@code **}{@code /} also matches zero segments, so {@code **}{@code /*.pdf}
 * matches {@code lesson.pdf} at the top of the prefix as well as {@code a/b/lesson.pdf}, as in Ant,
 * Git and most build tools. Matching is case-sensitive, like S3 keys.
 */
public final class KeyGlob {

  private static final String REGEX_META = ".^$+{}[]()|\\*?";

  private final String glob;
  private final Pattern pattern;

  private KeyGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException for a malformed glob (unclosed {@code [} or <code>{</code>, a
   *     trailing {@code \}, nested groups, {@code /} inside a class)
   */
  public static KeyGlob compile(String glob) {
    if (glob == null || glob.isEmpty()) {
      throw new IllegalArgumentException("a glob must not be empty");
    }
    return new KeyGlob(glob, Pattern.compile(toRegex(glob), Pattern.DOTALL));
  }

  /** True when the whole relative key matches. */
  public boolean matches(String relativeKey) {
    return pattern.matcher(relativeKey).matches();
  }

  public String glob() {
    return glob;
  }

  @Override
  public String toString() {
    return glob;
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inGroup = false;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i == glob.length()) {
            throw invalid(glob, "it ends with an escape character '\\'");
          }
          literal(re, glob.charAt(i++));
        }
        case '*' -> {
          if (i < glob.length() && glob.charAt(i) == '*') {
            i++;
            if (i < glob.length() && glob.charAt(i) == '/') {
              i++;
              re.append("(?:.*/)?");
            } else {
              re.append(".*");
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = bracket(glob, i, re);
        case '{' -> {
          if (inGroup) {
            throw invalid(glob, "groups { } cannot be nested");
          }
          re.append("(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            re.append(')');
            inGroup = false;
          } else {
            literal(re, c);
          }
        }
        case ',' -> {
          if (inGroup) {
            re.append('|');
          } else {
            literal(re, c);
          }
        }
        default -> literal(re, c);
      }
    }
    if (inGroup) {
      throw invalid(glob, "a group { is not closed");
    }
    return re.toString();
  }

  /** Translates a class starting after {@code [} at {@code i}; returns the index after {@code ]}. */
  private static int bracket(String glob, int i, StringBuilder re) {
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && glob.charAt(i) == '!') {
      cls.append("^/");
      i++;
    }
    boolean first = true;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == ']' && !first) {
        re.append(cls).append(']');
        return i;
      }
      if (c == '/') {
        throw invalid(glob, "a class [ ] cannot contain '/'");
      }
      if (c == '-' && !first && i < glob.length() && glob.charAt(i) != ']') {
        cls.append('-');
      } else {
        if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-') {
          cls.append('\\');
        }
        cls.append(c);
      }
      first = false;
    }
    throw invalid(glob, "a class [ is not closed");
  }

  private static void literal(StringBuilder re, char c) {
    if (REGEX_META.indexOf(c) >= 0) {
      re.append('\\');
    }
    re.append(c);
  }

  private static IllegalArgumentException invalid(String glob, String why) {
    return new IllegalArgumentException("invalid glob '" + glob + "': " + why);
  }
}
