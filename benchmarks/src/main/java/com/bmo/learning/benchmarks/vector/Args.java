package com.bmo.learning.benchmarks.vector;

import java.util.HashMap;
import java.util.Map;

/** {@code name=value} command-line arguments of the harnesses. */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are name=value, got '" + arg + "'");
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
  }

  String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  int getInt(String name, int dflt) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : dflt;
  }
}
