package com.bmo.learning.localaws;

import com.bmo.learning.localaws.init.InitSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;

/**
 * LocalStack's {@code /_localstack/health} and {@code /_localstack/init} documents, in LocalStack's own
 * shape, so that scripts and health checks written for LocalStack work against this endpoint.
 */
final class LocalStackStatus {

  /** The LocalStack API level this endpoint imitates; reported as {@code version}. */
  static final String VERSION = "4.0.0-local-aws";

  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Phase { STARTING, READY, INITIALISED }

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);
  private final AtomicReference<InitSpec> applied = new AtomicReference<>(InitSpec.empty());

  void markReady() {
    phase.set(Phase.READY);
  }

  void markInitDone(InitSpec spec) {
    applied.set(spec);
    phase.set(Phase.INITIALISED);
  }

  byte[] healthJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode services = root.putObject("services");
    String state = phase.get() == Phase.STARTING ? "available" : "running";
    services.put("s3", state);
    services.put("secretsmanager", state);
    root.put("edition", "community");
    root.put("version", VERSION);
    return bytes(root);
  }

  byte[] initJson() {
    boolean done = phase.get() == Phase.INITIALISED;
    ObjectNode root = JSON.createObjectNode();
    ObjectNode completed = root.putObject("completed");
    completed.put("BOOT", true);
    completed.put("START", phase.get() != Phase.STARTING);
    completed.put("READY", done);
    completed.put("SHUTDOWN", false);
    var scripts = root.putArray("scripts");
    InitSpec spec = applied.get();
    if (done && !spec.isEmpty()) {
      ObjectNode script = scripts.addObject();
      script.put("stage", "READY");
      script.put("name", spec.source());
      script.put("state", "SUCCESSFUL");
    }
    return bytes(root);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
