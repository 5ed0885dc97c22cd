#!/usr/bin/env bash
# Server upgrade: pg_upgrade from a cluster of one server (PostgreSQL 15)
# holding csmetrics values -- tables with every summary type and a calendar
# column, and views over them (test/dump/stored.sql, stored_later.sql) --
# to a cluster of a newer one (18).  Afterwards the text and binary COPY outputs, every
# accessor's answer and the rollups must be what they were, and the new
# server's log must hold no assertion failure, crash or memory-context
# warning.  Ends with "upgrade: N passed, N failed".
#
#   bash test/upgrade/run.sh OLD_PG_CONFIG NEW_PG_CONFIG
#
# As root, with csmetrics installed into both servers (test/run.sh runs it
# after its 18 pass, under the install lock).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
old_bin=$("$1" --bindir)
new_bin=$("$2" --bindir)
WORK=$(mktemp -d)
chmod 755 "$WORK"
chown postgres "$WORK"
passed=0
failed=0

# as_postgres CMD...: run in WORK as postgres, with no descriptor but 0-2
# open, so that a server left behind cannot hold the caller's flock.
as_postgres() {
    (
        cd "$WORK"
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        runuser -u postgres -- "$@"
    )
}
cleanup() {
    for side in old new; do
        if [ -f "$WORK/$side/postmaster.pid" ]; then
            bin=${side}_bin
            as_postgres "${!bin}/pg_ctl" -D "$WORK/$side" -m immediate stop >/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

check() {   # check NAME EXPECTED_FILE ACTUAL_FILE: equal, or the diff
    if cmp -s "$2" "$3"; then
        passed=$((passed + 1)); echo "ok: $1"
    else
        failed=$((failed + 1)); echo "FAILED: $1"
        diff "$2" "$3" | head -40 || true
    fi
}
start() {   # start old|new PORT
    local bin=${1}_bin
    as_postgres "${!bin}/pg_ctl" -D "$WORK/$1" -l "$WORK/$1.log" -w \
        -o "-c listen_addresses='' -k $WORK -p $2" start >/dev/null
}
stop() {
    local bin=${1}_bin
    as_postgres "${!bin}/pg_ctl" -D "$WORK/$1" -m fast -w stop >/dev/null
}
q() {       # q old|new PSQL_ARGS...: psql of that server, in database csm_data
    local bin=${1}_bin port=5431
    shift
    [ "$bin" = new_bin ] && port=5432
    PGOPTIONS="-c client_min_messages=warning" "${!bin}/psql" -X -q -At -v ON_ERROR_STOP=1 \
        -h "$WORK" -p "$port" -U postgres -d csm_data "$@"
}
# Everything a user reads back: text and binary COPY, accessors, rollups.
read_back() {   # read_back old|new PREFIX
    q "$1" -c "COPY stored TO STDOUT" -c "COPY stored_later TO STDOUT" >"$2.txt"
    q "$1" -c "COPY stored TO STDOUT (FORMAT binary)" -c "COPY stored_later TO STDOUT (FORMAT binary)" >"$2.bin"
    q "$1" -c "SELECT * FROM stored_answers ORDER BY id" -c "SELECT * FROM stored_rollup" \
        -c "SELECT * FROM stored_later_answers ORDER BY id" >"$2.answers"
    q "$1" -c "SELECT extversion FROM pg_extension WHERE extname = 'csmetrics'" >"$2.version"
}

old_version=$("$1" --version)
new_version=$("$2" --version)
echo "==> pg_upgrade from $old_version to $new_version with csmetrics data"
initdb_options=(-A trust -U postgres --no-sync --encoding=UTF8 --locale=C)
as_postgres "$old_bin/initdb" -D "$WORK/old" "${initdb_options[@]}" >/dev/null
as_postgres "$new_bin/initdb" -D "$WORK/new" "${initdb_options[@]}" >/dev/null
# 18's initdb turns data checksums on by default, 15's does not, and
# pg_upgrade needs both clusters alike: read what each has, not initdb's help.
checksum_version() {
    "$1/pg_controldata" "$2" | sed -n 's/^Data page checksum version: *//p'
}
if [ "$(checksum_version "$old_bin" "$WORK/old")" = 0 ] &&
    [ "$(checksum_version "$new_bin" "$WORK/new")" != 0 ]; then
    as_postgres "$new_bin/pg_checksums" --disable --no-sync -D "$WORK/new" >/dev/null
fi

start old 5431
"$old_bin/psql" -X -q -h "$WORK" -p 5431 -U postgres -d postgres -c "CREATE DATABASE csm_data"
q old -c "CREATE EXTENSION csmetrics" -f "$HERE/../dump/stored.sql" -f "$HERE/stored_later.sql"
read_back old "$WORK/before"

# Debian's 15.20 records an attribute version in every column's options
# (pg_attver=N); 18.6 does not know that option, and its pg_upgrade fails to
# restore any table that has it -- a mismatch of server releases, not of
# csmetrics.  Where the new server rejects the option, remove it from the
# old cluster's columns first (15.20 runs without it); a new server that
# knows it needs no help.
stop old
start new 5432
probe=$("$new_bin/psql" -X -q -h "$WORK" -p 5432 -U postgres -d postgres \
    -c "CREATE TEMP TABLE probe (a int)" -c "ALTER TABLE probe ALTER COLUMN a SET (pg_attver = 1)" 2>&1 || true)
stop new
start old 5431
if grep -q 'unrecognized parameter "pg_attver"' <<<"$probe" \
        && [ "$(q old -c "SELECT count(*) FROM pg_attribute WHERE attoptions::text LIKE '%pg_attver=%'")" != 0 ]; then
    echo "note: $new_version does not know $old_version's pg_attver column option; removing it from the old cluster's columns"
    for db in postgres csm_data; do
        "$old_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p 5431 -U postgres -d "$db" \
            -c "SET allow_system_table_mods = on" \
            -c "UPDATE pg_attribute SET attoptions = (SELECT array_agg(o) FROM unnest(attoptions) o WHERE o NOT LIKE 'pg_attver=%')
                WHERE attrelid >= 16384 AND attoptions::text LIKE '%pg_attver=%'"
    done
fi
stop old

if ! as_postgres "$new_bin/pg_upgrade" -b "$old_bin" -B "$new_bin" -d "$WORK/old" -D "$WORK/new" \
        -s "$WORK" -p 5431 -P 5432 >"$WORK/pg_upgrade.log" 2>&1; then
    cat "$WORK/pg_upgrade.log"
    grep -h -B5 -A5 -E 'ERROR|FATAL' "$WORK"/new/pg_upgrade_output.d/*/log/*.log | tail -n 40 || true
    echo "FAILED: pg_upgrade"
    echo "upgrade: $passed passed, $((failed + 1)) failed"
    exit 1
fi
passed=$((passed + 1)); echo "ok: pg_upgrade from $old_version to $new_version"

start new 5432
read_back new "$WORK/after"
stop new
check "csmetrics version kept" "$WORK/before.version" "$WORK/after.version"
check "every stored value has the same text form" "$WORK/before.txt" "$WORK/after.txt"
check "every stored value has the same binary form" "$WORK/before.bin" "$WORK/after.bin"
check "every accessor and rollup answers as before, through the views" "$WORK/before.answers" "$WORK/after.answers"
if grep -E -f "$HERE/../log_failures.regex" "$WORK/new.log"; then
    failed=$((failed + 1)); echo "FAILED: the new server's log holds the lines above"
else
    passed=$((passed + 1)); echo "ok: the new server's log is clean"
fi
echo "upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
