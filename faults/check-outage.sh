#!/usr/bin/env bash
# Issue 7, scenarios 2 and 3: Redis dies, then MySQL dies, under licensing-check load (not in CI).
#   faults/check-outage.sh        (env: UNITS=20000 LISTED=2000 CONNECTIONS=32 SKIP_BUILD=1 OUTAGE=30)
# Starts its own MariaDB and Redis, credit-service from its jar, loads the data set, and drives
# single checks with wrk (faults/check.lua judges every answer against the expected status).
#   Redis:  wrk 100 s; at 20 s Redis is shut down; OUTAGE s later it starts again, empty.
#   MySQL:  half the subjects cached; wrk 90 s; at 20 s mariadbd is killed (-9); OUTAGE s later it
#           starts again on the same data.
# Then every answered check must have its audit row. Figures: target/faults/check-outage.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
select_jdk
. scripts/receipt-keys.sh
receipt_keys
JAVA="$JAVA_HOME/bin/java"
OUT=target/faults
rm -rf "$OUT" && mkdir -p "$OUT"
UNITS=${UNITS:-20000}; LISTED=${LISTED:-2000}; CONNECTIONS=${CONNECTIONS:-32}; OUTAGE=${OUTAGE:-30}; PORT=${PORT:-18091}
RESULTS="$OUT/check-outage.txt"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -pl devstack,credit-service -am -DskipTests package
fi
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)

mkfifo "$OUT/servers.in"
"$JAVA" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt)" bench/check/BenchServers.java \
  "$OUT/servers.env" < "$OUT/servers.in" > "$OUT/servers.log" 2>&1 &
SERVERS_PID=$!
exec 3> "$OUT/servers.in"
SERVICE_PID=; TOKENS_PID=; RESTARTED_DB_PID=; RESTARTED_REDIS_PID=
cleanup() {
  [ -n "$TOKENS_PID" ] && kill "$TOKENS_PID" 2>/dev/null || true
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  # processes this script restarted are not the embedded servers' any more: stop them here
  [ -n "$RESTARTED_DB_PID" ] && kill "$RESTARTED_DB_PID" 2>/dev/null || true
  [ -n "$RESTARTED_REDIS_PID" ] && kill "$RESTARTED_REDIS_PID" 2>/dev/null || true
  exec 3>&- || true
  wait "$SERVERS_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 120); do [ -s "$OUT/servers.env" ] && break; sleep 1; done
. "$OUT/servers.env"
JDBC="jdbc:mysql://127.0.0.1:$MARIADB_PORT/credit?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&sslMode=DISABLED&allowPublicKeyRetrieval=true"
SECRET=$(python3 -c 'import os, base64; print(base64.b64encode(os.urandom(32)).decode())')
DB_PID=$(pgrep -f "mariadbd.*$MARIADB_PORT" | head -1)
DB_CMD=$(tr '\0' '\n' < "/proc/$DB_PID/cmdline")
REDIS_PID=$(pgrep -f "redis-server.*$REDIS_PORT" | head -1)
REDIS_BIN=$(readlink -f "/proc/$REDIS_PID/exe")
BASEDIR=$(echo "$DB_CMD" | sed -n 's/^--basedir=//p')
sql() { "$BASEDIR/bin/mariadb" --protocol=TCP -h127.0.0.1 -P"$MARIADB_PORT" -uroot -N -e "$1" credit; }

SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" SECURITY_INTERNAL_TOKEN_SECRET="$SECRET" \
"$JAVA" -Xms512m -Xmx1g -jar credit-service/target/credit-service.jar --server.port="$PORT" \
  --spring.profiles.active=local --credit.relay.enabled=false --credit.check.measures.fetch=false \
  --spring.datasource.hikari.connection-timeout=2000 --logging.level.root=WARN > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 180); do
  curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "credit-service died; see $OUT/service.log"; exit 1; }
  sleep 1
done
"$JAVA" -cp "$CONNECTOR" bench/check/LoadData.java "$JDBC" "$UNITS" "$LISTED" "$OUT" > /dev/null
{ head -n "$LISTED" "$OUT/codes.txt" | sed 's/$/ LISTED/'; tail -n +"$((LISTED + 1))" "$OUT/codes.txt" | sed 's/$/ CLEAR/'; } > "$OUT/expected.txt"
( while true; do python3 bench/check/token.py "$SECRET" XZSPJ APPROVAL > "$OUT/token.tmp" && mv "$OUT/token.tmp" "$OUT/token"; sleep 20; done ) &
TOKENS_PID=$!
sleep 1

{
  echo "# check outage faults $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $UNITS units ($LISTED LISTED); wrk -t2 -c$CONNECTIONS; outage ${OUTAGE}s"
} | tee "$RESULTS"

audited() { sql "SELECT COUNT(*) FROM check_audit WHERE department_code = 'XZSPJ'"; }
answered() { sed -n 's/.*answered=\([0-9]*\).*/\1/p' "$OUT/wrk-$1.txt"; }
load() { # $1 = label, $2 = seconds
  CHECK_TOKEN_FILE="$OUT/token" CHECK_EXPECTED="$OUT/expected.txt" CHECK_TIMELINE="$OUT/timeline-$1.txt" \
    wrk -t2 -c"$CONNECTIONS" -d"$2"s --timeout 10s -s faults/check.lua "http://127.0.0.1:$PORT" > "$OUT/wrk-$1.txt" 2>&1
}

# --- Redis dies ---------------------------------------------------------------------------------
python3 bench/check/client.py warm "$PORT" "$SECRET" "$OUT/codes.txt" > /dev/null
sleep 2; AUDIT_BEFORE_REDIS=$(audited)
load redis 100 &
LOAD=$!
sleep 20; T_DOWN=$(date +%s)
redis-cli -p "$REDIS_PORT" shutdown nosave > /dev/null 2>&1 || true
sleep "$OUTAGE"; T_UP=$(date +%s)
"$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > "$OUT/redis-restarted.log" 2>&1 &
RESTARTED_REDIS_PID=$!
wait "$LOAD"
sleep 2; AUDIT_AFTER_REDIS=$(audited)
python3 faults/summarise.py redis "$OUT/timeline-redis.txt" "$T_DOWN" "$T_UP" "$OUT/wrk-redis.txt" | tee -a "$RESULTS"

# --- MySQL dies ---------------------------------------------------------------------------------
# Half the subjects uncached, so that misses meet the dead database: flush, and put the epoch key
# back at once so that the service's re-warm (which would cache everyone again) stays out of it.
redis-cli -p "$REDIS_PORT" flushall > /dev/null
redis-cli -p "$REDIS_PORT" set ck:epoch faults > /dev/null
sleep 2
shuf -n "$((UNITS / 2))" --random-source=<(yes) "$OUT/codes.txt" > "$OUT/half.txt"
python3 bench/check/client.py warm "$PORT" "$SECRET" "$OUT/half.txt" > /dev/null
sleep 2; AUDIT_BEFORE_MYSQL=$(audited)
load mysql 90 &
LOAD=$!
sleep 20; T_DOWN=$(date +%s)
kill -9 "$(pgrep -f "mariadbd.*$MARIADB_PORT" | head -1)"
sleep "$OUTAGE"; T_UP=$(date +%s)
# shellcheck disable=SC2086
setsid $DB_CMD > "$OUT/mariadb-restarted.log" 2>&1 &
RESTARTED_DB_PID=$!
wait "$LOAD"
python3 faults/summarise.py mysql "$OUT/timeline-mysql.txt" "$T_DOWN" "$T_UP" "$OUT/wrk-mysql.txt" | tee -a "$RESULTS"

# --- nothing lost: one audit row per answered check ---------------------------------------------
for _ in $(seq 30); do [ "$(audited 2>/dev/null || echo 0)" -ge "$((AUDIT_BEFORE_MYSQL + $(answered mysql)))" ] && break; sleep 1; done
AUDIT_AFTER_MYSQL=$(audited)
echo "audit, Redis run: $((AUDIT_AFTER_REDIS - AUDIT_BEFORE_REDIS)) rows for $(answered redis) answers" | tee -a "$RESULTS"
echo "audit, MySQL run: $((AUDIT_AFTER_MYSQL - AUDIT_BEFORE_MYSQL)) rows for $(answered mysql) answers (rows of the outage written after it)" | tee -a "$RESULTS"
