-- csmetrics benchmark body; run by bench/run.sh with -v rows=N -v runs=K.
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION csmetrics;
SET jit = off;

\echo '--- generating' :rows 'tickets'
SELECT FROM setseed(0.5);
CREATE UNLOGGED TABLE tickets AS
SELECT i AS id,
       CASE WHEN random() < 0.75 THEN NULL ELSE floor(random() * 11)::int END AS nps_score,
       CASE WHEN random() < 0.70 THEN NULL ELSE 1 + floor(random() * 5)::int END AS rating,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() < 0.7 END AS resolved_first_contact,
       make_interval(secs => 30 + random() * 900) AS handle_time,
       make_interval(secs => exp(ln(60) + random() * ln(10080))) AS first_response
FROM generate_series(1, :rows) i;
VACUUM ANALYZE tickets;
\echo '--- table size:' `date -u +%FT%TZ`
SELECT pg_size_pretty(pg_relation_size('tickets')) AS table_size;
-- Warm the cache.
SELECT FROM (SELECT count(*) FROM tickets) warm;

-- Median wall time in ms of running sql `runs` times.
CREATE FUNCTION pg_temp.median_ms(sql text, runs int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    times float8[] := '{}';
    t0 timestamptz;
BEGIN
    EXECUTE sql;   -- warm-up, not timed
    FOR i IN 1 .. runs LOOP
        t0 := clock_timestamp();
        EXECUTE sql;
        times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
    END LOOP;
    RETURN round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t)::numeric, 1);
END $$;

-- Median ms of each of several queries, timed in turn within every run so
-- that drift on a shared machine hits them alike.
CREATE FUNCTION pg_temp.median_ms_interleaved(sqls text[], runs int) RETURNS numeric[] LANGUAGE plpgsql AS $$
DECLARE
    times float8[] := array_fill(NULL::float8, ARRAY[array_length(sqls, 1), runs]);
    medians numeric[] := '{}';
    t0 timestamptz;
BEGIN
    FOR q IN 1 .. array_length(sqls, 1) LOOP
        EXECUTE sqls[q];   -- warm-up, not timed
    END LOOP;
    FOR i IN 1 .. runs LOOP
        FOR q IN 1 .. array_length(sqls, 1) LOOP
            t0 := clock_timestamp();
            EXECUTE sqls[q];
            times[q][i] := extract(epoch FROM clock_timestamp() - t0) * 1000;
        END LOOP;
    END LOOP;
    FOR q IN 1 .. array_length(sqls, 1) LOOP
        medians := medians || (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY times[q][i])::numeric, 1)
                               FROM generate_series(1, runs) i);
    END LOOP;
    RETURN medians;
END $$;

CREATE TEMP TABLE cases (ord int, metric text, csmetrics text, floor_sql text, plain_sql text);
INSERT INTO cases VALUES
(1, 'nps_agg', 'SELECT nps(nps_agg(nps_score)) FROM tickets',
    'SELECT count(nps_score) FROM tickets',
    'SELECT 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / count(nps_score) FROM tickets'),
(2, 'csat_agg', 'SELECT csat(csat_agg(rating)) FROM tickets',
    'SELECT count(rating) FROM tickets',
    'SELECT 100.0 * count(*) FILTER (WHERE rating >= 4) / count(rating) FROM tickets'),
(3, 'fcr_rate', 'SELECT fcr_rate(resolved_first_contact) FROM tickets',
    'SELECT count(resolved_first_contact) FROM tickets',
    'SELECT 100.0 * count(*) FILTER (WHERE resolved_first_contact) / count(resolved_first_contact) FROM tickets'),
(4, 'aht', 'SELECT aht(handle_time) FROM tickets',
    'SELECT count(handle_time) FROM tickets',
    'SELECT avg(handle_time) FROM tickets'),
(5, 'median(duration_agg)', 'SELECT median(duration_agg(first_response)) FROM tickets',
    'SELECT count(first_response) FROM tickets',
    'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response) FROM tickets');

CREATE TEMP TABLE results (ord int, mode text, metric text, csm numeric, floor numeric, plain numeric);

-- The slow percentile_cont baseline is timed on its own, with fewer runs.
CREATE FUNCTION pg_temp.time_cases(mode text, runs int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c record;
    m numeric[];
BEGIN
    FOR c IN SELECT * FROM cases ORDER BY ord LOOP
        IF c.ord = 5 THEN
            m := pg_temp.median_ms_interleaved(ARRAY[c.csmetrics, c.floor_sql], runs)
                 || pg_temp.median_ms(c.plain_sql, greatest(1, runs / 2));
        ELSE
            m := pg_temp.median_ms_interleaved(ARRAY[c.csmetrics, c.floor_sql, c.plain_sql], runs);
        END IF;
        INSERT INTO results VALUES (c.ord, mode, c.metric, m[1], m[2], m[3]);
    END LOOP;
END $$;

SET max_parallel_workers_per_gather = 0;
\echo '--- serial runs'
SELECT FROM pg_temp.time_cases('serial', :runs);

SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
\echo '--- parallel runs (2 workers)'
SELECT FROM pg_temp.time_cases('parallel', :runs);

\echo
\echo 'Median time in ms (JIT off); ratios are csmetrics / baseline measured in the same run'
SELECT mode, metric, csm AS csmetrics_ms, floor AS count_col_ms, plain AS plain_sql_ms,
       round(csm / floor, 2) AS vs_count, round(csm / plain, 2) AS vs_plain_sql
FROM results ORDER BY mode DESC, ord;

-- Peak memory of a GROUP BY with 100,000 groups (HashAggregate, forced:
-- duration_agg declares states of up to 8 kB, so at this work_mem the
-- planner would sort instead).
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;
CREATE FUNCTION pg_temp.peak_kb(sql text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || sql INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Peak Memory Usage')::bigint;
END $$;
\echo
\echo 'Peak memory of GROUP BY id % 100000 (100,000 groups), kB'
SELECT metric, pg_temp.peak_kb(q) AS peak_kb FROM (VALUES
    (1, 'count(nps_score)', 'SELECT id % 100000, count(nps_score) FROM tickets GROUP BY 1'),
    (2, 'nps_agg', 'SELECT id % 100000, nps(nps_agg(nps_score)) FROM tickets GROUP BY 1'),
    (3, 'nps plain SQL', 'SELECT id % 100000, 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / nullif(count(nps_score), 0) FROM tickets GROUP BY 1'),
    (4, 'csat_agg', 'SELECT id % 100000, csat(csat_agg(rating)) FROM tickets GROUP BY 1'),
    (5, 'aht', 'SELECT id % 100000, aht(handle_time) FROM tickets GROUP BY 1'),
    (6, 'avg(interval)', 'SELECT id % 100000, avg(handle_time) FROM tickets GROUP BY 1'),
    (7, 'median(duration_agg)', 'SELECT id % 100000, median(duration_agg(first_response)) FROM tickets GROUP BY 1')
) v(ord, metric, q) ORDER BY ord;
RESET enable_sort;

-- duration_summary: stored, binary and text sizes, and the aggregate's
-- state (its transition function alone) against the summary it returns.
CREATE AGGREGATE pg_temp.duration_state(interval) (
    SFUNC = duration_agg_trans, STYPE = duration_summary,
    INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=');
SELECT FROM setseed(0.25);
CREATE TEMP TABLE month_spread AS
SELECT make_interval(secs => exp(random() * ln(2592000))) AS d FROM generate_series(1, 10000);
CREATE TEMP TABLE decade_spread AS
SELECT make_interval(secs => exp(ln(1e-6) + random() * ln(3.15576e14))) AS d FROM generate_series(1, 1000000);
\echo
\echo 'duration_summary sizes in bytes (text in characters); state = the transition state before the final function'
SELECT input, pg_column_size(s) AS stored, length(duration_summary_send(s)) AS binary,
       length(s::text) AS text, round(length(s::text)::numeric / length(duration_summary_send(s)), 2) AS text_vs_binary,
       state, round(state::numeric / pg_column_size(s), 2) AS state_vs_stored
FROM (SELECT 1 AS ord, '10,000 log-uniform, 1 s to 30 days' AS input, duration_agg(d) AS s, pg_column_size(pg_temp.duration_state(d)) AS state FROM month_spread
      UNION ALL
      SELECT 2, '1,000,000 log-uniform, 1 us to 10 years', duration_agg(d), pg_column_size(pg_temp.duration_state(d)) FROM decade_spread
      UNION ALL
      SELECT 3, 'all first_response (1 min to 7 days)', duration_agg(first_response), pg_column_size(pg_temp.duration_state(first_response)) FROM tickets
      UNION ALL
      SELECT 4, '100 first_response', duration_agg(first_response), pg_column_size(pg_temp.duration_state(first_response)) FROM tickets WHERE id <= 100) t
ORDER BY ord;

-- A hash aggregate of 100,000 groups of widely spread durations with a
-- small work_mem: PostgreSQL checks memory only when it creates a group, so
-- the groups it holds must fit when full grown; the aggregate's SSPACE
-- tells it how large that may be.  HashAggregate is forced (enable_sort =
-- off) to show its memory; Memory Usage is the peak, hash table included.
CREATE UNLOGGED TABLE spread AS
SELECT id % 100000 AS g, make_interval(secs => exp(ln(1e-6) + random() * ln(3.15576e14))) AS d
FROM generate_series(1, :rows) id;
VACUUM ANALYZE spread;
SET work_mem = '4MB';
SET enable_sort = off;
SET max_parallel_workers_per_gather = 0;
\echo
\echo 'GROUP BY of 100,000 groups of durations from 1 us to 10 years, work_mem = 4MB (hash_mem_multiplier 2)'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT g, median(duration_agg(d)) FROM spread GROUP BY g;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT g, count(d) FROM spread GROUP BY g;
RESET enable_sort;
RESET work_mem;

-- rollup over 100,000 stored daily summaries.
CREATE TEMP TABLE daily AS
SELECT id % 100000 AS day, nps_agg(nps_score) AS nps_s, csat_agg(rating) AS csat_s,
       rate_agg(resolved_first_contact) AS fcr_s, duration_agg(first_response) AS response_s
FROM tickets GROUP BY 1;
ANALYZE daily;
SET max_parallel_workers_per_gather = 0;
\echo
\echo 'rollup over 100,000 stored summaries, serial, median ms'
SELECT metric, pg_temp.median_ms(q, :runs) AS ms FROM (VALUES
    (1, 'nps(rollup(nps_summary))', 'SELECT nps(rollup(nps_s)) FROM daily'),
    (2, 'csat(rollup(csat_summary))', 'SELECT csat(rollup(csat_s)) FROM daily'),
    (3, 'rate(rollup(rate_summary))', 'SELECT rate(rollup(fcr_s)) FROM daily'),
    (4, 'median(rollup(duration_summary))', 'SELECT median(rollup(response_s)) FROM daily')
) v(ord, metric, q) ORDER BY ord;
SELECT pg_size_pretty(avg(pg_column_size(response_s))) AS avg_stored_duration_summary,
       round(avg(duration_count(response_s))) AS durations_per_summary FROM daily;

-- Rolling 7-day metrics over 1,000,000 rows (a year of days): sliding
-- frames use the inverse transition functions, so each row costs O(1).
CREATE TEMP TABLE rolling_src AS
SELECT id, date '2025-01-01' + (id % 365)::int AS day, nps_score, rating, resolved_first_contact, handle_time
FROM tickets WHERE id <= 1000000;
ANALYZE rolling_src;
CREATE AGGREGATE pg_temp.nps_agg_without_inverse(integer) (
    SFUNC = nps_agg_trans, STYPE = nps_summary, INITCOND = 'nps v1 promoters=0 passives=0 detractors=0');
SET max_parallel_workers_per_gather = 0;
\echo
\echo 'Rolling 7-day frames over 1,000,000 rows, serial, median ms'
WITH q(ord, metric, sql) AS (VALUES
    (1, 'count(*) OVER 7-day RANGE', 'SELECT max(c) FROM (SELECT count(*) OVER w AS c FROM rolling_src WINDOW w AS (ORDER BY day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW)) t'),
    (2, 'nps(nps_agg) OVER 7-day RANGE', 'SELECT max(n) FROM (SELECT nps(nps_agg(nps_score) OVER w) AS n FROM rolling_src WINDOW w AS (ORDER BY day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW)) t'),
    (3, 'fcr_rate OVER 7-day RANGE', 'SELECT max(n) FROM (SELECT fcr_rate(resolved_first_contact) OVER w AS n FROM rolling_src WINDOW w AS (ORDER BY day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW)) t'),
    (4, 'aht OVER 7-day RANGE', 'SELECT max(n) FROM (SELECT aht(handle_time) OVER w AS n FROM rolling_src WINDOW w AS (ORDER BY day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW)) t'),
    (5, 'count(*) OVER 2,000 ROWS', 'SELECT max(c) FROM (SELECT count(*) OVER w AS c FROM rolling_src WINDOW w AS (ORDER BY id ROWS BETWEEN 1999 PRECEDING AND CURRENT ROW)) t'),
    (6, 'nps(nps_agg) OVER 2,000 ROWS', 'SELECT max(n) FROM (SELECT nps(nps_agg(nps_score) OVER w) AS n FROM rolling_src WINDOW w AS (ORDER BY id ROWS BETWEEN 1999 PRECEDING AND CURRENT ROW)) t'),
    (7, 'same without inverse, 100,000 rows', 'SELECT max(n) FROM (SELECT nps(pg_temp.nps_agg_without_inverse(nps_score) OVER w) AS n FROM (SELECT * FROM rolling_src WHERE id <= 100000) s WINDOW w AS (ORDER BY id ROWS BETWEEN 1999 PRECEDING AND CURRENT ROW)) t')
)
SELECT metric, pg_temp.median_ms(sql, greatest(1, :runs / 2)) AS ms FROM q ORDER BY ord;

-- Business hours over 1,000,000 tickets: business_duration against the
-- plain difference of the same two timestamps.
CREATE TEMP TABLE replies AS
SELECT timestamptz '2025-01-01 00:00+00' + id * interval '31 seconds' AS created_at,
       timestamptz '2025-01-01 00:00+00' + id * interval '31 seconds' + first_response AS first_reply_at
FROM tickets WHERE id <= 1000000;
ANALYZE replies;
SET max_parallel_workers_per_gather = 0;
\echo
\echo 'Business hours over 1,000,000 tickets, serial, median ms'
SELECT m[1] AS business_duration_ms, m[2] AS finish_minus_start_ms, round(m[1] / m[2], 2) AS ratio
FROM (SELECT pg_temp.median_ms_interleaved(ARRAY[
        'SELECT count(business_duration(created_at, first_reply_at, ''mon-fri 09:00-12:00 13:00-17:00; tz Europe/Berlin; holidays 2025-12-25 2025-12-26'')) FROM replies',
        'SELECT count(first_reply_at - created_at) FROM replies'], :runs) AS m) t;
