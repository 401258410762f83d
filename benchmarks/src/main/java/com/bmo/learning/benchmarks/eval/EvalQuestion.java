package com.bmo.learning.benchmarks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One learner question with where its answer is: a file of a Debian package and either physical PDF
 * pages (1-based) or, for HTML, the title of the section.
 */
public record EvalQuestion(String id, String packageName, String version, String file, String question,
    List<Integer> pages, String section) {

  /** Reads a JSON-lines question set (one object per line: id, package, version, file, question, pages|section). */
  public static List<EvalQuestion> read(InputStream in) {
    ObjectMapper json = new ObjectMapper();
    List<EvalQuestion> questions = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode q = json.readTree(line);
        List<Integer> pages = new ArrayList<>();
        q.path("pages").forEach(p -> pages.add(p.asInt()));
        questions.add(new EvalQuestion(q.path("id").asText(), q.path("package").asText(),
            q.path("version").asText(), q.path("file").asText(), q.path("question").asText(), List.copyOf(pages),
            q.hasNonNull("section") ? q.get("section").asText() : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return questions;
  }

  /** The file's name without directories: how the harness names documents. */
  public String fileName() {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  /**
   * Whether a passage answers this question: the same file, and a page range that meets the labelled
   * pages, or (HTML) a heading path that contains the labelled section.
   */
  public boolean isAnsweredBy(String fileName, Integer page, Integer pageEnd, String headingPath) {
    if (!fileName().equals(fileName)) {
      return false;
    }
    if (section != null) {
      return headingPath != null && headingPath.toLowerCase(Locale.ROOT).contains(section.toLowerCase(Locale.ROOT));
    }
    if (page == null) {
      return false;
    }
    int last = pageEnd == null ? page : pageEnd;
    return pages.stream().anyMatch(p -> p >= page && p <= last);
  }
}
