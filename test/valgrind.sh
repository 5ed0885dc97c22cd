#!/usr/bin/env bash
# Run the pg_regress suites against a server running under Valgrind
# memcheck, with csmetrics built without optimisation, and report the
# errors whose stack passes through csmetrics code.  The server is the
# PostgreSQL 18 assertion build of scripts/pg18.sh where there is one: it is
# built with USE_VALGRIND, so memcheck also sees reads and writes past the
# end of a palloc chunk, and PostgreSQL's own suppressions
# (src/tools/valgrind.supp from CSMETRICS_PG18_TARBALL) apply.  Without it,
# Debian's 15, which Valgrind sees only at malloc granularity.  Reports
# without a csmetrics frame are counted apart and not treated as findings.
#
#   bash test/valgrind.sh [SUITE...]   (as root, Debian 12; all suites by
#                                       default, which takes a long while)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
if ! command -v valgrind >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi
WORK=$(mktemp -d)
chown postgres "$WORK"
PG18_CONFIG=$(bash scripts/pg18.sh)
suppressions=()
if [ -n "$PG18_CONFIG" ]; then
    export PG_CONFIG=$PG18_CONFIG
    if [ -n "${CSMETRICS_PG18_TARBALL:-}" ]; then
        tar -xjf "$CSMETRICS_PG18_TARBALL" -C "$WORK" --strip-components=3 --wildcards '*/src/tools/valgrind.supp'
        suppressions=(--suppressions="$WORK/valgrind.supp")
    fi
fi
WARNING_FLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers -O0 -g" \
    source scripts/prepare.sh
echo "==> Valgrind memcheck on $("$PG_CONFIG" --version)${suppressions:+ with its suppressions}"

BIN=$(dirname "$PG_CONFIG")
LOGS="$WORK/valgrind"
mkdir "$LOGS" && chown postgres "$LOGS"
PORT=54329
run_as_postgres() { runuser -u postgres -- "$@"; }

run_as_postgres "$BIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
run_as_postgres valgrind --quiet "${suppressions[@]}" --trace-children=yes --track-origins=yes --read-var-info=yes \
    --leak-check=no --num-callers=40 --log-file="$LOGS/%p.log" \
    "$BIN/postgres" -D "$WORK/data" -p "$PORT" -k "$WORK" -c max_parallel_workers_per_gather=2 \
    > "$WORK/server.log" 2>&1 &
for _ in $(seq 1 120); do
    "$BIN/pg_isready" -q -h "$WORK" -p "$PORT" && break
    sleep 1
done

status=0
PGHOST="$WORK" PGPORT="$PORT" PGUSER=postgres make -s installcheck PG_CONFIG="$PG_CONFIG" ${1:+REGRESS="$*"} || status=$?
run_as_postgres "$BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null || true

# A report is ours when a frame of its stack is in one of our source files.
ours_re="\\(($(cd src && ls *.c | sed 's/\.c$//' | paste -sd '|'))\\.c:"
ours=$(cat "$LOGS"/*.log 2>/dev/null | grep -cE "$ours_re" || true)
all=$(cat "$LOGS"/*.log 2>/dev/null | grep -cE '^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination overlap)' || true)
# What the assertion build's log must never hold, as in test/run.sh.
server_bad=$(grep -cE -f test/log_failures.regex "$WORK/server.log" || true)
echo "valgrind: regression status $status; $all memcheck reports in all; $ours stack frames in csmetrics code; $server_bad assertion, crash or memory-context lines in the server log"
if [ "$ours" -gt 0 ]; then
    grep -h -B30 -E "$ours_re" "$LOGS"/*.log | head -200
fi
grep -E -f test/log_failures.regex "$WORK/server.log" | head -20 || true
echo "valgrind: logs in $LOGS"
[ "$status" -eq 0 ] && [ "$ours" -eq 0 ] && [ "$server_bad" -eq 0 ]
