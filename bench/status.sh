#!/usr/bin/env bash
# csmetrics status-history benchmark: a status history of N tickets (about
# six changes each) in a throwaway PostgreSQL 15 cluster; status_agg grouped
# by ticket with three time_in accessors against count(*) GROUP BY ticket_id
# and against the hand-written lead() query on the same rows, in the same
# run, then the business-hours variant against the calendar-time one.
#
#   bash bench/status.sh [N]     (default N = 1,000,000; RUNS=5 timed runs each)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

TICKETS=${1:-1000000}
RUNS=${RUNS:-5}
echo "==> Status benchmark: $TICKETS tickets, median of $RUNS runs, in a temporary cluster"
pg_virtualenv -t -v 15 -o shared_buffers=2GB -o work_mem=1GB -o jit=off \
    bash -c "psql -X -q -v ON_ERROR_STOP=1 -v tickets=$TICKETS -v runs=$RUNS -f bench/status.sql"
