package com.bmo.learning.benchmarks.service;

import com.bmo.learning.testfixtures.TestPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and time of the documents service for hostile documents, measured from outside on a running
 * service process (Linux: its resident set from {@code /proc/<pid>/status}, sampled every 200 ms): a
 * "PDF bomb" (a small PDF whose content stream inflates to {@code --bomb-mib}, 400 by default) and a
 * {@code --text-mib} (25) MiB plain-text upload, one after the other. For each: the final status and
 * reason, seconds until it was terminal (or the give-up time), RSS before and the highest RSS sampled
 * meanwhile. Run it against the service with its default limits and with the limits lifted to compare;
 * {@code benchmarks/ingestion-memory.sh} does both.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.service.IngestionMemoryHarness \
 *     --url http://localhost:8080 --key &lt;user key&gt; --pid &lt;service pid&gt; [--bomb-mib 400] [--text-mib 25]
 *     [--give-up-s 180]
 * </pre>
 */
public final class IngestionMemoryHarness {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
  private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private IngestionMemoryHarness() {
  }

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://localhost:8080");
    String key = arg(args, "--key", null);
    long pid = Long.parseLong(arg(args, "--pid", null));
    int bombMib = Integer.parseInt(arg(args, "--bomb-mib", "400"));
    int textMib = Integer.parseInt(arg(args, "--text-mib", "25"));
    Duration giveUp = Duration.ofSeconds(Long.parseLong(arg(args, "--give-up-s", "180")));

    byte[] bomb = pdfBomb((long) bombMib * 1024 * 1024);
    byte[] text = text((long) textMib * 1024 * 1024);
    System.out.printf("service pid %d, RSS at start %.0f MiB%n", pid, rssMib(pid, "VmRSS"));
    measure(url, key, pid, "bomb.pdf", bomb, String.format("PDF bomb: %.2f MB file, streams inflate to %d MiB",
        bomb.length / 1e6, bombMib), giveUp);
    measure(url, key, pid, "long.txt", text, String.format("plain text: %d MiB", textMib), giveUp);
  }

  private static void measure(String url, String key, long pid, String name, byte[] content, String what,
      Duration giveUp) throws Exception {
    double before = rssMib(pid, "VmRSS");
    long started = System.nanoTime();
    String id = upload(url, key, name, content);
    double peak = before;
    String status = "PENDING";
    String error = null;
    while (System.nanoTime() - started < giveUp.toNanos()) {
      peak = Math.max(peak, rssMib(pid, "VmRSS"));
      String body = get(url + "/api/v1/documents/" + id, key);
      Matcher s = STATUS.matcher(body);
      status = s.find() ? s.group(1) : "?";
      if (status.equals("INDEXED") || status.equals("FAILED")) {
        Matcher e = ERROR.matcher(body);
        error = e.find() ? e.group(1) : null;
        break;
      }
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%s → %s after %.1f s (upload included)%s; RSS %.0f MiB before, peak %.0f MiB (+%.0f MiB)%n",
        what, status, seconds, error == null ? "" : " (" + error + ")", before, peak, peak - before);
  }

  /**
   * One page whose content stream is a line of text and then the same tiny path drawn over and over
   * ({@code 0 0 m 1 1 l S}: operators PDFBox parses and processes one by one), Flate-compressed.
   */
  static byte[] pdfBomb(long inflatedBytes) {
    return new TestPdf().textPage("Interest compounds yearly.", 11, 90)
        .contentPadding(inflatedBytes, "0 0 m 1 1 l S\n").build();
  }

  /** Sentences of random words, in paragraphs: text that chunks and embeds like prose. */
  static byte[] text(long bytes) {
    Random random = new Random(25);
    String[] words = "budget saving interest pension income spending retirement account fund tax rate loan"
        .split(" ");
    StringBuilder sb = new StringBuilder((int) bytes + 64);
    while (sb.length() < bytes) {
      int n = 8 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      sb.append(random.nextInt(6) == 0 ? ".\n\n" : ". ");
    }
    sb.setLength((int) bytes);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A value from /proc/&lt;pid&gt;/status in MiB (VmRSS: resident now). */
  static double rssMib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no " + field + " for process " + pid);
  }

  private static String upload(String url, String key, String name, byte[] content) throws Exception {
    String boundary = "----mem" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/documents"))
        .header("X-API-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() != 202 || !m.find()) {
      throw new IllegalStateException("upload of " + name + " answered " + r.statusCode() + ": " + r.body());
    }
    return m.group(1);
  }

  private static String get(String url, String key) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String arg(String[] args, String name, String otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (otherwise == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return otherwise;
  }
}
