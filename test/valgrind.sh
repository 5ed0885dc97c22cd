#!/usr/bin/env bash
# Run every pg_regress suite against a server running under Valgrind
# memcheck, with csmetrics built without optimisation, and report the
# errors whose stack passes through csmetrics code.  PostgreSQL itself is
# not built for Valgrind here, so its own (suppressed upstream) reports are
# counted apart and not treated as findings.
#
#   bash test/valgrind.sh        (as root, Debian 12; takes several minutes)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
if ! command -v valgrind >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi
WARNING_FLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers -O0 -g" \
    source scripts/prepare.sh

BIN=$(dirname "$PG_CONFIG")
WORK=$(mktemp -d)
chown postgres "$WORK"
LOGS="$WORK/valgrind"
mkdir "$LOGS" && chown postgres "$LOGS"
PORT=54329
run_as_postgres() { runuser -u postgres -- "$@"; }

run_as_postgres "$BIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
run_as_postgres valgrind --quiet --trace-children=yes --track-origins=yes --read-var-info=yes \
    --leak-check=no --num-callers=40 --log-file="$LOGS/%p.log" \
    "$BIN/postgres" -D "$WORK/data" -p "$PORT" -k "$WORK" -c max_parallel_workers_per_gather=2 \
    > "$WORK/server.log" 2>&1 &
for _ in $(seq 1 120); do
    "$BIN/pg_isready" -q -h "$WORK" -p "$PORT" && break
    sleep 1
done

status=0
PGHOST="$WORK" PGPORT="$PORT" PGUSER=postgres make -s installcheck PG_CONFIG="$PG_CONFIG" || status=$?
run_as_postgres "$BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null || true

# A report is ours when a frame of its stack is in one of our source files.
ours=$(cat "$LOGS"/*.log 2>/dev/null | grep -cE '\((summary_io|stats|nps|ratings|csat|ces|rate|duration_input|aht|duration_buckets|duration|retention|calendar|business_time|csmetrics)\.c:' || true)
all=$(cat "$LOGS"/*.log 2>/dev/null | grep -cE '^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination overlap)' || true)
echo "valgrind: regression status $status; $all memcheck reports in all; $ours stack frames in csmetrics code"
if [ "$ours" -gt 0 ]; then
    grep -h -B30 -E '\((summary_io|stats|nps|ratings|csat|ces|rate|duration_input|aht|duration_buckets|duration|retention|calendar|business_time|csmetrics)\.c:' "$LOGS"/*.log | head -200
fi
echo "valgrind: logs in $LOGS"
[ "$status" -eq 0 ] && [ "$ours" -eq 0 ]
