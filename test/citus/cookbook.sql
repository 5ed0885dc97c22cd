-- Citus test: the cookbook (demo/cookbook.sql, loaded with the demo's data
-- by setup.sql) distributed by demo/citus.sql exactly as docs/scale-out.md
-- says. Every view of the cookbook and the daily summaries rebuilt by
-- refresh_daily_metrics equal what they were on the local tables. Prints
-- one PASS or FAIL line per check.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'UTC';

-- The cookbook's own views (not those of an extension: Citus has some).
SET citus.enable_ddl_propagation = off;
CREATE VIEW csm_test.cookbook_views AS
SELECT c.oid::regclass AS view
FROM pg_class c
WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');

-- A relation's rows as sorted text lines, every column in its text form.
CREATE FUNCTION csm_test.rows_of(rel regclass) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    line text;
    lines text[] := '{}';
BEGIN
    FOR line IN EXECUTE format('SELECT concat_ws(%L, %s) FROM %s', ' | ',
                               (SELECT string_agg(format('coalesce(%I::text, %L)', attname, 'NULL'), ', ' ORDER BY attnum)
                                FROM pg_attribute WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped),
                               rel) LOOP
        lines := lines || line;
    END LOOP;
    RETURN (SELECT array_agg(l ORDER BY l) FROM unnest(lines) AS l);
END
$$;

-- Before: every view and the daily summaries, on the local tables.
CREATE TABLE csm_test.before AS
SELECT view::text AS rel, csm_test.rows_of(view) AS lines FROM csm_test.cookbook_views
UNION ALL
SELECT 'daily_metrics', csm_test.rows_of('daily_metrics');
RESET citus.enable_ddl_propagation;

SELECT format('PASS the cookbook has %s views and %s daily rows to compare', count(*) - 1,
              cardinality((SELECT lines FROM csm_test.before WHERE rel = 'daily_metrics')))
FROM csm_test.before
HAVING count(*) > 10;

-- The documented path.
\o /dev/null
\i :repo/demo/citus.sql
\o

SELECT CASE WHEN count(*) = 7 THEN 'PASS tickets, its three child tables and the three small tables are Citus tables'
            ELSE format('FAIL Citus tables: %s', string_agg(logicalrelid::text, ', ')) END
FROM pg_dist_partition
WHERE logicalrelid IN ('tickets'::regclass, 'ticket_replies'::regclass, 'surveys'::regclass, 'calls'::regclass,
                       'customers'::regclass, 'team_calendars'::regclass, 'support_costs'::regclass);

SELECT CASE WHEN count(*) = 1 THEN 'PASS refresh_daily_metrics survives create_distributed_table'
            ELSE 'FAIL refresh_daily_metrics was dropped' END
FROM pg_proc WHERE proname = 'refresh_daily_metrics';

-- The foreign keys are back, and checked.
SET citus.enable_ddl_propagation = off;
CREATE FUNCTION csm_test.violates(statement text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'no error';
EXCEPTION WHEN foreign_key_violation THEN
    RETURN 'foreign_key_violation';
END
$$;
RESET citus.enable_ddl_propagation;
SELECT CASE WHEN r = 'foreign_key_violation' THEN format('PASS %s: foreign key checked', label)
            ELSE format('FAIL %s: %s', label, r) END
FROM (VALUES ('a survey of a missing ticket', $$INSERT INTO surveys (ticket_id, sent_at) VALUES (-1, now())$$),
             ('a ticket of a missing customer',
              $$INSERT INTO tickets (id, channel, team, customer_id, created_at, status)
                VALUES (-1, 'email', 'billing', -1, now(), 'new')$$)) AS v(label, s),
     LATERAL csm_test.violates(s) AS r;

-- The nightly job over the whole year, on the distributed tables.
CALL refresh_daily_metrics(date '2025-01-01', date '2025-12-31');

SELECT CASE WHEN b.lines = csm_test.rows_of(b.rel::regclass)
            THEN format('PASS %s on Citus equals the local answer (%s rows)', b.rel, cardinality(b.lines))
            ELSE format('FAIL %s on Citus differs from the local answer', b.rel) END
FROM csm_test.before b
ORDER BY b.rel;
