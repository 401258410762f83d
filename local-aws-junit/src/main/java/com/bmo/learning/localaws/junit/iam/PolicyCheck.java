package com.bmo.learning.localaws.junit.iam;

import com.bmo.learning.localaws.junit.iam.IamActions.Permission;
import com.bmo.learning.localaws.junit.iam.IamPolicy.Grant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares the AWS operations recorded by {@link AwsOperationRecorder} with an IAM policy: every permission
 * they needed must be granted (else it is <em>missing</em>), and every grant should have been needed by some
 * operation (else it is <em>unused</em>, reported but not an error: tests may not reach every path).
 *
 * <p>Tests run on their own resources, so names are mapped onto the policy's: a test bucket stands for each
 * bucket the policy names (so the check still tells bucket-level from object-level grants), and a secret
 * under the harness's prefix {@code it/<random>/} stands for {@code bmo-learning/it/...}.
 *
 * <p>Library integration tests exercise operations the service never performs (creating and deleting
 * secrets, say); such actions may be declared {@code libraryOnly} with the reason. They are excused only in
 * recordings of origins other than {@code serviceOrigin}: if the service itself performs one, it is missing.
 */
public final class PolicyCheck {

  private final IamPolicy policy;
  private final Map<String, String> libraryOnly;
  private final String serviceOrigin;

  public PolicyCheck(IamPolicy policy, Map<String, String> libraryOnly, String serviceOrigin) {
    this.policy = policy;
    this.libraryOnly = Map.copyOf(libraryOnly);
    this.serviceOrigin = serviceOrigin;
  }

  /** A needed permission no grant allows, with the operations that needed it and where they were recorded. */
  public record Missing(String action, String resource, Set<String> operations, Set<String> origins) {
    @Override
    public String toString() {
      return action + " on " + resource + " (needed by " + String.join(", ", operations) + " in "
          + String.join(", ", origins) + ")";
    }
  }

  /** The outcome: missing permissions (an error), unused grants and the library-only actions seen. */
  public record Report(List<Missing> missing, List<Grant> unused, Set<String> libraryOnlySeen, int operations) {
    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(operations).append(" recorded operations\n");
      sb.append("missing permissions (").append(missing.size()).append("):\n");
      missing.forEach(m -> sb.append("  ").append(m).append('\n'));
      sb.append("granted but never used (").append(unused.size()).append("):\n");
      unused.forEach(g -> sb.append("  ").append(g).append('\n'));
      sb.append("library-only actions seen outside the service: ").append(libraryOnlySeen).append('\n');
      return sb.toString();
    }
  }

  /** Checks operations grouped by origin (e.g. the module whose tests recorded them). */
  public Report check(Map<String, Set<AwsOperation>> recordedByOrigin) {
    Map<String, Missing> missing = new TreeMap<>();
    Set<Grant> used = new LinkedHashSet<>();
    Set<String> libraryOnlySeen = new java.util.TreeSet<>();
    int count = 0;
    List<String> buckets = policy.bucketNames();
    for (Map.Entry<String, Set<AwsOperation>> entry : recordedByOrigin.entrySet()) {
      String origin = entry.getKey();
      for (AwsOperation op : entry.getValue()) {
        count++;
        for (Permission p : IamActions.of(op)) {
          List<String> candidates = candidates(p.resource(), buckets);
          List<Grant> matching = policy.grants().stream()
              .filter(g -> candidates.stream().anyMatch(r -> g.allows(p.action(), r))).toList();
          used.addAll(matching);
          if (!matching.isEmpty()) {
            continue;
          }
          if (!origin.equals(serviceOrigin) && libraryOnly.containsKey(p.action())) {
            libraryOnlySeen.add(p.action());
            continue;
          }
          String resource = candidates.get(0);
          missing.computeIfAbsent(p.action() + " " + resource,
              k -> new Missing(p.action(), resource, new LinkedHashSet<>(), new LinkedHashSet<>()));
          missing.get(p.action() + " " + resource).operations().add(op.service() + " " + op.operation());
          missing.get(p.action() + " " + resource).origins().add(origin);
        }
      }
    }
    List<Grant> unused = policy.grants().stream().filter(g -> !used.contains(g)).toList();
    return new Report(List.copyOf(missing.values()), unused, libraryOnlySeen, count);
  }

  /** The resource as the policy would name it: test buckets and test secrets mapped onto the policy's names. */
  static List<String> candidates(String resource, List<String> policyBuckets) {
    if (resource.startsWith("arn:aws:s3:::")) {
      String rest = resource.substring("arn:aws:s3:::".length());
      String[] parts = rest.split("/", 2);
      if (policyBuckets.contains(parts[0]) || policyBuckets.isEmpty()) {
        return List.of(resource);
      }
      String tail = parts.length > 1 ? "/" + parts[1] : "";
      return policyBuckets.stream().map(b -> "arn:aws:s3:::" + b + tail).toList();
    }
    if (resource.startsWith("arn:aws:secretsmanager:")) {
      return List.of(resource.replaceFirst(":secret:it/[a-z0-9]+/", ":secret:bmo-learning/it/"));
    }
    return List.of(resource);
  }

  /**
   * The recordings under {@code root}: every {@code target/aws-operations/*.tsv} of its modules, keyed by the
   * module's directory name.
   */
  public static Map<String, Set<AwsOperation>> readRecordings(Path root) {
    Map<String, Set<AwsOperation>> byOrigin = new LinkedHashMap<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        Path dir = module.resolve("target/aws-operations");
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
            Set<AwsOperation> ops = byOrigin.computeIfAbsent(module.getFileName().toString(), k -> new LinkedHashSet<>());
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
              if (!line.isBlank()) {
                ops.add(AwsOperation.parse(line));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recordings under " + root, e);
    }
    return byOrigin;
  }

  /** {@code action<TAB>reason} lines ({@code #} comments allowed). */
  public static Map<String, String> readLibraryOnly(Path file) {
    Map<String, String> actions = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+", 2);
        actions.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return actions;
  }
}
