#!/usr/bin/env bash
# The gateway benchmark (issue 13; not in CI): the cached single check through the gateway against
# the same check sent to credit-service directly, in the same run, at 16, 64 and 256 clients.
#   bench/gateway/run.sh      (env: UNITS=2000 LISTED=200 RUNS=3 DURATION=10s WARMUP=45s CLIENTS="16 64 256" SKIP_BUILD=1
#                              DEVSTACK_JAVA_OPTS="-Xms512m -Xmx512m")
# Starts the whole local system (bench/gateway/GatewayBench.java: embedded MariaDB and Redis, the
# three services in their own JVMs, as ./local-run), loads UNITS units (LISTED of them listed)
# straight into the credit database, warms the check cache, then runs wrk on loopback with the
# same Lua script for both targets (random codes; the gateway path with the department's API key,
# the direct path with an internal token as the gateway would mint it). The department rate limit
# is lifted for the run: it is the gateway's capacity that is measured, not its policy.
# Results: target/bench-gateway/results.txt; every answer that is not 200 is counted (non2xx).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/select-jdk.sh
select_jdk
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench-gateway
rm -rf "$OUT" && mkdir -p "$OUT"
UNITS=${UNITS:-2000}; LISTED=${LISTED:-200}; RUNS=${RUNS:-3}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-45s}
CLIENTS=${CLIENTS:-16 64 256}; THREADS=${THREADS:-2}
RESULTS="$OUT/results.txt"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -DskipTests package
fi
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
export GATEWAY_RATELIMIT_DEPARTMENT_REPLENISHRATE=1000000 GATEWAY_RATELIMIT_DEPARTMENT_BURSTCAPACITY=2000000
# The full JIT and a fixed heap for every service JVM, as in production (the devstack's default,
# C1 only for a quick start, costs about 3 times the CPU per request).
export DEVSTACK_JAVA_OPTS=${DEVSTACK_JAVA_OPTS:--Xms512m -Xmx512m}

mkfifo "$OUT/stack.in"
"$JAVA" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt)" bench/gateway/GatewayBench.java \
  "$PWD" "$OUT/stack.env" < "$OUT/stack.in" > "$OUT/stack.log" 2>&1 &
STACK_PID=$!
exec 3> "$OUT/stack.in"
cleanup() {
  exec 3>&- || true
  wait "$STACK_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 300); do
  [ -s "$OUT/stack.env" ] && break
  kill -0 "$STACK_PID" 2>/dev/null || { echo "the stack did not start; see $OUT/stack.log"; exit 1; }
  sleep 1
done
. "$OUT/stack.env"
CREDIT_PORT=${CREDIT_URL##*:}
GATEWAY_PID=$(pgrep -f 'gateway/target/gateway.jar' | head -1)
CREDIT_PID=$(pgrep -f 'credit-service/target/credit-service.jar' | head -1)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
wrk_run() { # $1 = label, $2 = base URL, $3 = clients, $4 = duration; CHECK_API_KEY set = the gateway path
  local g0 c0 requests
  g0=$(cpu_ticks "$GATEWAY_PID"); c0=$(cpu_ticks "$CREDIT_PID")
  CHECK_TOKEN=$(python3 bench/check/token.py "$SECRET" XZSPJ APPROVAL) CHECK_CODES="$OUT/codes.txt" \
    wrk -t"$THREADS" -c"$3" -d"$4" --timeout 10s --latency -s bench/check/single.lua "$2" > "$OUT/wrk-$1.txt"
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$1.txt")
  echo "$(grep '^RESULT' "$OUT/wrk-$1.txt") $(awk -v g=$(( $(cpu_ticks "$GATEWAY_PID") - g0 )) \
      -v c=$(( $(cpu_ticks "$CREDIT_PID") - c0 )) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "cpu_s_per_1k gateway=%.3f credit=%.3f", g / hz / n * 1000, c / hz / n * 1000 }')" \
    | sed "s/^RESULT/$1/" | tee -a "$RESULTS"
}

{
  echo "# gateway benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
  echo "service JVMs: $DEVSTACK_JAVA_OPTS"
  echo "data: $UNITS units, $LISTED listed; wrk -t$THREADS -d$DURATION at $CLIENTS clients, $RUNS runs each, $WARMUP warm-up per path"
} | tee "$RESULTS"

"$JAVA" -cp "$CONNECTOR" bench/check/LoadData.java "$JDBC" "$UNITS" "$LISTED" "$OUT" | tee -a "$RESULTS"
python3 bench/check/client.py warm "$CREDIT_PORT" "$SECRET" "$OUT/codes.txt" | tee -a "$RESULTS"

# JIT warm-up of both paths, not counted (WARMUP each; 15 s left the gateway still compiling)
wrk_run warmup-direct "$CREDIT_URL" 64 "$WARMUP" > /dev/null
CHECK_API_KEY="$API_KEY" wrk_run warmup-gateway "$GATEWAY_URL" 64 "$WARMUP" > /dev/null
for clients in $CLIENTS; do
  for run in $(seq "$RUNS"); do
    wrk_run "direct-c$clients-$run" "$CREDIT_URL" "$clients" "$DURATION"
    CHECK_API_KEY="$API_KEY" wrk_run "gateway-c$clients-$run" "$GATEWAY_URL" "$clients" "$DURATION"
  done
done
python3 bench/gateway/summarise.py "$RESULTS" | tee -a "$RESULTS"
