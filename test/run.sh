#!/usr/bin/env bash
# csmetrics tests: installs what is missing, builds with -Wall -Wextra
# -Werror, installs, and runs every test part (run_parts below) on two
# servers: in a throwaway PostgreSQL 15 cluster (Debian's server), then in a
# throwaway cluster of the PostgreSQL 18 assertion build that scripts/pg18.sh
# finds or builds.  The parts are the pg_regress suites, the node-pg client
# test (test/client), the postgres_fdw scale-out test (test/fdw), the short
# fuzz run (test/fuzz), the dump/restore and extension upgrade checks
# (test/dump) and the Citus scale-out test (test/citus: Citus 13 on 15,
# Citus 14 on 18, from an installed Citus or the tarballs that .ci/run
# names; else skipped); on 15 only, the JDBC and ODBC test of the bi views
# (test/bi).  On 18, any assertion failure, server crash or memory-context
# warning in the server log (test/log_failures.regex) fails the run, and
# pg_upgrade carries a 15 cluster with csmetrics data to 18 (test/upgrade).
# Without PostgreSQL 18 (no installed 18 and CSMETRICS_PG18_TARBALL unset)
# the run says so and passes on 15 alone.
#
#   bash test/run.sh        (from anywhere, as root, on Debian 12)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
source scripts/prepare.sh

# The test parts, run once per server from the root of a tree built and
# installed for that server, inside a cluster whose PG* environment they
# inherit (PG_CONFIG names the server's pg_config).  Every part runs even
# when an earlier one fails; any failure fails the run.  A part added here
# runs on every server version; it must print countable results (see
# count_results).
run_parts() {
    local status=0
    make -s installcheck PG_CONFIG="$PG_CONFIG" || status=1
    bash test/client/run.sh || status=1
    # pgJDBC and psqlODBC read the bi views as BI tools do. Client code, so
    # once, on 15: the 18 cluster listens on a unix socket only, which pgJDBC
    # can't reach.
    if [ "${RUN_BI_CLIENTS:-0}" = 1 ]; then
        bash test/bi/run.sh || status=1
    fi
    bash test/fdw/run.sh || status=1
    bash test/fuzz/run.sh 2000 || status=1
    bash test/dump/run.sh || status=1
    bash test/citus/run.sh "$PG_CONFIG" || status=1
    return $status
}
export -f run_parts

# "PASSED FAILED" of one server's log, counting pg_regress suites (15's
# "... ok" lines and 16+'s "ok N - name  12 ms" lines), node's test runner
# ("# pass N", "# fail N"), the fdw, dump and JDBC/ODBC checks ("fdw: N
# passed, N failed", and "citus: ...", "bi: ...") and the fuzz run as one test.
count_results() {
    awk '/\.\.\. +ok / || /^ok +[0-9]+ +[-+] .* ms$/ { p++ }
         /\.\.\. +FAILED/ || /^not ok +[0-9]+ +[-+] .* ms$/ { f++ }
         /^# pass [0-9]+$/ { p += $3 } /^# fail [0-9]+$/ { f += $3 }
         /^(fdw|dump|upgrade|citus|bi): [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
         /^fuzz: [0-9]+ passed, [0-9]+ failed$/ { if ($4 == 0) p++; else f++ }
         END { print p + 0, f + 0 }' "$1"
}

WORK=$(mktemp -d)
cleanup() {
    if [ -f "$WORK/pg18/data/postmaster.pid" ]; then
        runuser -u postgres -- "$bin18/pg_ctl" -D "$WORK/pg18/data" -m immediate stop >/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
passed=0
failed=0
status=0
summary=()

# Add one server's results to the totals: tally VERSION LOG STATUS TREE
tally() {
    local p f
    read -r p f < <(count_results "$2")
    if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1    # a step failed before it could count its tests
    fi
    if [ "$3" -ne 0 ]; then
        status=1
        [ -f "$4/regression.diffs" ] && cat "$4/regression.diffs"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    summary+=("PostgreSQL $1: $p tests ok, $f failing")
}

# ---- PostgreSQL 15: Debian's server in a pg_virtualenv cluster ----
echo "==> PostgreSQL 15: running every test part in a temporary cluster"
rm -rf results regression.diffs regression.out
log15="$WORK/pg15.log"
s=0
RUN_BI_CLIENTS=1 pg_virtualenv -t -v 15 bash -c run_parts 2>&1 | tee "$log15" || s=$?
tally 15 "$log15" "$s" "$REPO_ROOT"

# ---- PostgreSQL 18: the assertion build, in a cluster of our own ----
PG18_CONFIG=$(bash scripts/pg18.sh 2>"$WORK/pg18.why") || { cat "$WORK/pg18.why"; exit 1; }
if [ -z "$PG18_CONFIG" ]; then
    summary+=("$(cat "$WORK/pg18.why")")
else
    echo "==> PostgreSQL 18 ($PG18_CONFIG): building csmetrics in a clean copy of the tree"
    # A copy of the sources without build products, so that no object built
    # for 15 links into 18 (and the 15 build here stays as it was).
    tree="$WORK/tree18"
    mkdir "$tree"
    tar -C "$REPO_ROOT" --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
        --exclude=./results --exclude='./regression.*' --exclude=node_modules -cf - . | tar -C "$tree" -xf -
    make -s -C "$tree" PG_CONFIG="$PG18_CONFIG"
    make -s -C "$tree" install PG_CONFIG="$PG18_CONFIG" >/dev/null

    # A throwaway cluster owned by postgres: unix socket in its own
    # directory only, so any port is free.
    bin18=$("$PG18_CONFIG" --bindir)
    cluster="$WORK/pg18"
    mkdir "$cluster" && chown postgres "$cluster"
    chmod 755 "$WORK"
    # pg18 TOOL ARGS...: a tool of the 18 build, run as postgres with no
    # descriptor but 0-2 open, so that a server left behind by a killed run
    # cannot hold the caller's flock (HELPERS.md's /tmp/csm.lock).
    pg18() {
        local tool=$1
        shift
        (
            cd "$cluster"
            for fd in /proc/$BASHPID/fd/*; do
                fd=${fd##*/}
                if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
            done
            runuser -u postgres -- "$bin18/$tool" "$@"
        )
    }
    pg18 initdb -D "$cluster/data" -A trust -U postgres --no-sync >/dev/null
    pg18 pg_ctl -D "$cluster/data" -l "$cluster/server.log" -w \
        -o "-c listen_addresses='' -k $cluster -p 5418 -c fsync=off" start >/dev/null
    log18="$WORK/pg18.log"
    s=0
    (
        cd "$tree"
        export PATH="$bin18:$PATH" PG_CONFIG="$PG18_CONFIG" \
            PGHOST="$cluster" PGPORT=5418 PGUSER=postgres PGDATABASE=postgres
        unset PGPASSWORD PGCLUSTER
        echo "==> PostgreSQL 18: running every test part"
        run_parts
    ) 2>&1 | tee "$log18" || s=$?
    pg18 pg_ctl -D "$cluster/data" -m fast -w stop >/dev/null || s=1

    # What the assertion build's log must never hold (one pattern a line).
    if grep -E -f test/log_failures.regex "$cluster/server.log" >"$WORK/pg18.bad"; then
        echo "==> PostgreSQL 18 server log: assertion failures, crashes or memory-context warnings"
        cat "$WORK/pg18.bad"
        failed=$((failed + 1))
        s=1
    fi

    # The server upgrade: pg_upgrade from a 15 cluster with csmetrics data.
    bash test/upgrade/run.sh "$PG_CONFIG" "$PG18_CONFIG" 2>&1 | tee -a "$log18" || s=1
    tally 18 "$log18" "$s" "$tree"
fi

for line in "${summary[@]}"; do
    echo "==> $line"
done
echo "regress: $passed passed, $failed failed"
exit "$status"
