#!/usr/bin/env bash
# csmetrics tests: installs what is missing, builds with -Wall -Wextra
# -Werror, installs, and runs every pg_regress suite against a throwaway
# PostgreSQL 15 cluster, then in the same cluster the node-pg client test
# (test/client), the postgres_fdw scale-out test (test/fdw), the short fuzz
# run (test/fuzz) and the dump/restore and upgrade checks (test/dump).
#
#   bash test/run.sh        (from anywhere, as root, on Debian 12)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

echo "==> Running pg_regress suites in a temporary cluster"
rm -rf results regression.diffs regression.out
status=0
log=$(mktemp)
# Every part runs even when an earlier one fails; any failure fails the run.
pg_virtualenv -t -v 15 bash -c '
    status=0
    make -s installcheck PG_CONFIG="$PG_CONFIG" || status=1
    bash test/client/run.sh || status=1
    bash test/fdw/run.sh || status=1
    bash test/fuzz/run.sh 2000 || status=1
    bash test/dump/run.sh || status=1
    exit $status
' 2>&1 | tee "$log" || status=$?

# One closing line in the form CI reads: "N passed, N failed", counting
# pg_regress suites, node's test runner ("# pass N", "# fail N"), the fdw
# and dump checks ("fdw: N passed, N failed") and the fuzz run as one test.
passed=$(grep -cE '\.\.\. +ok ' "$log" || true)
failed=$(grep -cE '\.\.\. +FAILED' "$log" || true)
passed=$((passed + $(awk '/^# pass [0-9]+$/ { n += $3 } /^(fdw|dump): [0-9]+ passed, [0-9]+ failed$/ { n += $2 }
                         /^fuzz: [0-9]+ passed, [0-9]+ failed$/ { n += ($4 == 0) } END { print n + 0 }' "$log")))
failed=$((failed + $(awk '/^# fail [0-9]+$/ { n += $3 } /^(fdw|dump): [0-9]+ passed, [0-9]+ failed$/ { n += $4 }
                         /^fuzz: [0-9]+ passed, [0-9]+ failed$/ { n += ($4 > 0) } END { print n + 0 }' "$log")))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1    # a step failed before it could count its tests
fi
if [ "$status" -ne 0 ] && [ -f regression.diffs ]; then
    cat regression.diffs
fi
rm -f "$log"
echo "regress: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
