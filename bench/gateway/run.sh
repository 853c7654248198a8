#!/usr/bin/env bash
# The gateway benchmark (issue 13; not in CI): the cached single check through the gateway against
# the same check sent to credit-service directly, in the same run, at 16, 64 and 256 clients.
#   bench/gateway/run.sh      (env: UNITS=2000 LISTED=200 RUNS=3 DURATION=10s WARMUP=45s CLIENTS="16 64 256" SKIP_BUILD=1
#                              DEVSTACK_JAVA_OPTS="-Xms512m -Xmx512m" PLAN= BATCH_RUNS=0 OUT=target/bench-gateway)
# Issue 19 (bench/check/issue19.sh sets these): PLAN="ceiling:32 direct:32 gateway:32 gateway:64" runs
# each target:clients pair once per run, RUNS times interleaved (instead of the CLIENTS loops); a
# "ceiling" target also starts the bare ceiling (bench/check/BareCeiling.java: a minimal Spring Boot
# MVC app, virtual threads, no security, compiled with javac into $OUT against jars of
# credit-service's BOOT-INF/lib, answering a constant JSON of the size of the cached check answers
# the direct warm-up received). BATCH_RUNS=N then measures N times the CPU-seconds per code of
# 1,000 single checks against batches of 1,000 through the gateway (bench/gateway/batch_cpu.py).
# JFR=1 then records one more gateway run at 64 clients (not counted) with JFR in the gateway and
# credit-service (jcmd, profile settings) and writes each one's hot methods (jfr view) beside the results.
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
OUT=${OUT:-target/bench-gateway}
rm -rf "$OUT" && mkdir -p "$OUT"
UNITS=${UNITS:-2000}; LISTED=${LISTED:-200}; RUNS=${RUNS:-3}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-45s}
CLIENTS=${CLIENTS:-16 64 256}; THREADS=${THREADS:-2}; PLAN=${PLAN:-}; BATCH_RUNS=${BATCH_RUNS:-0}
CEILING_PORT=${CEILING_PORT:-18199}
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
CEILING_PID=
cleanup() {
  [ -n "$CEILING_PID" ] && kill "$CEILING_PID" 2>/dev/null && wait "$CEILING_PID" 2>/dev/null || true
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
SANCTION_PID=$(pgrep -f 'sanction-service/target/sanction-service.jar' | head -1)
child_pid() { ps -o pid=,comm= --ppid "$STACK_PID" | awk -v name="$1" '$2 ~ name {print $1; exit}'; }
MARIADB_PID=$(child_pid mariadbd); REDIS_PID=$(child_pid redis-server)

cpu_ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# name=pid of every process whose CPU each run records (the bare ceiling's only while it runs)
processes() {
  echo "gateway=$GATEWAY_PID credit=$CREDIT_PID sanction=$SANCTION_PID mariadb=$MARIADB_PID redis=$REDIS_PID" \
    "${CEILING_PID:+ceiling=$CEILING_PID}"
}
wrk_run() { # $1 = label, $2 = base URL, $3 = clients, $4 = duration; CHECK_API_KEY set = the gateway path
  local before=() after=() requests entry i=0
  for entry in $(processes); do before+=("$(cpu_ticks "${entry#*=}")"); done
  CHECK_TOKEN=$(python3 bench/check/token.py "$SECRET" XZSPJ APPROVAL) CHECK_CODES="$OUT/codes.txt" \
    wrk -t"$THREADS" -c"$3" -d"$4" --timeout 10s --latency -s bench/check/single.lua "$2" > "$OUT/wrk-$1.txt"
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$1.txt")
  local cpu="cpu_s_per_1k"
  for entry in $(processes); do
    cpu="$cpu ${entry%%=*}=$(awk -v t=$(( $(cpu_ticks "${entry#*=}") - before[i] )) -v n="$requests" \
      -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t / hz / n * 1000 }')"
    i=$((i + 1))
  done
  echo "$(grep '^RESULT' "$OUT/wrk-$1.txt") $cpu" | sed "s/^RESULT/$1/" | tee -a "$RESULTS"
}
# mean bytes per answer of a wrk run (headers included), from its "N requests in Ts, X read" line
wrk_bytes_per_answer() {
  awk '/requests in/ { v = $(NF - 1); u = v; gsub(/[0-9.]/, "", u); sub(/[A-Za-z]+$/, "", v)
    m = (u == "GB" ? 1073741824 : u == "MB" ? 1048576 : u == "KB" ? 1024 : 1); printf "%d", v * m / $1 }' "$1"
}
start_ceiling() { # $1 = body bytes
  local lib="$OUT/ceiling/lib" cp
  mkdir -p "$lib" "$OUT/ceiling/classes"
  unzip -q -o -j credit-service/target/credit-service.jar 'BOOT-INF/lib/*' -d "$lib"
  # Spring Boot, Spring MVC, Tomcat, Jackson and logging only: nothing else gets auto-configured
  cp=$(ls "$lib"/*.jar | grep -E '/(spring-boot-4|spring-boot-autoconfigure|spring-boot-(webmvc|servlet|tomcat|web-server|http-converter|jackson)-|spring-(core|beans|context|aop|expression|web|webmvc)-[0-9]|commons-logging|tomcat-embed-(core|websocket|el)|jackson-(databind|core)-3|jackson-annotations|micrometer-(observation|commons)|jspecify|logback-|slf4j-api|jul-to-slf4j|log4j-to-slf4j|log4j-api|snakeyaml|jakarta.annotation-api)' | tr '\n' ':')
  "$JAVA_HOME/bin/javac" -parameters -d "$OUT/ceiling/classes" -cp "$cp" bench/check/BareCeiling.java
  # shellcheck disable=SC2086
  "$JAVA" $DEVSTACK_JAVA_OPTS -cp "$OUT/ceiling/classes:$cp" BareCeiling --server.port="$CEILING_PORT" \
    --ceiling.bytes="$1" > "$OUT/ceiling.log" 2>&1 &
  CEILING_PID=$!
  for _ in $(seq 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$CEILING_PORT/api/v1/checks/0" && return 0
    kill -0 "$CEILING_PID" 2>/dev/null || { echo "the bare ceiling died; see $OUT/ceiling.log"; exit 1; }
    sleep 1
  done
  echo "the bare ceiling did not start; see $OUT/ceiling.log"; exit 1
}

{
  echo "# gateway benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
  echo "service JVMs: $DEVSTACK_JAVA_OPTS; processes measured: $(processes)"
  if [ -n "$PLAN" ]; then
    echo "data: $UNITS units, $LISTED listed; wrk -t$THREADS -d$DURATION, target:clients $PLAN, $RUNS runs interleaved, $WARMUP warm-up per path"
  else
    echo "data: $UNITS units, $LISTED listed; wrk -t$THREADS -d$DURATION at $CLIENTS clients, $RUNS runs each, $WARMUP warm-up per path"
  fi
} | tee "$RESULTS"

"$JAVA" -cp "$CONNECTOR" bench/check/LoadData.java "$JDBC" "$UNITS" "$LISTED" "$OUT" | tee -a "$RESULTS"
python3 bench/check/client.py warm "$CREDIT_PORT" "$SECRET" "$OUT/codes.txt" | tee -a "$RESULTS"

# JIT warm-up of both paths, not counted (WARMUP each; 15 s left the gateway still compiling)
wrk_run warmup-direct "$CREDIT_URL" 64 "$WARMUP" > /dev/null
if [[ " $PLAN" == *" ceiling:"* ]]; then
  # the bare ceiling answers as many bytes as the cached check answered on average under that load
  HEADER_BYTES=$(curl -s -o /dev/null -w '%{size_header}' \
    -H "Authorization: Bearer $(python3 bench/check/token.py "$SECRET" XZSPJ APPROVAL)" \
    "$CREDIT_URL/api/v1/checks/$(head -1 "$OUT/codes.txt")")
  CEILING_BYTES=$(( $(wrk_bytes_per_answer "$OUT/wrk-warmup-direct.txt") - HEADER_BYTES ))
  echo "ceiling answer: $CEILING_BYTES bytes (the direct warm-up's mean answer less $HEADER_BYTES header bytes)" | tee -a "$RESULTS"
  start_ceiling "$CEILING_BYTES"
  wrk_run warmup-ceiling "http://127.0.0.1:$CEILING_PORT" 64 "$WARMUP" > /dev/null
fi
CHECK_API_KEY="$API_KEY" wrk_run warmup-gateway "$GATEWAY_URL" 64 "$WARMUP" > /dev/null
if [ -n "$PLAN" ]; then
  for run in $(seq "$RUNS"); do
    for step in $PLAN; do
      target=${step%%:*}; clients=${step#*:}
      case "$target" in
        ceiling) wrk_run "ceiling-c$clients-$run" "http://127.0.0.1:$CEILING_PORT" "$clients" "$DURATION" ;;
        direct) wrk_run "direct-c$clients-$run" "$CREDIT_URL" "$clients" "$DURATION" ;;
        gateway) CHECK_API_KEY="$API_KEY" wrk_run "gateway-c$clients-$run" "$GATEWAY_URL" "$clients" "$DURATION" ;;
        *) echo "unknown target in PLAN: $step"; exit 1 ;;
      esac
    done
  done
else
  for clients in $CLIENTS; do
    for run in $(seq "$RUNS"); do
      wrk_run "direct-c$clients-$run" "$CREDIT_URL" "$clients" "$DURATION"
      CHECK_API_KEY="$API_KEY" wrk_run "gateway-c$clients-$run" "$GATEWAY_URL" "$clients" "$DURATION"
    done
  done
fi
# CPU per code through the gateway: 1,000 single checks against batches of 1,000 (issue 19)
for run in $(seq "$BATCH_RUNS"); do
  # shellcheck disable=SC2046
  python3 bench/gateway/batch_cpu.py "$GATEWAY_URL" "$API_KEY" "$OUT/codes.txt" 1000 10 $(processes) \
    | sed "s/^RESULT/batch-$run/" | tee -a "$RESULTS"
done
if [ "${JFR:-}" = 1 ]; then
  for pid in "$GATEWAY_PID" "$CREDIT_PID"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=bench settings=profile > /dev/null
  done
  CHECK_API_KEY="$API_KEY" wrk_run jfr-gateway-c64 "$GATEWAY_URL" 64 "$DURATION"
  for process in gateway credit; do
    pid=$([ "$process" = gateway ] && echo "$GATEWAY_PID" || echo "$CREDIT_PID")
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=bench filename="$PWD/$OUT/$process.jfr" > /dev/null
    "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/$process.jfr" > "$OUT/$process-hot-methods.txt"
    echo "JFR: $OUT/$process.jfr, hot methods in $OUT/$process-hot-methods.txt" | tee -a "$RESULTS"
  done
fi
python3 bench/gateway/summarise.py "$RESULTS" | tee -a "$RESULTS"
