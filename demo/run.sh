#!/usr/bin/env bash
# csmetrics demo: build and install the extension, load 100,000 synthetic
# support tickets into a throwaway PostgreSQL 15 cluster and print a report.
#
#   bash demo/run.sh        (from the repo root, as root, on Debian 12)
#
# Nothing persists except the installed extension files: pg_virtualenv
# creates a temporary cluster and drops it when the demo finishes.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

echo "==> Generating 100,000 tickets in a temporary PostgreSQL 15 cluster"
# pg_virtualenv exports PGHOST/PGPORT/PGUSER/PGDATABASE for the command it runs.
# -t keeps the cluster in a temp directory even as root, so it can't clash
# with (or be left behind as) a system cluster named "regress".
pg_virtualenv -t -v 15 bash -c '
    set -euo pipefail
    psql -X -v ON_ERROR_STOP=1 -q -f demo/generate.sql
    psql -X -v ON_ERROR_STOP=1 -f demo/report.sql
'
