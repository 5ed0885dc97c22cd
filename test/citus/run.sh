#!/usr/bin/env bash
# Scale-out test on Citus: a coordinator and two workers, three throwaway
# clusters on loopback, with csmetrics installed in the server of PG_CONFIG
# (the caller installs it, and holds /tmp/csm.lock: Citus may be installed
# into that server here). Citus 13 on PostgreSQL 15, Citus 14 on 16 to 18:
# found or built by install-citus.sh; without either, the test says it was
# skipped and why, and passes. Ends with "citus: N passed, N failed" and a
# non-zero status on any failure.
#
#   flock /tmp/csm.lock bash test/citus/run.sh [PG_CONFIG]
#
# CSMETRICS_CITUS_TICKETS sets the number of demo tickets (default 20000).
# CSMETRICS_CITUS_BENCH=N loads N tickets and prints the timings of
# docs/benchmarks.md (bench.sql) instead of running the checks.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HERE/../.." && pwd)
pg_config=${1:-${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}}
bindir=$("$pg_config" --bindir)
version=$("$pg_config" --version)
tickets=${CSMETRICS_CITUS_TICKETS:-20000}
bench=${CSMETRICS_CITUS_BENCH:-}
[ -n "$bench" ] && tickets=$bench

echo "==> Citus scale-out test on $version"
reason=$(bash "$HERE/install-citus.sh" "$pg_config")
rc=$?
if [ "$rc" -eq 3 ]; then
    echo "citus: skipped on $version: $reason"
    echo "citus: 0 passed, 0 failed"
    exit 0
elif [ "$rc" -ne 0 ]; then
    echo "$reason"
    echo "FAIL Citus could not be built or installed for $version"
    echo "citus: 0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$("$pg_config" --sharedir)/extension/csmetrics.control" ]; then
    echo "FAIL csmetrics is not installed in $version"
    echo "citus: 0 passed, 1 failed"
    exit 1
fi

# The clusters run as postgres (initdb refuses root), with no descriptor
# but 0-2 open, so that a server left behind by a killed run cannot hold
# the caller's flock (HELPERS.md's /tmp/csm.lock).
as_postgres() {
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
    )
}
work=$(mktemp -d /tmp/csm-citus.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
nodes="coordinator worker1 worker2"
cleanup() {
    for node in $nodes; do
        if [ -f "$work/$node/postmaster.pid" ]; then
            as_postgres "$bindir/pg_ctl" -D "$work/$node" -m immediate stop >/dev/null 2>&1
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A free TCP port on loopback from 55400 up (nothing answers on it).
next_port=55400
free_port() {
    while (exec 3<>"/dev/tcp/127.0.0.1/$next_port") 2>/dev/null; do
        next_port=$((next_port + 1))
    done
    port=$next_port
    next_port=$((next_port + 1))
}

declare -A ports
for node in $nodes; do
    free_port
    ports[$node]=$port
    as_postgres "$bindir/initdb" -D "$work/$node" -U postgres -A trust --no-sync >"$work/$node.initdb.log" 2>&1 \
        || { cat "$work/$node.initdb.log"; exit 1; }
    cat >>"$work/$node/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work'
timezone = 'UTC'
fsync = off
max_connections = 60
citus.shard_count = 8
CONF
    as_postgres "$bindir/pg_ctl" -D "$work/$node" -l "$work/$node.log" -w start >/dev/null \
        || { cat "$work/$node.log"; exit 1; }
done

psql_node() {   # psql_node NODE [psql arguments]
    local node=$1
    shift
    "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "${ports[$node]}" -U postgres -d postgres "$@"
}

log=$(mktemp)
(
    set -e
    for node in $nodes; do
        psql_node "$node" -c "CREATE EXTENSION citus"
    done
    psql_node coordinator \
        -c "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[coordinator]})" \
        -c "SELECT citus_add_node('127.0.0.1', ${ports[worker1]})" \
        -c "SELECT citus_add_node('127.0.0.1', ${ports[worker2]})" >/dev/null
    cd "$HERE"
    psql_node coordinator -v tickets="$tickets" -v repo="$REPO_ROOT" -f setup.sql
    if [ -n "$bench" ]; then
        psql_node coordinator -c "CREATE SCHEMA csm_test" -f bench.sql
        exit 0
    fi
    psql_node coordinator -At -f aggregates.sql
    psql_node coordinator -At -v repo="$REPO_ROOT" -f cookbook.sql
) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
if [ "$status" -ne 0 ]; then
    echo "FAIL setup or query error (exit status $status)"
    for node in $nodes; do
        grep -E 'ERROR|PANIC|TRAP' "$work/$node.log" | tail -5
    done
    failed=$((failed + 1))
fi
if grep -lE 'TRAP:|server process .* was terminated' "$work"/*.log 2>/dev/null; then
    echo "FAIL a server crashed or failed an assertion (logs above)"
    failed=$((failed + 1))
fi
rm -f "$log"
echo "citus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
