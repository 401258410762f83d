package com.bmo.learning.service.documents;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.service.documents.InvalidRequestException.FieldProblem;
import com.bmo.learning.service.ingestion.SourceDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document's descriptive metadata, validated: {@code course}, {@code learner_id} and free entries. It
 * travels as S3 user metadata (HTTP headers: printable ASCII, 2 KB in all) and onto every chunk, where
 * it can be searched as a filter.
 *
 * @param extra free entries, keys {@code [a-z][a-z0-9_-]*}
 */
public record DocumentMetadata(String course, String learnerId, Map<String, String> extra) {

  public static final int MAX_ENTRIES = 20;
  public static final int MAX_VALUE_LENGTH = 256;
  /** Leaves room in S3's 2 KB for the service's own entries. */
  public static final int MAX_TOTAL_BYTES = 1536;
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.@:-]{0,63}");
  /** Keys the service sets itself. */
  static final Set<String> RESERVED = reserved();
  /** Metadata is a flat object: anything nested deeper than this is refused while it is read. */
  private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(8).build())
      .build());

  public DocumentMetadata {
    extra = Map.copyOf(extra);
  }

  private static Set<String> reserved() {
    Set<String> names = new java.util.HashSet<>(MetadataKeys.RESERVED);
    names.addAll(Set.of("course", "learner_id", "original_name", SourceDocument.SERVICE_DOCUMENT_ID,
        Visibility.OWNER_METADATA));
    return Set.copyOf(names);
  }

  public static DocumentMetadata empty() {
    return new DocumentMetadata(null, null, Map.of());
  }

  /** Validates the request's fields; every problem is reported at once. */
  public static DocumentMetadata parse(String course, String learnerId, String metadataJson) {
    List<FieldProblem> problems = new ArrayList<>();
    course = blankToNull(course);
    learnerId = blankToNull(learnerId);
    if (course != null && !ID.matcher(course).matches()) {
      problems.add(new FieldProblem("course", "must be 1 to 64 letters, digits, spaces or . _ @ : - "
          + "(starting with a letter or digit)"));
    }
    if (learnerId != null && !ID.matcher(learnerId).matches()) {
      problems.add(new FieldProblem("learner_id", "must be 1 to 64 letters, digits, spaces or . _ @ : - "
          + "(starting with a letter or digit)"));
    }
    Map<String, String> extra = new LinkedHashMap<>();
    if (blankToNull(metadataJson) != null) {
      parseExtra(metadataJson, extra, problems);
    }
    if (problems.isEmpty()) {
      int bytes = bytes("course", course) + bytes("learner_id", learnerId);
      for (Map.Entry<String, String> e : extra.entrySet()) {
        bytes += bytes(e.getKey(), e.getValue());
      }
      if (bytes > MAX_TOTAL_BYTES) {
        problems.add(new FieldProblem("metadata", "metadata totals " + bytes + " bytes; at most "
            + MAX_TOTAL_BYTES + " are allowed"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new DocumentMetadata(course, learnerId, extra);
  }

  private static void parseExtra(String json, Map<String, String> extra, List<FieldProblem> problems) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      problems.add(new FieldProblem("metadata", e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
          ? "is nested too deeply: it must be a flat JSON object of strings, e.g. {\"unit\":\"3\"}"
          : "must be a JSON object of strings, e.g. {\"unit\":\"3\"}; it is not valid JSON" + where));
      return;
    }
    if (node == null || !node.isObject()) {
      problems.add(new FieldProblem("metadata", "must be a JSON object of strings, e.g. {\"unit\":\"3\"}"));
      return;
    }
    if (node.size() > MAX_ENTRIES) {
      problems.add(new FieldProblem("metadata", "has " + node.size() + " entries; at most " + MAX_ENTRIES));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String field = "metadata." + key;
      if (!KEY.matcher(key).matches()) {
        problems.add(new FieldProblem(field, "keys must be 1 to 40 of a-z 0-9 _ - starting with a letter"));
        continue;
      }
      if (RESERVED.contains(key)) {
        problems.add(new FieldProblem(field, "is set by the service"
            + (key.equals("course") || key.equals("learner_id") ? "; send it as its own form field" : "")));
        continue;
      }
      JsonNode v = e.getValue();
      if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
        problems.add(new FieldProblem(field, "must be a string, number or boolean"));
        continue;
      }
      String value = v.asText();
      if (value.length() > MAX_VALUE_LENGTH) {
        problems.add(new FieldProblem(field, "is " + value.length() + " characters; at most " + MAX_VALUE_LENGTH));
        continue;
      }
      if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
        problems.add(new FieldProblem(field, "must be printable ASCII (S3 stores metadata as HTTP headers)"));
        continue;
      }
      extra.put(key, value);
    }
  }

  /** Everything, as stamped on chunks: course and learner_id (when given) and the free entries. */
  public Map<String, String> asMap() {
    Map<String, String> all = new LinkedHashMap<>(extra);
    if (course != null) {
      all.put("course", course);
    }
    if (learnerId != null) {
      all.put("learner_id", learnerId);
    }
    return all;
  }

  private static int bytes(String key, String value) {
    return value == null ? 0 : key.length() + value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
