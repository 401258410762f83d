package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Polls documents until each is INDEXED or FAILED (or gone), reporting each as it gets there. */
final class DocumentWaiter {

  /** The last view of every document waited for; {@code missing} ones were deleted meanwhile. */
  record Result(Map<String, JsonNode> documents, int indexed, int failed, int missing, boolean timedOut) {
    boolean allIndexed() {
      return !timedOut && failed == 0 && missing == 0;
    }
  }

  private final ServiceClient client;
  private final Progress progress;
  private final Duration interval;

  DocumentWaiter(ServiceClient client, Progress progress, Duration interval) {
    this.client = client;
    this.progress = progress;
    this.interval = interval;
  }

  Result await(List<String> ids, Duration timeout) throws InterruptedException {
    Map<String, JsonNode> last = new LinkedHashMap<>();
    ids.forEach(id -> last.put(id, null));
    long deadline = System.nanoTime() + timeout.toNanos();
    int indexed = 0;
    int failed = 0;
    int missing = 0;
    Map<String, Boolean> open = new LinkedHashMap<>();
    ids.forEach(id -> open.put(id, true));
    while (!open.isEmpty()) {
      for (String id : List.copyOf(open.keySet())) {
        JsonNode doc;
        try {
          doc = client.get("/api/v1/documents/" + id);
        } catch (ServiceException e) {
          if (e.status() != 404) {
            throw e;
          }
          open.remove(id);
          missing++;
          progress.line("GONE     " + id + " (deleted while waiting)");
          continue;
        }
        last.put(id, doc);
        String status = doc.path("status").asText();
        if ("INDEXED".equals(status) || "FAILED".equals(status)) {
          open.remove(id);
          if ("INDEXED".equals(status)) {
            indexed++;
          } else {
            failed++;
          }
          progress.line(Output.documentLine(doc));
        }
      }
      int done = ids.size() - open.size();
      progress.update(done, ids.size(), done + "/" + ids.size() + " done (" + indexed + " indexed, " + failed
          + " failed)");
      if (open.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        return new Result(last, indexed, failed, missing, true);
      }
      Thread.sleep(interval.toMillis());
    }
    return new Result(last, indexed, failed, missing, false);
  }
}
