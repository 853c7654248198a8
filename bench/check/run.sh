#!/usr/bin/env bash
# The licensing-check benchmark (issue 4; not in CI): one command, a few minutes.
#   bench/check/run.sh            (env: UNITS=100000 LISTED=10000 RUNS=3 DURATION=10s CONNECTIONS=32 SKIP_BUILD=1)
# Starts its own MariaDB and Redis (devstack), credit-service from its jar with receipts on (plus
# credit-service-bench.jar, the ceiling endpoint, which the production jar does not hold: Spring
# Boot's PropertiesLauncher adds it from loader.path), loads the data set, then measures with wrk
# on loopback:
#   (a) cached single check vs a constant-response endpoint of the same service (the ceiling)
#   (b) the same check with the cache disabled (service restarted)
#   (c) service CPU per code: single checks vs batches of 1,000
#   (d) Redis memory per cached subject (MEMORY USAGE, and used_memory / subjects)
# Results: target/bench-check/results.txt (and the raw wrk output beside it).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/select-jdk.sh
select_jdk
. scripts/receipt-keys.sh
receipt_keys
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench-check
rm -rf "$OUT" && mkdir -p "$OUT"
UNITS=${UNITS:-100000}; LISTED=${LISTED:-10000}; RUNS=${RUNS:-3}; DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}; THREADS=${THREADS:-2}; PORT=${PORT:-18081}
RESULTS="$OUT/results.txt"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -pl devstack,credit-service -am -DskipTests package
fi
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)

mkfifo "$OUT/servers.in"
"$JAVA" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt)" bench/check/BenchServers.java \
  "$OUT/servers.env" < "$OUT/servers.in" > "$OUT/servers.log" 2>&1 &
SERVERS_PID=$!
exec 3> "$OUT/servers.in"
SERVICE_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  exec 3>&- || true
  wait "$SERVERS_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 120); do [ -s "$OUT/servers.env" ] && break; sleep 1; done
. "$OUT/servers.env"
JDBC="jdbc:mysql://127.0.0.1:$MARIADB_PORT/credit?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&sslMode=DISABLED&allowPublicKeyRetrieval=true"
SECRET=$(python3 -c 'import os, base64; print(base64.b64encode(os.urandom(32)).decode())')

start_service() { # $1 = cache enabled (true/false)
  SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
  SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" SECURITY_INTERNAL_TOKEN_SECRET="$SECRET" \
  "$JAVA" -Xms1g -Xmx1g ${JFR:+-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=$OUT/cache-$1.jfr,settings=profile} \
    -Dloader.path=credit-service/target/credit-service-bench.jar -cp credit-service/target/credit-service.jar \
    org.springframework.boot.loader.launch.PropertiesLauncher --server.port="$PORT" \
    --spring.profiles.active=local,bench --credit.check.cache-enabled="$1" --credit.relay.enabled=false \
    --credit.check.measures.fetch=false --logging.level.root=WARN > "$OUT/service-cache-$1.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 180); do
    curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null 2>&1 && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "credit-service died; see $OUT/service-cache-$1.log"; exit 1; }
    sleep 1
  done
  echo "credit-service did not become ready"; exit 1
}
stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" || true; SERVICE_PID=; }

cpu_ticks() { # total user+system clock ticks of a process
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
wrk_run() { # $1 = label, $2 = path prefix, $3 = duration
  local db_pid redis_pid s0 d0 r0
  db_pid=$(pgrep -f "mariadbd.*$MARIADB_PORT" | head -1); redis_pid=$(pgrep -f "redis-server.*$REDIS_PORT" | head -1)
  s0=$(cpu_ticks "$SERVICE_PID"); d0=$(cpu_ticks "$db_pid"); r0=$(cpu_ticks "$redis_pid")
  CHECK_TOKEN=$(python3 bench/check/token.py "$SECRET" XZSPJ APPROVAL) CHECK_PATH="$2" CHECK_CODES="$OUT/codes.txt" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -s bench/check/single.lua "http://127.0.0.1:$PORT" \
    > "$OUT/wrk-$1.txt"
  # CPU-seconds per 1,000 requests of the service, MariaDB and Redis during the run (where the time goes)
  local requests
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$1.txt")
  echo "$(grep '^RESULT' "$OUT/wrk-$1.txt") $(awk -v s=$(( $(cpu_ticks "$SERVICE_PID") - s0 )) \
      -v d=$(( $(cpu_ticks "$db_pid") - d0 )) -v r=$(( $(cpu_ticks "$redis_pid") - r0 )) -v n="$requests" \
      -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "cpu_s_per_1k service=%.3f mariadb=%.3f redis=%.3f", \
      s / hz / n * 1000, d / hz / n * 1000, r / hz / n * 1000 }')" | sed "s/^RESULT/$1/" | tee -a "$RESULTS"
}

{
  echo "# licensing-check benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2); redis $(redis-cli -p "$REDIS_PORT" INFO server | grep redis_version | tr -d '\r')"
  echo "data: $UNITS units, $LISTED listed; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS runs each"
} | tee "$RESULTS"

start_service true
"$JAVA" -cp "$CONNECTOR" bench/check/LoadData.java "$JDBC" "$UNITS" "$LISTED" "$OUT" | tee -a "$RESULTS"
MEMORY_BEFORE=$(redis-cli -p "$REDIS_PORT" INFO memory | grep '^used_memory:' | cut -d: -f2 | tr -d '\r')
python3 bench/check/client.py warm "$PORT" "$SECRET" "$OUT/codes.txt" | tee -a "$RESULTS"
MEMORY_AFTER=$(redis-cli -p "$REDIS_PORT" INFO memory | grep '^used_memory:' | cut -d: -f2 | tr -d '\r')

# (d) memory per cached subject
KEYS=$(redis-cli -p "$REDIS_PORT" DBSIZE)
sample() { # $1 = file of codes, $2 = label
  local total=0 n=0
  for code in $(shuf -n 200 --random-source=<(yes) "$1"); do
    total=$((total + $(redis-cli -p "$REDIS_PORT" MEMORY USAGE "ck:{U:$code}" SAMPLES 0)))
    n=$((n + 1))
  done
  echo "memory_usage_$2 avg_bytes=$((total / n))" | tee -a "$RESULTS"
}
sample "$OUT/listed.txt" listed
tail -n +"$((LISTED + 1))" "$OUT/codes.txt" > "$OUT/clear.txt"
sample "$OUT/clear.txt" clear
echo "redis used_memory delta per cached subject: $(( (MEMORY_AFTER - MEMORY_BEFORE) / UNITS )) bytes ($KEYS keys)" | tee -a "$RESULTS"

# warm-up of both paths (JIT), not counted
wrk_run warmup-ceiling /api/v1/checks-ceiling/ 15s > /dev/null
wrk_run warmup-cached /api/v1/checks/ 15s > /dev/null
for run in $(seq "$RUNS"); do
  wrk_run "ceiling-$run" /api/v1/checks-ceiling/ "$DURATION"
  wrk_run "cached-$run" /api/v1/checks/ "$DURATION"
done
# (c) CPU per code
for run in $(seq "$RUNS"); do
  python3 bench/check/client.py cpu "$PORT" "$SECRET" "$OUT/codes.txt" "$SERVICE_PID" 1000 5 | sed "s/^RESULT/cpu-$run/" | tee -a "$RESULTS"
done
stop_service

# (b) the same single check with the cache disabled
start_service false
# the database path needs longer for the JIT: it runs alone in a fresh JVM
wrk_run warmup-uncached /api/v1/checks/ 60s > /dev/null
for run in $(seq "$RUNS"); do
  wrk_run "uncached-$run" /api/v1/checks/ "$DURATION"
done
stop_service
python3 bench/check/summarise.py "$RESULTS" | tee -a "$RESULTS"
