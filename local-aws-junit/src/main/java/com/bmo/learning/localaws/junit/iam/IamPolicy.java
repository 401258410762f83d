package com.bmo.learning.localaws.junit.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Allow statements of an IAM policy document: which actions on which resources, both with IAM's
 * {@code *} and {@code ?} wildcards (actions case-insensitively, as IAM compares them). Deny, NotAction,
 * NotResource and conditions are refused: a check that ignored them would say more than it knows.
 */
public record IamPolicy(List<Grant> grants) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One action pattern on one resource pattern, from the statement {@code sid}. */
  public record Grant(String sid, String action, String resource) {

    boolean allows(String action, String resource) {
      return wildcard(this.action, true).matcher(action).matches()
          && wildcard(this.resource, false).matcher(resource).matches();
    }

    @Override
    public String toString() {
      return action + " on " + resource + (sid == null ? "" : " (" + sid + ")");
    }
  }

  public IamPolicy {
    grants = List.copyOf(grants);
  }

  public static IamPolicy read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy " + file, e);
    }
  }

  public static IamPolicy parse(String json) throws IOException {
    JsonNode statements = JSON.readTree(json).path("Statement");
    List<Grant> grants = new ArrayList<>();
    for (JsonNode st : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
      String sid = st.hasNonNull("Sid") ? st.get("Sid").asText() : null;
      for (String unsupported : List.of("NotAction", "NotResource", "Condition", "NotPrincipal")) {
        if (st.has(unsupported)) {
          throw new IllegalArgumentException("statement " + sid + ": " + unsupported + " is not supported by this check");
        }
      }
      if (!"Allow".equals(st.path("Effect").asText())) {
        throw new IllegalArgumentException("statement " + sid + ": only Allow statements are supported");
      }
      for (String action : strings(st.path("Action"))) {
        for (String resource : strings(st.path("Resource"))) {
          grants.add(new Grant(sid, action, resource));
        }
      }
    }
    return new IamPolicy(grants);
  }

  /** Whether some statement allows {@code action} on {@code resource}. */
  public boolean allows(String action, String resource) {
    return grants.stream().anyMatch(g -> g.allows(action, resource));
  }

  /** A copy without the grants of {@code action} (exactly as written): what a policy missing it would allow. */
  public IamPolicy without(String action) {
    return new IamPolicy(grants.stream().filter(g -> !g.action().equals(action)).toList());
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  static Pattern wildcard(String pattern, boolean caseInsensitive) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
  }

  /** The bucket names the policy's S3 resources name (arn:aws:s3:::NAME or arn:aws:s3:::NAME/...). */
  List<String> bucketNames() {
    return grants.stream().map(Grant::resource).filter(r -> r.startsWith("arn:aws:s3:::"))
        .map(r -> r.substring("arn:aws:s3:::".length()).split("/", 2)[0])
        .filter(b -> !b.contains("*")).distinct().toList();
  }
}
