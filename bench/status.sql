-- csmetrics status-history benchmark body; run by bench/status.sh with
-- -v tickets=N -v runs=K.
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION csmetrics;
SET jit = off;

\echo '--- generating' :tickets 'tickets'
SELECT FROM setseed(0.5);
-- Each ticket: new, then 5 more changes drawn from open/pending/hold/solved
-- (a few reopen), minutes to days apart; rows arrive in time order across
-- tickets, as a helpdesk writes them.
CREATE UNLOGGED TABLE status_history AS
SELECT ticket_id, status, changed_at
FROM (
    SELECT t AS ticket_id, k,
           CASE WHEN k = 1 THEN 'new'
                ELSE (ARRAY['open', 'pending', 'open', 'hold', 'solved', 'open'])[1 + floor(random() * 6)::int] END AS status,
           timestamptz '2025-01-01 00:00+00' + (t % 500000) * interval '1 minute'
               + sum(exp(random() * ln(86400 * 3))) OVER (PARTITION BY t ORDER BY k) * interval '1 second' AS changed_at
    FROM generate_series(1, :tickets) t, generate_series(1, 6) k
) h
ORDER BY changed_at;
VACUUM ANALYZE status_history;
SELECT count(*) AS rows, pg_size_pretty(pg_relation_size('status_history')) AS table_size FROM status_history;
SELECT FROM (SELECT count(*) FROM status_history) warm;

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

-- The same answers first: requester wait (new, open, hold), pending and on-hold time per ticket.
CREATE TEMP TABLE check_ours AS
SELECT ticket_id, time_in(s, ARRAY['new', 'open', 'hold']) AS wait, time_in(s, 'pending') AS pending, time_in(s, 'hold') AS on_hold
FROM (SELECT ticket_id, status_agg(changed_at, status) AS s FROM status_history GROUP BY ticket_id) a;
CREATE TEMP TABLE check_lead AS
SELECT ticket_id, coalesce(sum(seg) FILTER (WHERE status IN ('new', 'open', 'hold')), '0') AS wait,
       coalesce(sum(seg) FILTER (WHERE status = 'pending'), '0') AS pending,
       coalesce(sum(seg) FILTER (WHERE status = 'hold'), '0') AS on_hold
FROM (SELECT ticket_id, status, lead(changed_at) OVER (PARTITION BY ticket_id ORDER BY changed_at, status COLLATE "C") - changed_at AS seg
      FROM status_history) s
GROUP BY ticket_id;
SELECT count(*) AS tickets, count(*) FILTER (WHERE (o.wait, o.pending, o.on_hold) IS DISTINCT FROM (l.wait, l.pending, l.on_hold)) AS disagree
FROM check_ours o JOIN check_lead l USING (ticket_id);
DROP TABLE check_ours, check_lead;

CREATE TEMP TABLE results (ord int, mode text, query text, ms numeric);
CREATE FUNCTION pg_temp.time_all(mode text, runs int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    names text[] := ARRAY['count(*) GROUP BY ticket_id', 'status_agg + 3 time_in', 'lead() window query',
                          'status_agg + 3 time_in, business hours'];
    m numeric[];
BEGIN
    m := pg_temp.median_ms_interleaved(ARRAY[
        'SELECT max(n) FROM (SELECT ticket_id, count(*) AS n FROM status_history GROUP BY ticket_id) x',
        'SELECT max(wait), max(pending), max(on_hold) FROM (
             SELECT ticket_id, time_in(s, ARRAY[''new'', ''open'', ''hold'']) AS wait, time_in(s, ''pending'') AS pending,
                    time_in(s, ''hold'') AS on_hold
             FROM (SELECT ticket_id, status_agg(changed_at, status) AS s FROM status_history GROUP BY ticket_id) a) x',
        'SELECT max(wait), max(pending), max(on_hold) FROM (
             SELECT ticket_id, sum(seg) FILTER (WHERE status IN (''new'', ''open'', ''hold'')) AS wait,
                    sum(seg) FILTER (WHERE status = ''pending'') AS pending, sum(seg) FILTER (WHERE status = ''hold'') AS on_hold
             FROM (SELECT ticket_id, status, lead(changed_at) OVER (PARTITION BY ticket_id ORDER BY changed_at, status COLLATE "C") - changed_at AS seg
                   FROM status_history) s
             GROUP BY ticket_id) x',
        'SELECT max(wait), max(pending), max(on_hold) FROM (
             SELECT ticket_id, time_in(s, ARRAY[''new'', ''open'', ''hold''], c) AS wait, time_in(s, ''pending'', c) AS pending,
                    time_in(s, ''hold'', c) AS on_hold
             FROM (SELECT ticket_id, status_agg(changed_at, status) AS s FROM status_history GROUP BY ticket_id) a,
                  (SELECT ''mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-04-18 2025-04-21 2025-05-01''::business_calendar AS c) cal) x'
    ], runs);
    FOR q IN 1 .. 4 LOOP
        INSERT INTO results VALUES (q, mode, names[q], m[q]);
    END LOOP;
END $$;

SET max_parallel_workers_per_gather = 0;
\echo '--- serial runs'
SELECT FROM pg_temp.time_all('serial', :runs);
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
\echo '--- parallel runs (2 workers)'
SELECT FROM pg_temp.time_all('parallel', :runs);

\echo
\echo 'Median time in ms (JIT off); ratios against queries measured in the same run'
SELECT r.mode, r.query, r.ms,
       round(r.ms / c.ms, 2) AS vs_count,
       round(r.ms / l.ms, 2) AS vs_lead,
       CASE WHEN r.ord = 4 THEN round(r.ms / s.ms, 2) END AS vs_calendar_time
FROM results r
JOIN results c ON c.mode = r.mode AND c.ord = 1
JOIN results l ON l.mode = r.mode AND l.ord = 3
JOIN results s ON s.mode = r.mode AND s.ord = 2
ORDER BY r.mode DESC, r.ord;
