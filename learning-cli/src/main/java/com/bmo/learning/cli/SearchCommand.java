package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learning search "…"}: what a learner's question finds. */
@Command(name = "search", description = "Search the indexed lessons as a learner's question would.")
final class SearchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "QUERY", description = "The question or words to look for.")
  String query;

  @Option(names = {"-k", "--limit"}, defaultValue = "5", description = "Hits wanted, 1..50 (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--course", description = "Only this course.")
  String course;

  @Option(names = "--filter", paramLabel = "NAME=VALUE", description = "Only hits with this metadata (repeatable).")
  Map<String, String> filters;

  @Override
  public Integer call() {
    LearningCli cli = DocumentsCommand.root(spec);
    ServiceClient client = cli.client();
    ObjectNode request = Output.object();
    request.put("query", query);
    request.put("k", k);
    ObjectNode f = request.putObject("filters");
    if (filters != null) {
      filters.forEach(f::put);
    }
    if (course != null) {
      f.put("course", course);
    }
    JsonNode answer = client.post("/api/v1/search", request);
    PrintWriter out = spec.commandLine().getOut();
    if (cli.json()) {
      Output.json(out, answer);
      return ExitCode.OK;
    }
    int n = 0;
    for (JsonNode hit : answer.path("hits")) {
      JsonNode meta = hit.path("metadata");
      String title = first(hit, meta, "title");
      String source = hit.path("source_uri").asText();
      if (title == null) {
        title = source.substring(source.lastIndexOf('/') + 1);
      }
      StringBuilder where = new StringBuilder();
      String section = first(hit, meta, "heading_path");
      if (section != null) {
        where.append(" — ").append(section);
      }
      if (hit.hasNonNull("page")) {
        where.append(" · page ").append(hit.path("page").asInt());
        if (hit.hasNonNull("page_end") && hit.path("page_end").asInt() != hit.path("page").asInt()) {
          where.append('-').append(hit.path("page_end").asInt());
        }
      }
      out.printf("%d. %.2f  %s%s%n", ++n, hit.path("score").asDouble(), title, where);
      String text = hit.hasNonNull("snippet") ? plain(hit.path("snippet").asText()) : hit.path("text").asText();
      out.println("   " + shorten(text.replaceAll("\\s+", " ").trim(), 200));
      out.println("   " + source + (hit.hasNonNull("document_id") ? "  (document " + hit.path("document_id").asText()
          + ")" : ""));
    }
    if (n == 0) {
      out.println("no hits");
    }
    out.flush();
    return ExitCode.OK;
  }

  private static String first(JsonNode hit, JsonNode meta, String field) {
    if (hit.hasNonNull(field) && !hit.path(field).asText().isBlank()) {
      return hit.path(field).asText();
    }
    return meta.hasNonNull(field) && !meta.path(field).asText().isBlank() ? meta.path(field).asText() : null;
  }

  private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));");

  /** The server's snippet (HTML-escaped, matches in {@code <mark>}) as terminal text, matches in {@code *…*}. */
  static String plain(String snippet) {
    String marked = snippet.replaceAll("</?mark>", "*");
    Matcher m = ENTITY.matcher(marked);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(3) != null) {
        replacement = switch (m.group(3)) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          default -> "'";
        };
      } else {
        int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        replacement = code > 0 && code <= Character.MAX_CODE_POINT && !Character.isISOControl(code)
            ? new String(Character.toChars(code)) : " ";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
