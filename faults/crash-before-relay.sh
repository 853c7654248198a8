#!/usr/bin/env bash
# Issue 7, scenario 4: the crash between a listing's commit and its relay, on the whole local
# system (not in CI; about two minutes). credit-service starts with its outbox relay off, LISTINGS
# listings are decided through the gateway (their events wait in the outbox), credit-service is
# killed with SIGKILL and started again with the relay on; every event must reach sanction-service
# and every department.   faults/crash-before-relay.sh   (env: LISTINGS=50 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
select_jdk
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -DskipTests package
fi
mkdir -p target/faults
export CREDIT_RELAY_ENABLED=false
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
"$JAVA_HOME/bin/java" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt):$CONNECTOR" faults/NoticeChaos.java \
  "$PWD" target/faults/crash-before-relay.txt crash-before-relay
