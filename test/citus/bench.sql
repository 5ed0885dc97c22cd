-- Citus timings for docs/benchmarks.md: a few queries on tickets_dist (two
-- workers, 8 shards, all on this machine) against tickets_local. Run by
-- CSMETRICS_CITUS_BENCH=N bash test/citus/run.sh (N tickets), after
-- setup.sql. Each query runs RUNS times (default 5) alternately on both
-- tables; the median is printed.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'UTC';
\if :{?runs}
\else
\set runs 5
\endif

CREATE TABLE daily_bench_local AS
SELECT created_at::date AS day, customer_id, channel, nps_agg(nps_score) AS nps_s,
       duration_agg(first_reply_at - created_at) AS frt_s
FROM tickets_local GROUP BY 1, 2, 3;
CREATE TABLE daily_bench_dist (LIKE daily_bench_local);
SELECT create_distributed_table('daily_bench_dist', 'customer_id', colocate_with => 'tickets_dist') \g /dev/null
INSERT INTO daily_bench_dist SELECT * FROM daily_bench_local;
VACUUM ANALYZE daily_bench_local, daily_bench_dist;

SET citus.enable_ddl_propagation = off;
CREATE FUNCTION csm_test.time_ms(query text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE query;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END
$$;
RESET citus.enable_ddl_propagation;

CREATE TEMP TABLE bench_queries (n int, label text, query text);
INSERT INTO bench_queries VALUES
    (1, 'nps_agg, csat_agg by team (partial)',
     'SELECT team, nps(nps_agg(nps_score)), csat(csat_agg(csat_rating)) FROM tickets_%s GROUP BY team'),
    (2, 'median(duration_agg) by channel (partial)',
     'SELECT channel, median(duration_agg(first_reply_at - created_at)) FROM tickets_%s GROUP BY channel'),
    (3, 'aht(talk, hold, wrap_up), no GROUP BY (partial)',
     'SELECT aht(talk, hold, wrap_up) FROM tickets_%s'),
    (4, 'nps_agg by customer_id (pushed down)',
     'SELECT customer_id, nps(nps_agg(nps_score)) FROM tickets_%s GROUP BY customer_id'),
    (5, 'rolling nps_agg per customer (window, pushed down)',
     'SELECT customer_id, nps(nps_agg(nps_score) OVER (PARTITION BY customer_id ORDER BY id ROWS 9 PRECEDING)) FROM tickets_%s'),
    (6, 'rollup of daily summaries by month (partial)',
     'SELECT date_trunc(''month'', day), nps(rollup(nps_s)), median(rollup(frt_s)) FROM daily_bench_%s GROUP BY 1');

CREATE TEMP TABLE bench_times (n int, target text, ms float8);
SELECT format($$INSERT INTO bench_times SELECT n, %L, csm_test.time_ms(format(query, %L)) FROM bench_queries$$,
              target, suffix)
FROM generate_series(1, :runs) AS run,
     (VALUES ('distributed', 'dist'), ('local', 'local')) AS v(target, suffix)
ORDER BY run, target
\gexec

\pset footer off
\pset format aligned
SELECT q.label AS query,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) FILTER (WHERE target = 'distributed'))::numeric, 1) AS distributed_ms,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) FILTER (WHERE target = 'local'))::numeric, 1) AS local_ms
FROM bench_times t JOIN bench_queries q USING (n)
GROUP BY q.n, q.label ORDER BY q.n;
