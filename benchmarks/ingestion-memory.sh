#!/usr/bin/env bash
# RSS and time of the documents service (local mode, its own JVM) for a PDF bomb and a 25 MiB text upload,
# with the default ingestion limits and with them lifted ("before"). Results: docs/PERFORMANCE.md.
#   benchmarks/ingestion-memory.sh [give-up seconds per document, default 180]
set -euo pipefail
cd "$(dirname "$0")/.."
GIVE_UP=${1:-180}
./mvnw -B -q -o -pl learning-local,benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime
CP="learning-local/target/classes:$(cat learning-local/target/runtime.classpath)"
KEY="bmo_mem_$(date +%s%N)"
run() {  # $1 = label, rest = extra service arguments
  local label=$1; shift
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -cp "$CP" com.bmo.learning.local.LearningLocalApplication --server.port="$port" \
    --learning.local.aws.port=0 --learning.local.user-key="$KEY" --learning.local.samples.enabled=false \
    --learning.local.banner=false --logging.level.root=WARN "$@" > "benchmarks/target/ingestion-memory-$label.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 1; done
  echo "== $label ($*)"
  java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.service.IngestionMemoryHarness \
    --url "http://localhost:$port" --key "$KEY" --pid "$pid" --give-up-s "$GIVE_UP" || true
  kill "$pid"; wait "$pid" || true
}
run limits
run no-limits --learning.ingestion.max-decompressed-size=64GB --learning.ingestion.max-characters=1000000000 \
  --learning.ingestion.max-chunks=10000000 --learning.jobs.timeout=2h
