package com.bmo.learning.service.ops;

/**
 * A value from outside (a file name, a URI, a key, an error message quoting them) made safe to put into a
 * log line: control characters, line and paragraph separators are escaped ({@code \n}, {@code \u0000}), so
 * no input can end the line and forge another; overlong values are cut.
 */
public final class LoggedText {

  static final int MAX_LENGTH = 500;

  private LoggedText() {
  }

  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value.toString();
    StringBuilder out = null;
    int end = Math.min(s.length(), MAX_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      String escaped = escape(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(end + 16).append(s, 0, i);
      }
      if (out != null) {
        out.append(escaped != null ? escaped : String.valueOf(c));
      }
    }
    String result = out == null ? s.substring(0, end) : out.toString();
    return s.length() > MAX_LENGTH ? result + "…(" + s.length() + " chars)" : result;
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
          ? String.format("\\u%04x", (int) c) : null;
    };
  }
}
