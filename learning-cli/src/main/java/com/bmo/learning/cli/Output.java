package com.bmo.learning.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What commands print: JSON as the service gave it, or short aligned text for people. */
final class Output {

  private Output() {
  }

  static ObjectNode object() {
    return ServiceClient.JSON.createObjectNode();
  }

  static void json(PrintWriter out, JsonNode value) {
    try {
      out.println(ServiceClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  /** Rows as columns padded to their widest cell; the last column is left ragged. */
  static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /** A text field, or {@code -} when the service left it out. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? "-" : v.asText();
  }

  /** One document in one line: its id, status, name, and why it failed. */
  static String documentLine(JsonNode doc) {
    String line = text(doc, "status") + "  " + text(doc, "id") + "  " + text(doc, "file_name");
    if ("INDEXED".equals(doc.path("status").asText()) && doc.has("chunk_count")) {
      line += " (" + doc.path("chunk_count").asInt() + " chunks)";
    }
    if ("FAILED".equals(doc.path("status").asText()) && doc.hasNonNull("error")) {
      line += ": " + doc.path("error").asText();
    }
    return line;
  }
}
