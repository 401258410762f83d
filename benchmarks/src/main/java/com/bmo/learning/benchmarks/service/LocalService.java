package com.bmo.learning.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The documents service in local mode (learning-local: embedded AWS endpoint and PostgreSQL) as its own
 * process on free ports, and the API calls the harnesses make as a client would: upload, document status,
 * search. Start it with the runtime class path of learning-local, written by
 * <pre>
 * ./mvnw -B -q -pl learning-local -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
 * </pre>
 */
public final class LocalService implements AutoCloseable {

  /** Written by the command above. */
  public static final String DEFAULT_CLASSPATH_FILE = "learning-local/target/runtime-classpath.txt";
  private static final String MAIN = "com.bmo.learning.local.LearningLocalApplication";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final String base;
  private final String key;
  private final URI awsEndpoint;

  private LocalService(Process process, String base, String key, URI awsEndpoint) {
    this.process = process;
    this.base = base;
    this.key = key;
    this.awsEndpoint = awsEndpoint;
  }

  /**
   * Starts local mode with a fresh user key, no sample lessons and {@code settings} (e.g.
   * {@code --learning.upload.max-size=20MB}), and waits until its health answers.
   *
   * @param classpathFile learning-local's runtime class path (one line, path-separated); its
   *     {@code target/classes} is taken from beside it
   */
  public static LocalService start(Path classpathFile, Duration startTimeout, String... settings)
      throws IOException, InterruptedException {
    Path module = classpathFile.toAbsolutePath().getParent();
    String classpath = module.resolve("classes") + java.io.File.pathSeparator
        + Files.readString(classpathFile).strip();
    int port = freePort();
    int awsPort = freePort();
    String key = "bmo_harness_" + UUID.randomUUID().toString().replace("-", "");
    List<String> command = new ArrayList<>(List.of("java", "-cp", classpath, MAIN, "--server.port=" + port,
        "--learning.local.aws.port=" + awsPort, "--learning.local.user-key=" + key,
        "--learning.local.samples.enabled=false", "--learning.local.banner=false", "--logging.level.root=WARN"));
    command.addAll(List.of(settings));
    Process process = new ProcessBuilder(command).inheritIO().start();
    LocalService service = new LocalService(process, "http://localhost:" + port, key,
        URI.create("http://localhost:" + awsPort));
    try {
      service.awaitHealthy(startTimeout);
    } catch (RuntimeException | InterruptedException e) {
      service.close();
      throw e;
    }
    return service;
  }

  /** The embedded AWS endpoint the service stores documents in. */
  public URI awsEndpoint() {
    return awsEndpoint;
  }

  /** {@code POST /api/v1/documents} (multipart, course {@code course}); the new document's id. */
  public String upload(String fileName, String contentType, byte[] content, String course)
      throws IOException, InterruptedException {
    String boundary = "----harness" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"course\"\r\n\r\n" + course
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = send(request("/api/v1/documents")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    if (r.statusCode() != 202) {
      throw new IllegalStateException("upload of " + fileName + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).path("id").asText();
  }

  /** The document's state ({@code QUEUED}, ..., {@code INDEXED}); fails when it is {@code FAILED}. */
  public String status(String id) throws IOException, InterruptedException {
    HttpResponse<String> r = send(request("/api/v1/documents/" + id).GET());
    if (r.body().contains("\"FAILED\"")) {
      throw new IllegalStateException("document " + id + " failed: " + r.body());
    }
    return r.body().contains("\"INDEXED\"") ? "INDEXED" : r.body();
  }

  /** Until the document is indexed. */
  public void awaitIndexed(String id, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if ("INDEXED".equals(status(id))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("document " + id + " not indexed within " + timeout);
  }

  /** {@code POST /api/v1/search} with {@code request} as its JSON body; the answer's {@code hits}. */
  public JsonNode search(Map<String, Object> request) throws IOException, InterruptedException {
    HttpResponse<String> r = send(request("/api/v1/search").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).path("hits");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting");
      }
      try {
        if (send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("service did not become healthy in " + timeout);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the service (graceful first) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
