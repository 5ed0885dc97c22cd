-- Citus test: every aggregate and overload of csmetrics, found from the
-- catalog, on tickets_dist (distributed by customer_id) against
-- tickets_local (the same rows in one ordinary table). Prints one PASS or
-- FAIL line per check, and INFO lines that docs/scale-out.md quotes.
--
-- An aggregate's arguments come from the candidates of each argument type
-- below: the first combination (distinct candidates first, then with
-- repeats) that the local table accepts without an error and with a
-- non-NULL result is the one tested. So a new aggregate is covered without
-- editing this file, and one whose argument types have no candidate is a
-- FAIL that says so. Aggregates over summary types (rollup) find their
-- arguments among the columns of the daily summary table built from the
-- ticket aggregates.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'UTC';
-- A query that Citus could only answer by pulling rows to the coordinator
-- is an error instead (the default, 'row-gather', would run it).
SET citus.coordinator_aggregation_strategy = 'disabled';
-- The helpers live on the coordinator only.
SET citus.enable_ddl_propagation = off;
CREATE SCHEMA csm_test;

-- Candidate argument expressions per type, in order of preference, on the
-- tickets tables (src 'tickets'). NULLs included: aggregates skip them.
CREATE TABLE csm_test.candidates (src text, type regtype, ord int, expr text);
INSERT INTO csm_test.candidates (src, type, ord, expr) VALUES
    ('tickets', 'integer', 1, 'nps_score'),
    ('tickets', 'integer', 2, 'ces_score'),
    ('tickets', 'integer', 3, 'csat_rating'),
    ('tickets', 'integer', 4, '5'),
    ('tickets', 'integer', 5, '7'),
    ('tickets', 'bigint', 1, 'contacts::bigint'),
    ('tickets', 'smallint', 1, 'contacts::smallint'),
    ('tickets', 'numeric', 1, 'contacts::numeric'),
    ('tickets', 'boolean', 1, 'csat_rating >= 4'),
    ('tickets', 'boolean', 2, 'escalated'),
    ('tickets', 'boolean', 3, 'contacts = 1'),
    ('tickets', 'boolean', 4, 'reopened'),
    ('tickets', 'interval', 1, 'first_reply_at - created_at'),
    ('tickets', 'interval', 2, 'talk'),
    ('tickets', 'interval', 3, 'hold'),
    ('tickets', 'interval', 4, 'wrap_up'),
    ('tickets', 'double precision', 1, 'extract(epoch FROM talk)::float8'),
    ('tickets', 'double precision', 2, 'extract(epoch FROM resolved_at - created_at)::float8'),
    ('tickets', 'real', 1, 'extract(epoch FROM talk)::real'),
    ('tickets', 'timestamp with time zone', 1, 'created_at'),
    ('tickets', 'timestamp with time zone', 2, 'first_reply_at'),
    ('tickets', 'timestamp with time zone', 3, 'resolved_at'),
    ('tickets', 'date', 1, 'created_at::date'),
    ('tickets', 'text', 1, 'status'),
    ('tickets', 'text', 2, 'channel'),
    ('tickets', 'text', 3, 'team'),
    ('tickets', 'business_calendar', 1,
     $$'mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-12-25'::business_calendar$$);

-- The extension's aggregates.
CREATE VIEW csm_test.aggregates AS
SELECT p.oid::regprocedure AS agg, p.oid, n.nspname, p.proname,
       ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes,
       p.prorettype::regtype AS rettype
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'csmetrics';

-- The extension's types (the summaries and business_calendar).
CREATE VIEW csm_test.types AS
SELECT t.oid::regtype AS type
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'csmetrics'
WHERE t.typtype = 'b';

-- The first call of agg over src's candidates that local_table accepts.
CREATE FUNCTION csm_test.find_call(agg regprocedure, src text, local_table text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    args text[];
    result text;
BEGIN
    SELECT * INTO a FROM csm_test.aggregates g WHERE g.agg = find_call.agg;
    FOR args IN
        WITH RECURSIVE combos (pos, exprs, ords) AS (
            SELECT 0, ARRAY[]::text[], ARRAY[]::int[]
            UNION ALL
            SELECT c.pos + 1, c.exprs || k.expr, c.ords || k.ord
            FROM combos c
            JOIN csm_test.candidates k ON k.src = find_call.src AND k.type = a.argtypes[c.pos + 1]
            WHERE c.pos < cardinality(a.argtypes))
        SELECT exprs FROM combos
        WHERE pos = cardinality(a.argtypes)
        ORDER BY (SELECT count(DISTINCT e) FROM unnest(exprs) e) < pos, ords
    LOOP
        BEGIN
            EXECUTE format('SELECT %I.%I(%s)::text FROM %s', a.nspname, a.proname,
                           array_to_string(args, ', '), local_table) INTO result;
            IF result IS NOT NULL THEN
                RETURN format('%I.%I(%s)', a.nspname, a.proname, array_to_string(args, ', '));
            END IF;
        EXCEPTION WHEN OTHERS THEN
            NULL;   -- out of range for this aggregate: try the next combination
        END;
    END LOOP;
    RETURN NULL;
END
$$;

-- Every row of a query's answer as text, in order: g = r. The query runs
-- as written (only ORDER BY added), so Citus plans what the check names.
CREATE FUNCTION csm_test.answer(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    g text;
    r text;
    lines text[] := '{}';
BEGIN
    FOR g, r IN EXECUTE query || ' ORDER BY 1' LOOP
        lines := lines || (coalesce(g, '-') || ' = ' || coalesce(r, 'NULL'));
    END LOOP;
    RETURN nullif(array_to_string(lines, E'\n'), '');
END
$$;

-- EXPLAIN (VERBOSE, COSTS OFF) of a query, as one text.
CREATE FUNCTION csm_test.plan(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- Where Citus computes an aggregate in a plan: 'partial (text)' or
-- 'partial (binary)' (worker_partial_agg on the workers, combined on the
-- coordinator), 'pushed down' (the aggregate itself in the workers' query),
-- or 'rows pulled' (the coordinator aggregates columns the workers sent).
CREATE FUNCTION csm_test.plan_kind(plan text, agg regprocedure) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    queries text;
BEGIN
    SELECT * INTO a FROM csm_test.aggregates g WHERE g.agg = plan_kind.agg;
    SELECT string_agg(m[1], E'\n') INTO queries
    FROM regexp_matches(plan, '^\s*Query: (.*)$', 'gn') AS m;
    IF plan ~ ('\m' || a.proname || '\((DISTINCT )?remote_scan\.') THEN
        RETURN 'rows pulled';
    ELSIF strpos(plan, format('combine_agg(%L::oid', a.oid)) > 0
          AND strpos(queries, format('partial_agg(''%I.%I(', a.nspname, a.proname)) > 0 THEN
        RETURN CASE WHEN strpos(queries, 'worker_binary_partial_agg(') > 0 THEN 'partial (binary)'
                    ELSE 'partial (text)' END;
    ELSIF strpos(queries, format('%I.%I(', a.nspname, a.proname)) > 0
          AND strpos(plan, 'combine_agg(') = 0 THEN
        RETURN 'pushed down';
    END IF;
    RETURN 'unknown';
END
$$;

-- One check: the distributed answer equals the local one, and the plan
-- computes agg where expected ('partial' matches either form).
CREATE FUNCTION csm_test.check(label text, agg regprocedure, dist_query text, local_query text,
                               expected text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    dist_answer text;
    local_answer text;
    kind text;
BEGIN
    local_answer := csm_test.answer(local_query);
    BEGIN
        dist_answer := csm_test.answer(dist_query);
        kind := csm_test.plan_kind(csm_test.plan(dist_query), agg);
    EXCEPTION WHEN OTHERS THEN
        RETURN format('FAIL %s: %s', label, SQLERRM);
    END;
    IF local_answer IS NULL THEN
        RETURN format('FAIL %s: no rows', label);
    ELSIF dist_answer IS DISTINCT FROM local_answer THEN
        RETURN format('FAIL %s: distributed answer differs from the local one: %s',
                      label, left(dist_answer, 200));
    ELSIF NOT (kind = expected OR kind LIKE expected || ' (%)') THEN
        RETURN format('FAIL %s: plan is %s, expected %s: %s', label, kind, expected, dist_query);
    END IF;
    RETURN format('PASS %s: equal to local, %s', label, kind);
END
$$;

RESET citus.enable_ddl_propagation;

-- The calls tested, numbered; src 'tickets' or 'daily'.
CREATE TABLE csm_test.cases (n serial, agg regprocedure, src text, call text);

INSERT INTO csm_test.cases (agg, src, call)
SELECT agg, 'tickets', csm_test.find_call(agg, 'tickets', 'tickets_local')
FROM csm_test.aggregates
ORDER BY agg::text;

SELECT format('INFO %s aggregates and overloads in csmetrics', count(*)) FROM csm_test.aggregates;

-- CREATE EXTENSION csmetrics ran on the coordinator only (setup.sql).
SELECT CASE WHEN count(*) FILTER (WHERE success AND result = e.extversion) = 2
            THEN format('PASS Citus created csmetrics %s on both workers', e.extversion)
            ELSE format('FAIL csmetrics on the workers: %s', string_agg(result, ', ')) END
FROM run_command_on_workers($$SELECT extversion FROM pg_extension WHERE extname = 'csmetrics'$$),
     pg_extension e
WHERE e.extname = 'csmetrics'
GROUP BY e.extversion;
SELECT format('INFO csmetrics is a Citus distributed object (copied to nodes added later): %s',
              EXISTS (SELECT FROM pg_dist_object WHERE classid = 'pg_extension'::regclass
                      AND objid = (SELECT oid FROM pg_extension WHERE extname = 'csmetrics')));

-- Daily summaries of every type the ticket aggregates return, distributed
-- by customer_id and colocated with tickets_dist: INSERT ... SELECT runs on
-- the workers. The local twin is filled from tickets_local.
SELECT format('CREATE TABLE %I (day date, customer_id bigint, channel text%s)', t,
              string_agg(format(', s%s %s', c.n, a.rettype), '' ORDER BY c.n))
FROM csm_test.cases c
JOIN csm_test.aggregates a USING (agg)
CROSS JOIN (VALUES ('daily_local'), ('daily_dist'), ('daily_by_channel')) AS v(t)
WHERE c.call IS NOT NULL AND a.rettype IN (SELECT type FROM csm_test.types)
GROUP BY t
\gexec
SELECT create_distributed_table('daily_dist', 'customer_id', colocate_with => 'tickets_dist') \g /dev/null
SELECT create_distributed_table('daily_by_channel', 'channel', colocate_with => 'none') \g /dev/null

CREATE TABLE csm_test.inserts AS
SELECT t, format('INSERT INTO %s SELECT created_at::date, %s, channel%s FROM %s GROUP BY %s',
                 t, k, string_agg(', ' || c.call, '' ORDER BY c.n), f, g) AS sql
FROM csm_test.cases c
JOIN csm_test.aggregates a USING (agg)
CROSS JOIN (VALUES ('daily_local', 'customer_id', 'tickets_local', '1, 2, 3'),
                   ('daily_dist', 'customer_id', 'tickets_dist', '1, 2, 3'),
                   ('daily_by_channel', 'NULL', 'tickets_dist', '1, 3')) AS v(t, k, f, g)
WHERE c.call IS NOT NULL AND a.rettype IN (SELECT type FROM csm_test.types)
GROUP BY t, k, f, g;

-- Colocated, and grouped by the distribution column: the workers run the
-- whole INSERT ... SELECT, shard to shard. Into daily_by_channel (by day
-- and channel, distributed by channel) Citus must bring the groups together
-- first: the method EXPLAIN shows is printed for docs/scale-out.md.
SELECT CASE WHEN p ~ 'Query: INSERT INTO public.daily_dist_\d+ ' AND p !~ 'INSERT/SELECT method'
            THEN 'PASS INSERT ... SELECT into the colocated daily_dist runs on the workers'
            ELSE 'FAIL INSERT ... SELECT into the colocated daily_dist is not pushed down: ' || p END
FROM (SELECT csm_test.plan(sql) AS p FROM csm_test.inserts WHERE t = 'daily_dist') AS x;
SELECT 'INFO INSERT ... SELECT into daily_by_channel: ' || coalesce(substring(p FROM 'INSERT/SELECT method: [a-z ]+'), p)
FROM (SELECT csm_test.plan(sql) AS p FROM csm_test.inserts WHERE t = 'daily_by_channel') AS x;
SELECT sql FROM csm_test.inserts ORDER BY t \gexec
ANALYZE daily_local, daily_dist, daily_by_channel;
-- Candidates for the aggregates over summaries: the daily columns.
INSERT INTO csm_test.candidates (src, type, ord, expr)
SELECT 'daily', a.rettype, c.n, 's' || c.n
FROM csm_test.cases c
JOIN csm_test.aggregates a USING (agg)
WHERE c.call IS NOT NULL AND a.rettype IN (SELECT type FROM csm_test.types);

UPDATE csm_test.cases SET src = 'daily', call = csm_test.find_call(agg, 'daily', 'daily_local')
WHERE call IS NULL;

-- Every aggregate has a call.
SELECT CASE WHEN call IS NULL
            THEN format('FAIL %s: no argument expressions found (add candidates for its argument types)', agg)
            ELSE format('PASS %s: called as %s', agg, call) END
FROM csm_test.cases ORDER BY n;

-- The shapes: grouped by a non-distribution column, by the distribution
-- column (the whole aggregate on the workers) and not grouped, each with and
-- without FILTER; and as a window function partitioned by the distribution
-- column.
SET citus.enable_ddl_propagation = off;
CREATE TABLE csm_test.shapes (src text, label text, g text, expected text);
INSERT INTO csm_test.shapes VALUES
    ('tickets', 'by team', 'team', 'partial'),
    ('tickets', 'by customer_id', 'customer_id', 'pushed down'),
    ('tickets', 'no GROUP BY', NULL, 'partial'),
    ('daily', 'by month', $$date_trunc('month', day)$$, 'partial'),
    ('daily', 'by channel', 'channel', 'partial'),
    ('daily', 'by customer_id', 'customer_id', 'pushed down'),
    ('daily', 'no GROUP BY', NULL, 'partial');

SELECT csm_test.check(
           format('%s %s%s', c.agg, s.label, CASE WHEN f.filter <> '' THEN ' with FILTER' ELSE '' END),
           c.agg,
           format('SELECT %s AS g, %s%s AS r FROM %s%s', coalesce(s.g, '0'), c.call, f.filter,
                  t.dist, CASE WHEN s.g IS NOT NULL THEN ' GROUP BY 1' ELSE '' END),
           format('SELECT %s AS g, %s%s AS r FROM %s%s', coalesce(s.g, '0'), c.call, f.filter,
                  t.local, CASE WHEN s.g IS NOT NULL THEN ' GROUP BY 1' ELSE '' END),
           s.expected)
FROM csm_test.cases c
JOIN csm_test.shapes s USING (src)
JOIN (VALUES ('tickets', 'tickets_dist', 'tickets_local', 'id'),
             ('daily', 'daily_dist', 'daily_local', 'day, channel')) AS t(src, dist, local, ord) USING (src)
CROSS JOIN (VALUES (''), ($$ FILTER (WHERE channel <> 'email')$$)) AS f(filter)
WHERE c.call IS NOT NULL
ORDER BY c.n, s.label, f.filter;

SELECT csm_test.check(
           format('%s as a window function partitioned by customer_id', c.agg),
           c.agg,
           format($q$SELECT customer_id || ' ' || %s AS g,
                            %s OVER (PARTITION BY customer_id ORDER BY %s ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS r
                     FROM %s$q$, t.key, c.call, t.ord, t.dist),
           format($q$SELECT customer_id || ' ' || %s AS g,
                            %s OVER (PARTITION BY customer_id ORDER BY %s ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS r
                     FROM %s$q$, t.key, c.call, t.ord, t.local),
           'pushed down')
FROM csm_test.cases c
JOIN (VALUES ('tickets', 'tickets_dist', 'tickets_local', 'id', 'id'),
             ('daily', 'daily_dist', 'daily_local', 'day || '' '' || channel', 'day, channel'))
     AS t(src, dist, local, key, ord) USING (src)
WHERE c.call IS NOT NULL
ORDER BY c.n;

-- Stored daily summaries rolled up on the coordinator equal the aggregate
-- over every ticket: each summary column, by month and by channel, from the
-- colocated table and from the one distributed by channel.
SELECT csm_test.check(
           format('%s of daily %s (%s) %s, from %s', r.agg, 's' || c.n, c.call, s.label, d.t),
           r.agg,
           format('SELECT %s AS g, %s(s%s) AS r FROM %s GROUP BY 1', s.daily_g, r.call_name, c.n, d.t),
           format('SELECT %s AS g, %s AS r FROM tickets_local GROUP BY 1', s.tickets_g, c.call),
           CASE WHEN (d.t, s.label) = ('daily_by_channel', 'by channel') THEN 'pushed down' ELSE 'partial' END)
FROM csm_test.cases c
JOIN csm_test.aggregates a USING (agg)
JOIN LATERAL (SELECT g.agg, format('%I.%I', g.nspname, g.proname) AS call_name
              FROM csm_test.aggregates g
              WHERE g.argtypes = ARRAY[a.rettype::oid] AND g.rettype = a.rettype
              ORDER BY g.agg::text LIMIT 1) AS r ON true
JOIN csm_test.types ty ON ty.type = a.rettype
CROSS JOIN (VALUES ('by month', $$date_trunc('month', day)$$, $$date_trunc('month', created_at::date)$$),
                   ('by channel', 'channel', 'channel')) AS s(label, daily_g, tickets_g)
CROSS JOIN (VALUES ('daily_dist'), ('daily_by_channel')) AS d(t)
WHERE c.src = 'tickets' AND c.call IS NOT NULL
ORDER BY c.n, s.label, d.t;

-- business_duration inside an aggregate, with each team's calendar from a
-- reference table joined to the distributed tickets.
SELECT csm_test.check(
           format('duration_agg(business_duration(...)) with calendars from a reference table %s', s.label),
           'duration_agg(interval)'::regprocedure,
           format($q$SELECT %s AS g, duration_agg(business_duration(t.created_at, t.first_reply_at, c.calendar)) AS r
                     FROM tickets_dist t JOIN calendars_ref c ON c.team = t.team%s$q$, s.g, s.group_by),
           format($q$SELECT %s AS g, duration_agg(business_duration(t.created_at, t.first_reply_at, c.calendar)) AS r
                     FROM tickets_local t JOIN calendars_local c ON c.team = t.team%s$q$, s.g, s.group_by),
           s.expected)
FROM (VALUES ('by channel', 't.channel', ' GROUP BY 1', 'partial'),
             ('by customer_id', 't.customer_id', ' GROUP BY 1', 'pushed down'),
             ('with no GROUP BY', '0', '', 'partial')) AS s(label, g, group_by, expected);

-- p_value of two FILTERed aggregates (first and second half of 2025), for
-- every summary type that has a p_value.
SELECT csm_test.check(
           format('p_value(%s FILTER (...), %s FILTER (...)) %s', c.agg, c.agg, s.label),
           c.agg,
           format($q$SELECT %s AS g, %I.p_value(%s FILTER (WHERE created_at < '2025-07-01'),
                                             %s FILTER (WHERE created_at >= '2025-07-01')) AS r
                     FROM tickets_dist%s$q$, s.g, a.nspname, c.call, c.call, s.group_by),
           format($q$SELECT %s AS g, %I.p_value(%s FILTER (WHERE created_at < '2025-07-01'),
                                             %s FILTER (WHERE created_at >= '2025-07-01')) AS r
                     FROM tickets_local%s$q$, s.g, a.nspname, c.call, c.call, s.group_by),
           s.expected)
FROM csm_test.cases c
JOIN csm_test.aggregates a USING (agg)
CROSS JOIN (VALUES ('by team', 'team', ' GROUP BY 1', 'partial'),
                   ('by customer_id', 'customer_id', ' GROUP BY 1', 'pushed down'),
                   ('with no GROUP BY', '0', '', 'partial')) AS s(label, g, group_by, expected)
WHERE c.src = 'tickets' AND c.call IS NOT NULL
  AND EXISTS (SELECT FROM pg_proc p
              WHERE p.proname = 'p_value' AND p.pronamespace = a.nspname::regnamespace
                AND ARRAY(SELECT unnest(p.proargtypes::oid[])) = ARRAY[a.rettype::oid, a.rettype::oid])
ORDER BY c.n, s.label;

-- The plan check sees rows pulled to the coordinator: DISTINCT and ORDER BY
-- inside an aggregate, which Citus cannot aggregate partially.
SET citus.coordinator_aggregation_strategy = 'row-gather';
SELECT CASE WHEN k = 'rows pulled' THEN format('PASS %s pulls rows to the coordinator, and the plan check sees it', q)
            ELSE format('FAIL %s: plan check says %s', q, k) END
FROM (VALUES ('SELECT team, nps_agg(DISTINCT nps_score) FROM tickets_dist GROUP BY team'),
             ('SELECT team, nps_agg(nps_score ORDER BY id) FROM tickets_dist GROUP BY team')) AS v(q),
     LATERAL csm_test.plan_kind(csm_test.plan(q), 'nps_agg(integer)') AS k;
SET citus.coordinator_aggregation_strategy = 'disabled';

-- For docs/scale-out.md: a plan of each kind.
SELECT 'INFO plan | ' || line
FROM regexp_split_to_table(
         csm_test.plan($$SELECT team, nps_agg(nps_score) FILTER (WHERE channel <> 'email'), csat_agg(csat_rating, 5),
                                aht(talk, hold, wrap_up)
                         FROM tickets_dist GROUP BY team$$)
         || csm_test.plan('SELECT customer_id, nps_agg(nps_score) FROM tickets_dist GROUP BY customer_id'),
         E'\n') AS line
WHERE line <> '';

-- For docs/scale-out.md: how often the workers compute two identical calls,
-- and what EXPLAIN ANALYZE of a partial aggregate does.
SELECT format('INFO nps(nps_agg(x)), responses(nps_agg(x)): the workers'' query computes %s partial aggregate(s)',
              (SELECT count(*) FROM regexp_matches(q, 'partial_agg\(', 'g')))
FROM (SELECT substring(csm_test.plan('SELECT nps(nps_agg(nps_score)), responses(nps_agg(nps_score)) FROM tickets_dist')
                       FROM 'Query: [^\n]*') AS q) AS x;
SELECT format('INFO nps(s), responses(s) FROM (SELECT nps_agg(x) AS s ...): the workers'' queries compute %s partial aggregate(s)',
              (SELECT count(*) FROM regexp_matches(q, 'partial_agg\(', 'g')))
FROM (SELECT string_agg(m[1], E'\n') AS q
      FROM regexp_matches(csm_test.plan('SELECT nps(s), responses(s) FROM (SELECT nps_agg(nps_score) AS s FROM tickets_dist) AS q'),
                          'Query: ([^\n]*)', 'g') AS m) AS x;
SET citus.enable_ddl_propagation = off;
CREATE FUNCTION csm_test.explain_analyze(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
    END LOOP;
    RETURN 'runs';
EXCEPTION WHEN OTHERS THEN
    RETURN 'fails: ' || SQLERRM;
END
$$;
CREATE FUNCTION csm_test.try_plan(query text, agg regprocedure) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN csm_test.plan_kind(csm_test.plan(query), agg);
EXCEPTION WHEN OTHERS THEN
    RETURN 'error: ' || SQLERRM;
END
$$;
SET citus.coordinator_aggregation_strategy = 'row-gather';
SELECT format('INFO a window not partitioned by the distribution column, %s: %s', q, csm_test.try_plan(q, 'nps_agg(integer)'))
FROM (VALUES ('SELECT team, nps_agg(nps_score) OVER (PARTITION BY team) FROM tickets_dist')) AS v(q);
SET citus.coordinator_aggregation_strategy = 'disabled';
-- What docs/scale-out.md recommends instead: aggregate per day and channel
-- (partial on the workers), then the window over those rows.
SELECT csm_test.check('rolling 7-day NPS per channel: window over a daily subquery', 'nps_agg(integer)',
                      format(q, 'tickets_dist'), format(q, 'tickets_local'), 'partial')
FROM (VALUES ($$SELECT day || ' ' || channel AS g,
                       nps(rollup(s) OVER (PARTITION BY channel ORDER BY day ROWS 6 PRECEDING)) AS r
                FROM (SELECT created_at::date AS day, channel, nps_agg(nps_score) AS s
                      FROM %s GROUP BY 1, 2) AS daily$$)) AS v(q);
SELECT format('INFO EXPLAIN ANALYZE of %s: %s', q, csm_test.explain_analyze(q))
FROM (VALUES ('SELECT team, nps_agg(nps_score) FROM tickets_dist GROUP BY 1'),
             ('SELECT customer_id, nps_agg(nps_score) FROM tickets_dist GROUP BY 1')) AS v(q);
