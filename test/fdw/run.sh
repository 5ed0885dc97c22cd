#!/usr/bin/env bash
# Scale-out test: csmetrics on two postgres_fdw shards. In the cluster whose
# PGHOST/PGPORT/PGUSER/PGPASSWORD it inherits it (re)creates the databases
# csm_shard_1, csm_shard_2 and csm_coordinator, loads the same tickets into
# the shards (through the coordinator) and into one local table, and checks
# that the aggregates are pushed to the shards and that rollup() of the shard
# summaries equals the single-database answer. Ends with
# "fdw: N passed, N failed" and a non-zero status on any failure.
#
#   pg_virtualenv -t -v 15 bash test/fdw/run.sh
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

(
    set -e
    for db in csm_coordinator csm_shard_1 csm_shard_2; do
        psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" \
            -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    done
    psql -X -q -v ON_ERROR_STOP=1 -d csm_shard_1 -v chan1=email -v chan2=chat -f shard.sql
    psql -X -q -v ON_ERROR_STOP=1 -d csm_shard_2 -v chan1=phone -v chan2=social -f shard.sql
    psql -X -v ON_ERROR_STOP=1 -d csm_coordinator \
        -v host="${PGHOST:-/var/run/postgresql}" -v port="${PGPORT:-5432}" \
        -v user="${PGUSER:-$(id -un)}" -v password="${PGPASSWORD:-}" \
        -f coordinator.sql
) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -c '^PASS ' "$log" || true)
failed=$(grep -c '^FAIL ' "$log" || true)
if [ "$status" -ne 0 ]; then
    echo "FAIL setup or query error (exit status $status)"
    failed=$((failed + 1))
fi
echo "fdw: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
