#!/usr/bin/env bash
# Issue 15: the licensing check on Redis in high availability, under load (not in CI).
#   faults/redis-ha.sh   (env: TOPOLOGY=sentinel RUNS=3 UNITS=20000 LISTED=2000 CONNECTIONS=32 DURATION=60 KILL_AT=20 SKIP_BUILD=1)
# TOPOLOGY:
#   sentinel          primary + replica + 3 sentinels (quorum 2, down after 1 s); at KILL_AT s of each
#                     run the primary is killed (-9); the sentinels promote the replica. Before the
#                     next run the killed server comes back as the new primary's replica, so every
#                     run kills the primary of the moment.
#   cluster-replicas  3 masters with a replica each (node timeout 1 s); at KILL_AT s a master is
#                     killed (-9) and comes back (as its successor's replica) before the next run.
#   cluster           3 masters, nothing killed: the check on a cluster.
#   standalone        one server, nothing killed: the same load for comparison.
# credit-service runs from its jar, configured only with SPRING_DATA_REDIS_SENTINEL_* or
# SPRING_DATA_REDIS_CLUSTER_NODES; wrk drives single checks of listed and clear codes and
# faults/check.lua judges every answer against the truth. Figures: target/faults/redis-ha-$TOPOLOGY.txt
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
select_jdk
. scripts/receipt-keys.sh
receipt_keys
JAVA="$JAVA_HOME/bin/java"
TOPOLOGY=${TOPOLOGY:-sentinel}
OUT=target/faults/redis-ha-$TOPOLOGY
rm -rf "$OUT" && mkdir -p "$OUT"
UNITS=${UNITS:-20000}; LISTED=${LISTED:-2000}; CONNECTIONS=${CONNECTIONS:-32}; PORT=${PORT:-18093}
RUNS=${RUNS:-3}; DURATION=${DURATION:-60}; KILL_AT=${KILL_AT:-20}
RESULTS="target/faults/redis-ha-$TOPOLOGY.txt"
case "$TOPOLOGY" in sentinel|cluster-replicas) KILLS=1 ;; cluster|standalone) KILLS=0 ;;
  *) echo "TOPOLOGY must be sentinel, cluster-replicas, cluster or standalone"; exit 2 ;; esac

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -pl devstack,credit-service -am -DskipTests package
fi
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)

mkfifo "$OUT/servers.in"
"$JAVA" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt)" faults/RedisHaServers.java \
  "$OUT/servers.env" "$TOPOLOGY" < "$OUT/servers.in" > "$OUT/servers.log" 2>&1 &
SERVERS_PID=$!
exec 3> "$OUT/servers.in"
SERVICE_PID=; TOKENS_PID=; RESTARTED=()
cleanup() {
  [ -n "$TOKENS_PID" ] && kill "$TOKENS_PID" 2>/dev/null || true
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  # servers this script restarted are not the launcher's any more: stop them here
  for pid in "${RESTARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  exec 3>&- || true
  wait "$SERVERS_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 120); do [ -s "$OUT/servers.env" ] && break; sleep 1; done
[ -s "$OUT/servers.env" ] || { echo "servers did not start; see $OUT/servers.log"; exit 1; }
. "$OUT/servers.env"
JDBC="jdbc:mysql://127.0.0.1:$MARIADB_PORT/credit?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&sslMode=DISABLED&allowPublicKeyRetrieval=true"
SECRET=$(python3 -c 'import os, base64; print(base64.b64encode(os.urandom(32)).decode())')

info() { redis-cli -p "$1" info "$2" 2>/dev/null | tr -d '\r'; }
field() { info "$1" "$2" | sed -n "s/^$3:\(.*\)/\1/p"; }
case "$TOPOLOGY" in
  sentinel)
    REDIS_ENV=(SPRING_DATA_REDIS_SENTINEL_MASTER="$SENTINEL_MASTER" SPRING_DATA_REDIS_SENTINEL_NODES="$SENTINEL_NODES")
    ANY_PORT=$PRIMARY_PORT
    DESCRIBED="primary + replica + 3 sentinels (quorum 2, down-after-milliseconds 1000, failover-timeout 5000)" ;;
  cluster|cluster-replicas)
    # adaptive: Lettuce re-reads the topology on MOVED redirects and failed reconnects, but at most once per 30 s
    # (its adaptiveRefreshTriggersTimeout), and the first one comes before the replica is promoted: the
    # period bounds how long a dead master's slots stay routed to it (5 s: a CLUSTER NODES per node and period)
    REDIS_ENV=(SPRING_DATA_REDIS_CLUSTER_NODES="$CLUSTER_NODES" SPRING_DATA_REDIS_LETTUCE_CLUSTER_REFRESH_ADAPTIVE=true
               SPRING_DATA_REDIS_LETTUCE_CLUSTER_REFRESH_PERIOD=5s)
    ANY_PORT=${MASTER_PORTS%% *}
    DESCRIBED="3 masters$(if [ "$TOPOLOGY" = cluster-replicas ]; then echo ' with a replica each'; fi) (cluster-node-timeout 1000); Lettuce topology refresh adaptive + every 5 s" ;;
  standalone)
    REDIS_ENV=(SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT")
    ANY_PORT=$REDIS_PORT
    DESCRIBED="one server" ;;
esac
REDIS_BIN=$(readlink -f "/proc/$(field "$ANY_PORT" server process_id)/exe")

env SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
  "${REDIS_ENV[@]}" SECURITY_INTERNAL_TOKEN_SECRET="$SECRET" \
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
python3 bench/check/client.py warm "$PORT" "$SECRET" "$OUT/codes.txt" > /dev/null

{
  echo "# Redis in high availability: $TOPOLOGY $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $UNITS units ($LISTED LISTED); wrk -t2 -c$CONNECTIONS -d${DURATION}s; Redis: $DESCRIBED"
} | tee "$RESULTS"

# The server to kill: the primary the sentinels name now, or the first master of the cluster that is up.
victim() {
  if [ "$TOPOLOGY" = sentinel ]; then
    redis-cli -p "$SENTINEL_PORT" sentinel get-master-addr-by-name "$SENTINEL_MASTER" | sed -n 2p
  else
    for p in $MASTER_PORTS; do
      local found
      found=$(redis-cli -p "$p" cluster nodes 2>/dev/null | awk '$3 ~ /master/ && $3 !~ /fail/ && $8 == "connected" && NF > 8 {split($2, a, "[:@]"); print a[2]}' | sort -n | head -1)
      [ -n "$found" ] && { echo "$found"; return; }
    done
  fi
}
# Back as a replica of whoever took over, and the topology whole again (sentinels see it, or no node flagged fail).
revive() { # $1 = port, $2 = config file
  if [ "$TOPOLOGY" = sentinel ]; then
    local primary; primary=$(victim)
    "$REDIS_BIN" "$2" --port "$1" --replicaof 127.0.0.1 "$primary" > "$OUT/revived-$1.log" 2>&1 &
    RESTARTED+=($!); disown "$!" # the next run may kill it: no "Killed" from bash then
    for _ in $(seq 60); do
      [ "$(field "$1" replication master_link_status)" = up ] \
        && redis-cli -p "$SENTINEL_PORT" info sentinel | grep -q "slaves=1,sentinels=3" && return
      sleep 1
    done
  else
    "$REDIS_BIN" "$2" --port "$1" > "$OUT/revived-$1.log" 2>&1 &
    RESTARTED+=($!); disown "$!"
    for _ in $(seq 60); do
      [ "$(field "$1" replication master_link_status)" = up ] \
        && ! redis-cli -p "$1" cluster nodes | grep -q fail && return
      sleep 1
    done
  fi
  echo "the killed server did not rejoin within 60 s" | tee -a "$RESULTS"; exit 1
}

for run in $(seq "$RUNS"); do
  CHECK_TOKEN_FILE="$OUT/token" CHECK_EXPECTED="$OUT/expected.txt" CHECK_TIMELINE="$OUT/timeline-$run.txt" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION"s --timeout 10s --latency -s faults/check.lua "http://127.0.0.1:$PORT" > "$OUT/wrk-$run.txt" 2>&1 &
  LOAD=$!
  if [ "$KILLS" = 1 ]; then
    sleep "$KILL_AT"
    VICTIM=$(victim); CONFIG=$(field "$VICTIM" server config_file)
    T_KILL=$(date +%s)
    kill -9 "$(field "$VICTIM" server process_id)"
    echo "run $run: killed the server on port $VICTIM at $T_KILL" >> "$OUT/kills.txt"
    wait "$LOAD"
    python3 faults/summarise.py "failover-$run" "$OUT/timeline-$run.txt" "$T_KILL" "$T_KILL" "$OUT/wrk-$run.txt" | tee -a "$RESULTS"
    [ "$run" -lt "$RUNS" ] && revive "$VICTIM" "$CONFIG"
  else
    wait "$LOAD"
    python3 faults/summarise.py "steady-$run" "$OUT/timeline-$run.txt" 0 0 "$OUT/wrk-$run.txt" | tee -a "$RESULTS"
  fi
  grep -E "Requests/sec|50%|99%" "$OUT/wrk-$run.txt" | xargs echo "run $run:" | tee -a "$RESULTS"
done
