package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The service's HTTP API (java.net.http + Jackson). Thread-safe: one client serves parallel uploads.
 * Answers are the service's JSON as it is (snake_case); errors become {@link ServiceException}.
 */
public final class ServiceClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String apiKey;
  private final HttpClient http;
  private final Duration timeout;

  public ServiceClient(URI endpoint, String apiKey, Duration timeout) {
    String base = endpoint.toString();
    this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public JsonNode get(String path) {
    return send(request(path).GET());
  }

  public JsonNode post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode delete(String path) {
    return send(request(path).DELETE());
  }

  /**
   * Uploads a file as {@code multipart/form-data} ({@code file}, {@code course}), reporting the bytes of the
   * file sent so far to {@code progress}.
   */
  public JsonNode upload(Path file, Map<String, String> fields, LongConsumer progress) {
    String boundary = "learning-cli-" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    fields.forEach((name, value) -> {
      if (value != null) {
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
            .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(value).append("\r\n");
      }
    });
    String fileName = file.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> {
          try {
            return new SequenceInputStream(new ByteArrayInputStream(before),
                new SequenceInputStream(new Counting(Files.newInputStream(file), progress),
                    new ByteArrayInputStream(after)));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        }), before.length + size + after.length);
    return send(request("/api/v1/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(body));
  }

  static String query(String name, String value) {
    return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(timeout)
        .header("X-API-Key", apiKey)
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", "learning-cli");
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw ServiceException.unreachable(endpoint.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.unreachable(endpoint.toString(), e);
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return body;
    }
    String title = body == null ? null : body.path("title").asText(null);
    String detail = body == null ? null : body.path("detail").asText(null);
    if (body != null && body.path("errors").isArray()) {
      StringBuilder d = new StringBuilder(detail == null ? "" : detail);
      body.path("errors").forEach(e -> d.append(d.length() == 0 ? "" : "; ").append(e.path("field").asText())
          .append(": ").append(e.path("message").asText()));
      detail = d.toString();
    }
    throw new ServiceException(status, title, detail, body);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Counts the bytes read from the file (sent, give or take the socket's buffer). */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;
    private long count;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.accept(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
        progress.accept(count);
      }
      return n;
    }
  }
}
