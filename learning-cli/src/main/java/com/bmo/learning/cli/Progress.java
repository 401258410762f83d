package com.bmo.learning.cli;

import java.io.PrintWriter;

/**
 * Progress of a long command. On a terminal: one bar on stderr, redrawn in place, with finished items
 * printed above it. Otherwise (a pipe, a log, CI): plain lines only, one per finished item.
 * Item lines go to stdout unless the command prints JSON there, then to stderr.
 */
final class Progress implements AutoCloseable {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter lines;
  private final PrintWriter bar;
  private final boolean terminal;
  private long lastDraw;
  private String drawn = "";

  private Progress(PrintWriter lines, PrintWriter bar, boolean terminal) {
    this.lines = lines;
    this.bar = bar;
    this.terminal = terminal;
  }

  static Progress of(LearningCli cli, PrintWriter out, PrintWriter err) {
    return new Progress(cli.json() ? err : out, err, cli.terminal());
  }

  /** A finished item (a file uploaded, a document indexed). */
  synchronized void line(String message) {
    clearBar();
    lines.println(message);
    lines.flush();
    redraw();
  }

  /** Where the whole command is: {@code done} of {@code total}, with a short note. */
  synchronized void update(long done, long total, String note) {
    if (!terminal) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    drawn = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% " + note;
    redraw();
  }

  private void redraw() {
    if (terminal && !drawn.isEmpty()) {
      bar.print("\r" + drawn + "\u001b[K");
      bar.flush();
    }
  }

  private void clearBar() {
    if (terminal && !drawn.isEmpty()) {
      bar.print("\r\u001b[K");
      bar.flush();
    }
  }

  @Override
  public synchronized void close() {
    clearBar();
    drawn = "";
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format("%.1f KB", n / 1024.0);
    }
    return String.format("%.1f MB", n / (1024.0 * 1024));
  }
}
