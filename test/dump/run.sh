#!/usr/bin/env bash
# Data safety: a table of every csmetrics type survives pg_dump / pg_restore
# into a fresh database, and every extension upgrade path keeps every stored
# value and ends where a fresh install of the default version does.  Runs
# inside the cluster whose PG* environment it inherits, with PG_CONFIG
# naming that server's pg_config (test/run.sh's run_parts); it swaps the
# installed library for an old release's while it writes old values, so it
# runs under the install lock like the rest of the test command.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HERE/../.." && pwd)
PG_CONFIG=${PG_CONFIG:-pg_config}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
check() {   # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1)); echo "ok: $1"
    else
        failed=$((failed + 1)); echo "FAILED: $1: expected '$2', got '$3'"
    fi
}
q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

for db in csm_dump_src csm_dump_dst csm_fresh csm_upgraded; do
    q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done

# A table of stored summaries and calendars in a schema of its own.
q -d csm_dump_src <<'SQL'
CREATE SCHEMA metrics;
CREATE EXTENSION csmetrics SCHEMA metrics;
SET search_path = metrics, public;
CREATE TABLE public.daily AS
SELECT d AS day, nps_agg(s) AS nps_s, csat_agg(r) AS csat_s, ces_agg(e) AS ces_s,
       rate_agg(s > 6) AS rate_s, duration_agg(s * interval '7 minutes' + r * interval '1 second') AS duration_s,
       'mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-12-25'::business_calendar AS calendar
FROM (SELECT i % 30 AS d, abs(hashint4(i)) % 11 AS s, 1 + abs(hashint4(i * 3)) % 5 AS r, 1 + abs(hashint4(i * 7)) % 7 AS e
      FROM generate_series(1, 20000) i) t
GROUP BY d;
SQL
pg_dump -Fc -d csm_dump_src -f "$WORK/dump"
pg_restore -d csm_dump_dst "$WORK/dump"
export_rows() {
    q -d "$1" -c "SELECT day, nps_s::text, csat_s::text, ces_s::text, rate_s::text, duration_s::text, calendar::text
                  FROM public.daily ORDER BY day"
}
check "pg_dump / pg_restore keeps every stored value" "$(export_rows csm_dump_src | md5sum)" "$(export_rows csm_dump_dst | md5sum)"
check "restored rows" "30" "$(q -d csm_dump_dst -c 'SELECT count(*) FROM public.daily')"
check "restored summaries still work" \
    "$(q -d csm_dump_src -c 'SELECT metrics.nps(metrics.rollup(nps_s)), metrics.median(metrics.rollup(duration_s)) FROM public.daily')" \
    "$(q -d csm_dump_dst -c 'SELECT metrics.nps(metrics.rollup(nps_s)), metrics.median(metrics.rollup(duration_s)) FROM public.daily')"

# ---- Extension upgrades ----
# For every earlier version (each sql/csmetrics--A--B.sql): install it,
# store values of every type (test/dump/stored.sql), keep their text and
# binary COPY outputs and every accessor's answer, update to the default
# version, and check that the stored values answer exactly as before, that
# the old text and binary forms read back equal, and that the catalog is
# the one a fresh install makes.  Where the version's release commit is in
# this clone's history and builds for this server (0.1: PostgreSQL 15), its
# own library writes the values, as in a real upgrade: the package's new
# library replaces the old, then ALTER EXTENSION ... UPDATE.
declare -A RELEASE_COMMIT=([0.1]=2d5971804d1021ec44f864f01c3840f044f25a02)
libdir=$("$PG_CONFIG" --pkglibdir)
cp "$libdir/csmetrics.so" "$WORK/current.so"
restore_library() { install -m 755 "$WORK/current.so" "$libdir/csmetrics.so"; }
trap 'restore_library; rm -rf "$WORK"' EXIT

# One line per extension member with what defines it (\dx+ lists the names).
describe() {
    q -d "$1" <<'SQL'
SELECT pg_describe_object(d.classid, d.objid, 0)
       || coalesce(' | ' || (SELECT concat_ws(' ', pg_get_function_arguments(p.oid), p.prorettype::regtype,
                                              p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
                                              p.prosrc, p.probin, p.proconfig::text)
                             FROM pg_proc p WHERE d.classid = 'pg_proc'::regclass AND p.oid = d.objid), '')
       || coalesce(' | ' || (SELECT concat_ws(' ', a.aggkind, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                              a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn,
                                              a.aggmfinalfn, a.aggtranstype::regtype, a.agginitval, a.aggminitval)
                             FROM pg_aggregate a WHERE d.classid = 'pg_proc'::regclass AND a.aggfnoid = d.objid), '')
       || coalesce(' | ' || (SELECT concat_ws(' ', t.typinput, t.typoutput, t.typreceive, t.typsend, t.typlen,
                                              t.typalign, t.typstorage, t.typcategory)
                             FROM pg_type t WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid), '')
       || coalesce(' | ' || (SELECT concat_ws(' ', o.oprcode, o.oprcom::regoperator, o.oprnegate::regoperator,
                                              o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge)
                             FROM pg_operator o WHERE d.classid = 'pg_operator'::regclass AND o.oid = d.objid), '')
       || coalesce(' | ' || obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)), '')
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'csmetrics')
ORDER BY 1
SQL
}
answers() { q -d "$1" -c "SELECT * FROM stored_answers ORDER BY id" -c "SELECT * FROM stored_rollup"; }
# The stored_answers and stored_rollup columns whose answers differ between
# two answers files (same rows, same order).
differing_columns() {   # differing_columns DB FILE1 FILE2
    local names
    names=$(q -d "$1" -c "SELECT string_agg(attname, '|' ORDER BY attrelid = 'stored_rollup'::regclass, attnum)
                          FROM pg_attribute WHERE attrelid IN ('stored_answers'::regclass, 'stored_rollup'::regclass)
                            AND attnum > 0")
    awk -F'|' -v names="$names" -v rows="$(q -d "$1" -c "SELECT count(*) FROM stored_answers")" '
        BEGIN { n = split(names, name, "|") }
        NR == FNR { line[FNR] = $0; next }
        { split(line[FNR], old, "|"); offset = FNR <= rows ? 0 : n - NF
          for (i = 1; i <= NF; i++) if (old[i] != $i) differ[name[i + offset]] = 1 }
        END { for (c in differ) { printf "%s%s", sep, c; sep = ", " } print "" }' "$2" "$3"
}
values_as_text() { q -d "$1" -c "SELECT v::text FROM $2 v ORDER BY id"; }
check_files() {    # check_files NAME EXPECTED_FILE ACTUAL_FILE: equal, or the diff
    if cmp -s "$2" "$3"; then
        check "$1" same same
    else
        check "$1" "$(basename "$2")" "$(basename "$3") (diff below)"
        diff "$2" "$3" | head -40 || true
    fi
}

default_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$REPO_ROOT/csmetrics.control")
q -d csm_fresh -c "CREATE EXTENSION csmetrics"
describe csm_fresh >"$WORK/catalog.fresh"
upgrades=0
for script in "$REPO_ROOT"/sql/csmetrics--*--*.sql; do
    [ -e "$script" ] || continue
    from=$(basename "$script" .sql | sed 's/^csmetrics--\([^-]*\)--.*/\1/')
    q -d postgres -c "DROP DATABASE csm_upgraded" -c "CREATE DATABASE csm_upgraded"

    writer="the current library"
    commit=${RELEASE_COMMIT[$from]:-}
    if [ -n "$commit" ] && git -C "$REPO_ROOT" cat-file -e "$commit^{commit}" 2>/dev/null; then
        rm -rf "$WORK/old" && mkdir "$WORK/old"
        git -C "$REPO_ROOT" archive "$commit" | tar -x -C "$WORK/old"
        if make -s -C "$WORK/old" PG_CONFIG="$PG_CONFIG" >"$WORK/old.log" 2>&1; then
            install -m 755 "$WORK/old/csmetrics.so" "$libdir/csmetrics.so"
            writer="csmetrics $from's own library (commit ${commit:0:7})"
        fi
    fi
    echo "==> upgrade from $from: values written by $writer"
    q -d csm_upgraded -c "CREATE EXTENSION csmetrics VERSION '$from'" -f "$HERE/stored.sql"
    q -d csm_upgraded -c "COPY stored TO STDOUT" >"$WORK/stored.txt"
    q -d csm_upgraded -c "COPY stored TO STDOUT (FORMAT binary)" >"$WORK/stored.bin"
    answers csm_upgraded >"$WORK/answers.writer"
    restore_library
    answers csm_upgraded >"$WORK/answers.before"
    if ! cmp -s "$WORK/answers.writer" "$WORK/answers.before"; then
        # Not a stored value that changed (those are checked below): a
        # formula changed since that release, on purpose or not.  Shown, so
        # that a release note can say so.
        echo "note: $writer and the current library answer differently in: $(differing_columns csm_upgraded "$WORK/answers.writer" "$WORK/answers.before")"
    fi

    q -d csm_upgraded -c "ALTER EXTENSION csmetrics UPDATE"
    check "upgrade from $from reaches $default_version" "$default_version" \
        "$(q -d csm_upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'csmetrics'")"
    answers csm_upgraded >"$WORK/answers.after"
    check_files "upgrade from $from: stored values answer every accessor and rollup as before the update" \
        "$WORK/answers.before" "$WORK/answers.after"
    q -d csm_upgraded -c "CREATE TABLE reread_text (LIKE stored)" -c "COPY reread_text FROM STDIN" <"$WORK/stored.txt"
    q -d csm_upgraded -c "CREATE TABLE reread_binary (LIKE stored)" \
        -c "COPY reread_binary FROM STDIN (FORMAT binary)" <"$WORK/stored.bin"
    values_as_text csm_upgraded stored >"$WORK/stored.after"
    values_as_text csm_upgraded reread_text >"$WORK/reread_text.after"
    values_as_text csm_upgraded reread_binary >"$WORK/reread_binary.after"
    check_files "upgrade from $from: $from's text COPY output reads back equal to the stored values" \
        "$WORK/stored.after" "$WORK/reread_text.after"
    check_files "upgrade from $from: $from's binary COPY output reads back equal to the stored values" \
        "$WORK/stored.after" "$WORK/reread_binary.after"
    describe csm_upgraded >"$WORK/catalog.upgraded"
    check_files "upgrade from $from has the catalog of a fresh install" "$WORK/catalog.fresh" "$WORK/catalog.upgraded"
    upgrades=$((upgrades + 1))
done
[ "$upgrades" -gt 0 ] || echo "note: $default_version is the first release; no earlier version to upgrade from"

for db in csm_dump_src csm_dump_dst csm_fresh csm_upgraded; do
    q -d postgres -c "DROP DATABASE $db"
done
echo "dump: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
