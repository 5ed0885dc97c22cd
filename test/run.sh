#!/usr/bin/env bash
# csmetrics tests: installs what is missing, builds with -Wall -Wextra
# -Werror, installs, and runs every pg_regress suite against a throwaway
# PostgreSQL 15 cluster.
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
pg_virtualenv -t -v 15 make -s installcheck PG_CONFIG="$PG_CONFIG" 2>&1 | tee "$log" || status=$?

# One closing line in the form CI reads: "N passed, N failed".
passed=$(grep -cE '\.\.\. +ok ' "$log" || true)
failed=$(grep -cE '\.\.\. +FAILED' "$log" || true)
if [ "$status" -ne 0 ] && [ -f regression.diffs ]; then
    cat regression.diffs
fi
rm -f "$log"
echo "regress: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
