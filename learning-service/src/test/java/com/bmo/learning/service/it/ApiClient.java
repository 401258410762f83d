package com.bmo.learning.service.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The service's HTTP API as a client sees it: real requests over the loopback, JSON answers. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status, content type and the JSON body (null when empty). */
  record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final String base;
  private final TestEnvironment env;

  ApiClient(String base, TestEnvironment env) {
    this.base = base;
    this.env = env;
  }

  String userKey() {
    return env.userKey();
  }

  String adminKey() {
    return env.adminKey();
  }

  /** A multipart upload of {@code content} as {@code fileName}, with form fields, as the demo user. */
  Response upload(String fileName, byte[] content, Map<String, String> fields) {
    return upload(fileName, content, fields, env.userKey());
  }

  Response upload(String fileName, byte[] content, Map<String, String> fields, String key) {
    String boundary = "----it" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      if (content != null) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return send(request);
  }

  /** One part of a hand-made multipart body: its Content-Disposition parameters after {@code form-data; }. */
  record Part(String disposition, byte[] content) {
  }

  /** A multipart upload of exactly these parts (for headers no form would send), as {@code key}. */
  Response multipart(java.util.List<Part> parts, String key) {
    String boundary = "----it" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Part p : parts) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; " + p.disposition()
            + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(p.content());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-API-Key", key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  Response get(String path) {
    return get(path, env.userKey());
  }

  Response get(String path, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return send(request);
  }

  Response postJson(String path, Object body, String key) {
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return send(request);
  }

  Response delete(String path) {
    return delete(path, env.userKey());
  }

  Response delete(String path, String key) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key).DELETE());
  }

  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A raw response: status, headers (lower-case names) and body, for requests no HTTP client would send as is. */
  record RawResponse(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Sends {@code method rawPath} exactly as written (HTTP/1.0 over a socket: no client normalises or
   * encodes the path), with the key and a JSON body when given.
   */
  RawResponse raw(String method, String rawPath, String key, String jsonBody) {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + rawPath + " HTTP/1.0\r\nHost: " + uri.getHost()
          + ":" + uri.getPort() + "\r\nConnection: close\r\n");
      if (key != null) {
        head.append("X-API-Key: ").append(key).append("\r\n");
      }
      if (jsonBody != null) {
        head.append("Content-Type: application/json\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      String[] lines = response.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls the document until it is INDEXED or FAILED and returns its last view. */
  JsonNode awaitTerminal(String id, Duration timeout) {
    JsonNode[] last = new JsonNode[1];
    await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      Response r = get("/api/v1/documents/" + id);
      last[0] = r.body();
      String status = r.body().path("status").asText();
      return "INDEXED".equals(status) || "FAILED".equals(status);
    });
    return last[0];
  }

  /** Search as the demo user. */
  Response search(String query, int k, Map<String, String> filters) {
    return search(query, k, filters, env.userKey());
  }

  Response search(String query, int k, Map<String, String> filters, String key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("k", k);
    if (filters != null) {
      body.put("filters", filters);
    }
    return postJson("/api/v1/search", body, key);
  }
}
