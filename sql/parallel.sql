-- Every aggregate gives identical answers in serial and forced parallel
-- plans (partial aggregates in workers merged by the combine functions).

CREATE TABLE par AS
SELECT i, i % 3 AS g,
       CASE WHEN hashint4(i) % 5 <> 0 THEN abs(hashint4(i * 3)) % 11 END AS score,
       CASE WHEN hashint4(i * 7) % 4 <> 0 THEN 1 + abs(hashint4(i * 11)) % 5 END AS rating,
       CASE WHEN hashint4(i * 13) % 6 <> 0 THEN hashint4(i * 17) % 10 < 7 END AS resolved,
       hashint4(i * 19) % 10 < 9 AS eligible,
       make_interval(secs => abs(hashint4(i * 23)) % 1000000 / 1000.0) AS handle
FROM generate_series(1, 200000) i;
ANALYZE par;

CREATE VIEW par_metrics AS
SELECT g, nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, csat_agg(rating > 3) AS thumbs_s,
       rate_agg(resolved) AS rate_s, fcr_rate(resolved) AS fcr, fcr_rate(resolved, eligible) AS fcr_eligible,
       aht(handle) AS aht_interval, aht(handle, handle, '0'::interval) AS aht_parts,
       aht(extract(epoch FROM handle)::float8) AS aht_seconds, duration_agg(handle) AS duration_s
FROM par GROUP BY g;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_answers AS SELECT * FROM par_metrics;
CREATE TABLE serial_rollup AS
SELECT rollup(nps_s) AS nps_s, rollup(csat_s) AS csat_s, rollup(rate_s) AS rate_s,
       rollup(duration_s) AS duration_s FROM serial_answers;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT * FROM par_metrics;

SELECT g, s.nps_s = p.nps_s AS nps, s.csat_s = p.csat_s AS csat, s.thumbs_s = p.thumbs_s AS thumbs,
       s.rate_s = p.rate_s AS rate, s.fcr = p.fcr AS fcr, s.fcr_eligible = p.fcr_eligible AS fcr_eligible,
       s.aht_interval = p.aht_interval AS aht, s.aht_parts = p.aht_parts AS aht_parts,
       s.aht_seconds = p.aht_seconds AS aht_seconds, s.duration_s = p.duration_s AS duration,
       median(s.duration_s) = median(p.duration_s) AS median
FROM serial_answers s JOIN par_metrics p USING (g) ORDER BY g;

-- rollup over many stored summaries, in parallel.
CREATE TABLE many_summaries AS
SELECT nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, rate_agg(resolved) AS rate_s,
       duration_agg(handle) AS duration_s
FROM par GROUP BY i % 20000;
ANALYZE many_summaries;
EXPLAIN (COSTS OFF) SELECT rollup(nps_s), rollup(csat_s), rollup(rate_s), rollup(duration_s) FROM many_summaries;
SELECT rollup(m.nps_s) = (SELECT nps_s FROM serial_rollup) AS nps,
       rollup(m.csat_s) = (SELECT csat_s FROM serial_rollup) AS csat,
       rollup(m.rate_s) = (SELECT rate_s FROM serial_rollup) AS rate,
       rollup(m.duration_s) = (SELECT duration_s FROM serial_rollup) AS duration
FROM many_summaries m;

-- Counters near 2^63 in a parallel plan: the worker whose partial state
-- passes 2^63 - 1 raises the error; nothing wraps.
CREATE TABLE near_limit AS
SELECT CASE WHEN i <= 2000 THEN 'nps v1 promoters=4611686018427387904 passives=0 detractors=0'
            ELSE 'nps v1 promoters=0 passives=0 detractors=0' END::nps_summary AS s,
       CASE WHEN i <= 2000 THEN 'rate v1 hits=0 trials=4611686018427387904'
            ELSE 'rate v1 hits=0 trials=0' END::rate_summary AS r
FROM generate_series(1, 40000) i;
ANALYZE near_limit;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM near_limit;
SELECT rollup(s) FROM near_limit;
SELECT rollup(r) FROM near_limit;

-- Errors raised in workers reach the client unchanged.
INSERT INTO par (i, g, score) VALUES (0, 0, 42);
SELECT nps(nps_agg(score)) FROM par;
RESET ALL;
