#!/usr/bin/env bash
# BI client tests: the views of schema bi (demo/cookbook.sql) read over pgJDBC
# and over psqlODBC as a BI tool reads them, from clients in three time zones,
# each answer checked against psql's (reference.sql). Runs against the cluster
# whose PGHOST/PGPORT/PGUSER/PGPASSWORD it inherits, in a database of its own
# filled by demo/generate.sql (a year of tickets) with the reporting zone set
# to Europe/Paris, e.g.
#
#   pg_virtualenv -t -v 15 bash test/bi/run.sh
#
# Installs what is missing from Debian: a JDK, pgJDBC, unixODBC with its
# headers and psqlODBC. Ends with "bi: N passed, N failed".
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HERE/../.." && pwd)
DB=csmetrics_bi_test
ZONES="UTC America/Los_Angeles Asia/Tokyo"
JDBC_JAR=/usr/share/java/postgresql.jar

driver() { ls /usr/lib/*/odbc/psqlodbcw.so 2>/dev/null | head -n 1; }
if ! command -v javac >/dev/null || [ ! -f "$JDBC_JAR" ] || [ -z "$(driver)" ] \
        || [ ! -f /usr/include/sql.h ] || ! command -v gcc >/dev/null; then
    SUDO=
    if [ "$(id -u)" -ne 0 ]; then
        SUDO=sudo
    fi
    echo "==> Installing a JDK, pgJDBC, unixODBC and psqlODBC"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        default-jdk-headless libpostgresql-jdbc-java unixodbc unixodbc-dev odbc-postgresql gcc >/dev/null
fi

echo "==> BI client test: $(basename "$(readlink -f "$JDBC_JAR")") on $(javac -version 2>&1), psqlODBC $(dpkg-query -W -f='${Version}' odbc-postgresql 2>/dev/null) on unixODBC"
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
passed=0
failed=0
result() {  # result NAME STATUS: count one check
    if [ "$2" -eq 0 ]; then
        passed=$((passed + 1)); echo "ok: $1"
    else
        failed=$((failed + 1)); echo "FAILED: $1"
    fi
}
finish() { echo "bi: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

# A year of tickets, with days, weeks and months cut in Paris.
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null || { result setup 1; finish; }
export PGDATABASE=$DB
if ! psql -X -q -v ON_ERROR_STOP=1 -f "$REPO_ROOT/demo/generate.sql" >/dev/null \
   || ! psql -X -q -v ON_ERROR_STOP=1 \
        -c "UPDATE reporting_settings SET time_zone = 'Europe/Paris'" \
        -c "CALL refresh_daily_metrics('2024-12-01', '2026-01-31')" \
   || ! psql -X -q -v ON_ERROR_STOP=1 -A -F $'\t' -P footer=off -P null='\N' \
        -f "$HERE/reference.sql" >"$work/expected.tsv" \
   || ! javac -d "$work" -cp "$JDBC_JAR" "$HERE/BiViews.java" \
   || ! gcc -Wall -Wextra -Werror -o "$work/bi_odbc" "$HERE/bi_odbc.c" -lodbc; then
    result setup 1
    finish
fi
echo "reference: $(grep -c '^== ' "$work/expected.tsv") views, $(grep -vc '^== ' "$work/expected.tsv") lines from psql"

jdbc() {  # jdbc ZONE SCHEMA OUTPUT
    java -Duser.timezone="$1" -cp "$JDBC_JAR:$work" BiViews \
        "jdbc:postgresql://${PGHOST:-localhost}:${PGPORT:-5432}/$DB" "$2" "$3"
}
odbc() {  # odbc ZONE SCHEMA OUTPUT [DRIVER_SETTINGS]: psqlODBC's defaults unless given
    PGTZ="$1" "$work/bi_odbc" \
        "Driver=$(driver);Server=${PGHOST:-localhost};Port=${PGPORT:-5432};Database=$DB;Uid=$PGUSER;Pwd=${PGPASSWORD:-};${4:-}" \
        "$2" "$1" "$3"
}

# Every bi view from each client in each zone: only numbers, strings and
# dates, nothing truncated, and psql's answers.
for zone in $ZONES; do
    jdbc "$zone" bi "$work/jdbc.tsv" && awk -F'\t' -v label="jdbc $zone" -f "$HERE/compare.awk" "$work/expected.tsv" "$work/jdbc.tsv"
    result "pgJDBC, JVM and session in $zone" $?
    odbc "$zone" bi "$work/odbc.tsv" && awk -F'\t' -v label="odbc $zone" -f "$HERE/compare.awk" "$work/expected.tsv" "$work/odbc.tsv"
    result "psqlODBC, session in $zone" $?
done

# The checks can fail. A schema of views that break each rule:
psql -X -q -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
CREATE SCHEMA bi_probe;
-- an interval column
CREATE VIEW bi_probe.weekly_aht AS SELECT * FROM weekly_aht;
-- summaries, whose text form outgrows ODBC's 255-character varchar
CREATE VIEW bi_probe.daily_summaries AS SELECT day, channel, first_response FROM daily_metrics;
-- weeks cut in the session's time zone
CREATE SCHEMA bi_session;
CREATE VIEW bi_session.weekly_ticket_volume AS
SELECT date_trunc('week', created_at)::date AS week, channel, count(*) AS tickets FROM tickets GROUP BY 1, 2;
SQL
jdbc UTC bi_probe "$work/probe.tsv" 2>"$work/err" ; status=$?
cat "$work/err"
[ "$status" -ne 0 ] && grep -q 'weekly_aht.aht has JDBC type 1111 (interval)' "$work/err"
result "pgJDBC rejects an interval column" $?
odbc UTC bi_probe "$work/probe.tsv" 2>"$work/err" ; status=$?
head -n 2 "$work/err"; echo "odbc UTC: $(grep -c "SQLSTATE 01004" "$work/err") values truncated"
[ "$status" -ne 0 ] && grep -q 'SQLSTATE 01004' "$work/err"
result "psqlODBC bound by declared size truncates a summary column (01004)" $?
# ... unless the driver declares long text as docs/cookbook.md says.
odbc UTC bi_probe "$work/probe.tsv" "UnknownsAsLongVarchar=1;MaxLongVarcharSize=65536"
result "psqlODBC with UnknownsAsLongVarchar=1;MaxLongVarcharSize=65536 reads summaries whole" $?
awk '/^== / { keep = $0 == "== bi.weekly_ticket_volume"; sub(/^== bi\./, "== bi_session.") } keep' \
    "$work/expected.tsv" >"$work/session.tsv"
status=1
if jdbc Asia/Tokyo bi_session "$work/session_read.tsv" >/dev/null; then
    awk -F'\t' -v label="weeks of the session's zone" -f "$HERE/compare.awk" \
        "$work/session.tsv" "$work/session_read.tsv" | tail -n 2
    [ "${PIPESTATUS[0]}" -ne 0 ] && status=0
fi
result "the comparison catches weeks cut in the session's zone" $status

finish
