-- csmetrics staffing micro-benchmark body; run by bench/staffing.sh with
-- -v calls=N -v runs=K.
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION csmetrics;

-- Median wall time in ms of running sql `runs` times, after one untimed run.
CREATE FUNCTION pg_temp.median_ms(sql text, runs int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    times float8[] := '{}';
    t0 timestamptz;
BEGIN
    EXECUTE sql;
    FOR i IN 1 .. runs LOOP
        t0 := clock_timestamp();
        EXECUTE sql;
        times := times || extract(epoch FROM clock_timestamp() - t0)::float8 * 1000;
    END LOOP;
    RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END $$;

-- Each case counts N calls; the arrivals change by row (i % 7) so that no
-- call is folded into a constant. The baseline is the same scan and count.
CREATE TEMP TABLE cases(ord, name, expr) AS VALUES
    (1, 'agents_needed, 10 erlangs (100 calls / 30 min of 3 min, 80% in 20 s): 14 agents',
        $$agents_needed(100 + i % 7, interval '3 min', interval '30 min', interval '20 s', 80)$$),
    (2, 'agents_needed, 480 erlangs (4,800 calls / h of 6 min, 80% in 20 s): 494 agents',
        $$agents_needed(4800 + i % 7, interval '6 min', interval '1 hour', interval '20 s', 80)$$),
    (3, 'agents_needed, 10,000 erlangs (50,000 calls / h of 12 min, 80% in 20 s): 10,040 agents',
        $$agents_needed(50000 + i % 7, interval '12 min', interval '1 hour', interval '20 s', 80)$$),
    (4, 'erlang_c, 10,000 agents, 9,167 erlangs (50,000 calls / h of 11 min)',
        $$erlang_c(10000, 50000 + i % 7, interval '11 min', interval '1 hour')$$),
    (5, 'service_level, 10,000 agents, 9,167 erlangs',
        $$service_level(10000, 50000 + i % 7, interval '11 min', interval '1 hour', interval '20 s')$$),
    (6, 'average_speed_of_answer, 10,000 agents, 9,167 erlangs',
        $$average_speed_of_answer(10000, 50000 + i % 7, interval '11 min', interval '1 hour')$$),
    (7, 'agents_needed, 100,000,000 erlangs (1e9 calls / h of 6 min): 100,000,029 agents',
        $$agents_needed(1000000000 + i % 7, interval '6 min', interval '1 hour', interval '20 s', 80)$$);

\echo '--- run at' `date -u +%FT%TZ`
SELECT pg_temp.median_ms(format('SELECT count(i %% 7) FROM generate_series(1, %s) i', :calls), :runs) AS baseline_ms
\gset
WITH timed AS (
    SELECT ord, name,
           pg_temp.median_ms(format('SELECT count(%s) FROM generate_series(1, %s) i', expr, :calls), :runs) AS ms
    FROM cases
)
SELECT name AS "case", round(ms::numeric, 1) AS median_ms,
       round(((ms - :baseline_ms) * 1000 / :calls)::numeric, 2) AS us_per_call,
       round(:calls / ((ms - :baseline_ms) / 1000))::bigint AS calls_per_second
FROM timed ORDER BY ord;
SELECT round(:baseline_ms::numeric, 1) AS baseline_ms, :calls AS calls_per_case;
