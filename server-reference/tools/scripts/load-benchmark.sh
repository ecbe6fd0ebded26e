#!/usr/bin/env bash
# The server-reference load benchmark (docs/benchmarks.md, "server-reference load test"):
# the reference server and the load tool on loopback, CONNECTIONS connections in ROOMS rooms at
# 20 Hz for DURATION, once per protocol (protobuf, JSON) and broadcast mode (per-cohort,
# per-connection, pre-encoded), a fresh server for each run; then the comparisons.
#
#   ./mvnw -B -ntp -pl server-reference/tools -am package -DskipTests
#   server-reference/tools/scripts/load-benchmark.sh
#
# Environment (defaults): CONNECTIONS (1000) ROOMS (50) DURATION (60s) RAMP_UP (20s)
# OUT (server-reference/tools/target/load-benchmark; a relative OUT is relative to the directory you run
# the script from) GAME_PORT (18080) ADMIN_PORT (19090)
# MODES ("per-cohort per-connection pre-encoded") PROTOCOLS ("protobuf json")
# SERVER_ARGS (none: extra server options, e.g. "--shadow-sampling 100") LABEL (none: appended to
# each run's name, e.g. protobuf-per-cohort-shadow, so that runs with SERVER_ARGS sit beside the others)
# Fails (exit 2) if the jar is missing, a server does not become ready, or the load tool or the
# comparison reports bad arguments or unreadable results (their exit 2); a run or a comparison that
# completes with errors or a missed target (exit 1) is recorded in OUT and the benchmark goes on.
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
# Resolved before the cd below, so OUT=target/x lands in ./target/x of the caller.
OUT=$(realpath -m -- "${OUT:-$module/target/load-benchmark}")
cd "$module"

JAR=../server/target/protoshift-server.jar
TOOLS_JAR=target/protoshift-tools.jar
CONNECTIONS=${CONNECTIONS:-1000}
ROOMS=${ROOMS:-50}
DURATION=${DURATION:-60s}
RAMP_UP=${RAMP_UP:-20s}
GAME_PORT=${GAME_PORT:-18080}
ADMIN_PORT=${ADMIN_PORT:-19090}
MODES=${MODES:-per-cohort per-connection pre-encoded}
read -r -a SERVER_EXTRA <<< "${SERVER_ARGS:-}"
LABEL=${LABEL:-}
PROTOCOLS=${PROTOCOLS:-protobuf json}
export PROTOSHIFT_ADMIN_TOKEN=${PROTOSHIFT_ADMIN_TOKEN:-load-benchmark-token-0123456789}
LOADTOOL=(java -jar "$TOOLS_JAR")

for jar in "$JAR" "$TOOLS_JAR"; do
  [ -f "$jar" ] || { echo "no $jar: run ./mvnw -B -ntp -pl server-reference/tools -am package -DskipTests" >&2; exit 2; }
done
mkdir -p "$OUT"
{ date -u +%Y-%m-%dT%H:%M:%SZ; uname -srm; nproc; java -version 2>&1 | head -1; uptime; } > "$OUT/machine.txt"

server=""
# A failure mid-run must not leave a server behind.
trap '[ -z "$server" ] || kill -TERM "$server" 2>/dev/null || true' EXIT

run() {
  local mode=$1 protocol=$2 name="$2-$1${LABEL:+-$LABEL}"
  echo "== $name: $CONNECTIONS connections, $ROOMS rooms, $DURATION (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  PROTOBUF_ENABLED=true PROTOBUF_ROLLOUT_PERCENTAGE=100 java -jar "$JAR" --host 127.0.0.1 \
    --port "$GAME_PORT" --admin-port "$ADMIN_PORT" --broadcast-mode "$mode" ${SERVER_EXTRA[@]+"${SERVER_EXTRA[@]}"} \
    >"$OUT/$name.server.log" 2>&1 &
  server=$!
  local ready=false
  for _ in $(seq 1 150); do
    if curl -sf "http://127.0.0.1:$ADMIN_PORT/readyz" >/dev/null 2>&1; then ready=true; break; fi
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$ready" != true ]; then
    echo "load-benchmark: the server for $name did not become ready; $OUT/$name.server.log:" >&2
    tail -n 20 "$OUT/$name.server.log" >&2
    exit 2
  fi
  local status=0
  "${LOADTOOL[@]}" run --url "ws://127.0.0.1:$GAME_PORT/ws" --connections "$CONNECTIONS" --rooms "$ROOMS" \
    --duration "$DURATION" --ramp-up "$RAMP_UP" --protocol "$protocol" \
    --admin-url "http://127.0.0.1:$ADMIN_PORT" --out "$OUT/$name.json" \
    2>"$OUT/$name.progress.log" | tee "$OUT/$name.summary.txt" || status=$?
  echo "load tool exit code $status" | tee -a "$OUT/$name.summary.txt"
  [ "$status" -le 1 ] || { echo "load-benchmark: the load tool failed (exit $status): $OUT/$name.progress.log" >&2; exit 2; }
  # The server's own counters at the end of the run (e.g. the shadow check's), beside the results.
  curl -sf -H "Authorization: Bearer $PROTOSHIFT_ADMIN_TOKEN" "http://127.0.0.1:$ADMIN_PORT/metrics" \
    >"$OUT/$name.metrics.txt" || echo "load-benchmark: could not scrape the server's /metrics after $name" >&2
  kill -TERM "$server"
  local server_status=0
  wait "$server" || server_status=$?
  server=""
  [ "$server_status" -eq 0 ] || { echo "load-benchmark: the server exited with $server_status after SIGTERM: $OUT/$name.server.log" >&2; exit 2; }
}

for mode in $MODES; do
  for protocol in $PROTOCOLS; do
    run "$mode" "$protocol"
  done
done

# The rollout plan's comparison: protobuf against JSON, per-cohort encoding.
# Exit 1 is a missed target (recorded: the figures are the point); 2 is a failure.
if [ -z "$LABEL" ] && [ -f "$OUT/protobuf-per-cohort.json" ] && [ -f "$OUT/json-per-cohort.json" ]; then
  status=0
  "${LOADTOOL[@]}" compare "$OUT/protobuf-per-cohort.json" "$OUT/json-per-cohort.json" \
    --chart "$OUT/protobuf-vs-json.html" | tee "$OUT/protobuf-vs-json.txt" || status=$?
  echo "compare exit code $status" | tee -a "$OUT/protobuf-vs-json.txt"
  [ "$status" -le 1 ] || { echo "load-benchmark: the comparison failed (exit $status)" >&2; exit 2; }
else
  echo "no comparison: it needs the per-cohort mode and both protocols"
fi
echo "results in $OUT"
