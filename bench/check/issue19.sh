#!/usr/bin/env bash
# Issue 19's benchmark (not in CI): one command printing the issue's table, all in one run on one machine.
#   bench/check/issue19.sh    (env: RUNS=3 DURATION=10s WARMUP=45s BATCH_RUNS=3 SKIP_BUILD=1, and bench/gateway/run.sh's)
# It is bench/gateway/run.sh (the whole system as ./local-run starts it, 2,000 cached codes, the same
# wrk Lua script and client settings for every target) with:
#   - the bare ceiling: bench/check/BareCeiling.java, a minimal Spring Boot MVC app (virtual threads,
#     no security) compiled with javac into target/, answering a constant JSON of the cached check's size;
#   - RUNS interleaved rounds of: the bare ceiling at 32 clients, the cached check direct to
#     credit-service (internal token) at 32, the same through the gateway (API key) at 32 and 64;
#   - BATCH_RUNS times: CPU-seconds per code of 1,000 single checks against batches of 1,000 through
#     the gateway, over the gateway, credit-service and sanction-service processes.
# Results and the table: target/bench-issue19/results.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OUT=${OUT:-target/bench-issue19}
export PLAN=${PLAN:-ceiling:32 direct:32 gateway:32 gateway:64}
export BATCH_RUNS=${BATCH_RUNS:-3}
exec bench/gateway/run.sh
