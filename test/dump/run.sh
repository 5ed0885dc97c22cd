#!/usr/bin/env bash
# Data safety: a table of every csmetrics type survives pg_dump / pg_restore
# into a fresh database, and every upgrade path ends where a fresh install
# of the default version does.  Runs inside the cluster whose PG*
# environment it inherits (test/run.sh calls it inside pg_virtualenv).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
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

# Upgrade paths: install each earlier version, update to the default
# version, and compare every object with a fresh install.
describe() {
    q -d "$1" -c "SELECT pg_describe_object(classid, objid, 0) FROM pg_depend
                  WHERE refclassid = 'pg_extension'::regclass
                    AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'csmetrics')
                  ORDER BY 1"
}
default_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$REPO_ROOT/csmetrics.control")
q -d csm_fresh -c "CREATE EXTENSION csmetrics"
upgrades=0
for script in "$REPO_ROOT"/sql/csmetrics--*--*.sql; do
    [ -e "$script" ] || continue
    from=$(basename "$script" .sql | sed 's/^csmetrics--\([^-]*\)--.*/\1/')
    q -d postgres -c "DROP DATABASE csm_upgraded" -c "CREATE DATABASE csm_upgraded"
    q -d csm_upgraded -c "CREATE EXTENSION csmetrics VERSION '$from'" -c "ALTER EXTENSION csmetrics UPDATE"
    check "upgrade from $from reaches $default_version" "$default_version" \
        "$(q -d csm_upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'csmetrics'")"
    check "upgrade from $from has the objects of a fresh install" "$(describe csm_fresh | md5sum)" "$(describe csm_upgraded | md5sum)"
    upgrades=$((upgrades + 1))
done
[ "$upgrades" -gt 0 ] || echo "note: $default_version is the first release; no earlier version to upgrade from"

for db in csm_dump_src csm_dump_dst csm_fresh csm_upgraded; do
    q -d postgres -c "DROP DATABASE $db"
done
rm -rf "$WORK"
echo "dump: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
