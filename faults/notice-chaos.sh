#!/usr/bin/env bash
# Issue 7, scenario 1: notices under chaos on the whole local system (not in CI; several minutes).
#   faults/notice-chaos.sh        (env: LISTINGS=2000 DOWN_DEPARTMENT=FGW SKIP_BUILD=1)
# See faults/NoticeChaos.java. For the run, the gateway's per-department limit is raised (the
# driver is one department entering thousands of decisions) and the delivery schedule between
# failed rounds is compressed from hours to seconds, so that the verdict comes within minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
select_jdk
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -DskipTests package
fi
mkdir -p target/faults
export GATEWAY_RATELIMIT_DEPARTMENT_REPLENISHRATE=2000 GATEWAY_RATELIMIT_DEPARTMENT_BURSTCAPACITY=4000
export SANCTION_DELIVERY_SCHEDULE=5s,10s,20s,30s,60s,60s,60s,60s
CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
"$JAVA_HOME/bin/java" -cp "devstack/target/classes:$(cat devstack/target/classpath.txt):$CONNECTOR" faults/NoticeChaos.java \
  "$PWD" target/faults/notice-chaos.txt
