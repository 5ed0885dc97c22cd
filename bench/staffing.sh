#!/usr/bin/env bash
# csmetrics staffing micro-benchmark: calls per second of the Erlang C
# functions (src/staffing.c), from a queue of 10 erlangs to one of 100
# million, in a throwaway PostgreSQL 15 cluster. Each figure is the median of
# RUNS timed runs of N calls with arguments that change per row (so the
# planner cannot fold them), net of the same scan without the call.
#
#   bash bench/staffing.sh [N]        (default N = 100,000 calls; RUNS=5)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

CALLS=${1:-100000}
RUNS=${RUNS:-5}
echo "==> Staffing benchmark: $CALLS calls per case, median of $RUNS runs, in a temporary cluster"
pg_virtualenv -t -v 15 -o jit=off \
    bash -c "psql -X -q -v ON_ERROR_STOP=1 -v calls=$CALLS -v runs=$RUNS -f bench/staffing.sql"
