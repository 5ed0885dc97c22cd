#!/usr/bin/env bash
# Fuzz every csmetrics input and receive function through a real server.
#
#   bash test/fuzz/run.sh [INPUTS_PER_TYPE] [SEED]
#
# Inside a cluster (PGHOST etc. set, as test/run.sh does) it uses that
# cluster; otherwise it builds, installs and starts a throwaway one.  Each
# input is tried as text and as binary.  The README's test command runs a
# short form; the long run is `bash test/fuzz/run.sh 100000`.  First, the
# same text inputs go to the parsers built with AddressSanitizer and UBSan
# against plain malloc (sanitize.sh), where an overrun that PostgreSQL's
# allocator would hide is a failure.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
INPUTS=${1:-2000}
SEED=${2:-20261123}

if [ -z "${PGHOST:-}${PGPORT:-}" ]; then
    cd "$HERE/../.."
    source scripts/prepare.sh
    exec pg_virtualenv -t -v 15 bash "$HERE/run.sh" "$INPUTS" "$SEED"
fi

status=0
bash "$HERE/sanitize.sh" "$INPUTS" "$SEED" || status=$?

BIN=$(mktemp -d)/fuzz
gcc -O2 -Wall -Wextra -Werror -I"$(pg_config --includedir)" -o "$BIN" "$HERE/fuzz.c" "$HERE/mutate.c" \
    -L"$(pg_config --libdir)" -lpq
psql -X -q -c "CREATE DATABASE csmetrics_fuzz" >/dev/null
PGDATABASE=csmetrics_fuzz psql -X -q -c "CREATE EXTENSION csmetrics" >/dev/null
PGDATABASE=csmetrics_fuzz "$BIN" "$INPUTS" "$SEED" || status=$?
psql -X -q -c "DROP DATABASE csmetrics_fuzz" >/dev/null
rm -f "$BIN"
exit "$status"
