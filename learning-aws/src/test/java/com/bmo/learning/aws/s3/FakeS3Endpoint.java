package com.bmo.learning.aws.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on 127.0.0.1 that answers like S3 does in situations the real local endpoint cannot
 * produce (403, throttling, a broken connection, a corrupted body). The client under test talks to it
 * through the real SDK and HTTP stack, so retries, parsing and error mapping all run for real.
 */
final class FakeS3Endpoint implements AutoCloseable {

  /** Answers one request; the number is 1 for the first request the server sees. */
  @FunctionalInterface
  interface Handler {
    void handle(int requestNumber, HttpExchange exchange) throws IOException;
  }

  record Request(String method, String path, String query, java.util.Map<String, List<String>> headers,
      byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeS3Endpoint(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
      try {
        handler.handle(requests.size(), exchange);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return requests;
  }

  static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
        + message + "</Message><RequestId>FAKE-REQ</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.getResponseHeaders().add("x-amz-request-id", "FAKE-REQ");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, xml.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(xml);
    }
  }

  static void ok(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("ETag", "\"fake-etag\"");
    exchange.getResponseHeaders().add("x-amz-request-id", "FAKE-REQ");
    if (body.length == 0) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
