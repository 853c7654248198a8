#!/usr/bin/env bash
# The notice-delivery benchmark (issue 5; not in CI): one command, about two minutes.
#   bench/delivery/run.sh
# 20 departments on a local stub server, 200 listing events one after another, time until all 20
# notices of an event are delivered; then the same with a 21st department black-holed. The test
# class is sanction-service's DeliveryBenchmark (excluded from the normal test run); its table is
# written to sanction-service/target/bench/delivery.md and copied to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/select-jdk.sh
select_jdk
./mvnw -q -B -pl devstack,platform -am -DskipTests install
./mvnw -B -pl sanction-service verify -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true > target/bench-delivery.log 2>&1 || { tail -50 target/bench-delivery.log; exit 1; }
mkdir -p bench/results
cp sanction-service/target/bench/delivery.md "bench/results/delivery-$(date -u +%Y%m%dT%H%M%SZ).md"
cat sanction-service/target/bench/delivery.md
