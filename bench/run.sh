#!/usr/bin/env bash
# csmetrics benchmark: builds a table of N generated tickets in a throwaway
# PostgreSQL 15 cluster and prints median times of each csmetrics aggregate
# beside count(col) on the same column (the scan floor) and the plain SQL
# formula, serial and with 2 parallel workers, plus memory and rollup figures.
#
#   bash bench/run.sh [N]        (default N = 10,000,000; RUNS=5 timed runs each)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

ROWS=${1:-10000000}
RUNS=${RUNS:-5}
echo "==> Benchmark: $ROWS tickets, median of $RUNS runs, in a temporary cluster"
pg_virtualenv -t -v 15 -o shared_buffers=4GB -o work_mem=256MB -o max_parallel_workers_per_gather=2 \
    -o jit=off bash -c "psql -X -q -v ON_ERROR_STOP=1 -v rows=$ROWS -v runs=$RUNS -f bench/bench.sql"
