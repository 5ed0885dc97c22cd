-- Scale-out over postgres_fdw: the coordinator's tickets table is partitioned
-- by channel and every partition is a foreign table on one of two shards
-- (email and chat on shard 1, phone and social on shard 2). tickets_local
-- holds the same rows in one ordinary table: the single-database answer.
--
-- Each check adds a row to checks; the script ends by printing one PASS or
-- FAIL line per check. Variables: host, port, user, password (may be empty).

\set ON_ERROR_STOP on
\set QUIET on
\pset footer off
SET timezone = 'UTC';

CREATE EXTENSION postgres_fdw;
-- The coordinator needs csmetrics too: the summary types and the aggregates
-- that combine what the shards send back.
CREATE EXTENSION csmetrics;

-- extensions 'csmetrics' tells postgres_fdw that the shards have the same
-- csmetrics functions, so expressions using them may be shipped.
-- fdw_tuple_cost 0.2 (PostgreSQL 17's default; 15 has 0.01) prices a row
-- fetched over the network high enough that pushing the aggregation down
-- wins once the foreign tables are analyzed.
CREATE SERVER shard_1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'host', port :'port', dbname 'csm_shard_1', extensions 'csmetrics',
             fdw_tuple_cost '0.2', batch_size '1000');
CREATE SERVER shard_2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'host', port :'port', dbname 'csm_shard_2', extensions 'csmetrics',
             fdw_tuple_cost '0.2', batch_size '1000');

SELECT :'password' <> '' AS has_password \gset
\if :has_password
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_1 OPTIONS (user :'user', password :'password');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_2 OPTIONS (user :'user', password :'password');
\else
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_1 OPTIONS (user :'user');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_2 OPTIONS (user :'user');
\endif

CREATE TABLE tickets (
    id              bigint NOT NULL,
    channel         text NOT NULL,
    created_at      timestamptz NOT NULL,
    first_reply_at  timestamptz,
    resolved_at     timestamptz,
    escalated       boolean NOT NULL,
    nps_score       integer,
    csat_rating     integer
) PARTITION BY LIST (channel);
CREATE FOREIGN TABLE tickets_email  PARTITION OF tickets FOR VALUES IN ('email')  SERVER shard_1;
CREATE FOREIGN TABLE tickets_chat   PARTITION OF tickets FOR VALUES IN ('chat')   SERVER shard_1;
CREATE FOREIGN TABLE tickets_phone  PARTITION OF tickets FOR VALUES IN ('phone')  SERVER shard_2;
CREATE FOREIGN TABLE tickets_social PARTITION OF tickets FOR VALUES IN ('social') SERVER shard_2;

-- 40,000 tickets over the first quarter of 2025, deterministic: a quarter of
-- them answered the NPS question, a third the CSAT one; 5% have no reply yet.
CREATE TABLE tickets_local AS
SELECT i::bigint AS id,
       (ARRAY['email', 'chat', 'phone', 'social'])[1 + abs(hashint4(i)) % 4] AS channel,
       created_at,
       CASE WHEN abs(hashint4(i * 3)) % 20 <> 0
            THEN created_at + make_interval(secs => 20 + abs(hashint4(i * 5)) % 30000) END AS first_reply_at,
       created_at + make_interval(secs => 600 + abs(hashint4(i * 7)) % 300000) AS resolved_at,
       hashint4(i * 11) % 10 = 0 AS escalated,
       CASE WHEN hashint4(i * 13) % 4 = 0 THEN abs(hashint4(i * 17)) % 11 END AS nps_score,
       CASE WHEN hashint4(i * 19) % 3 = 0 THEN 1 + abs(hashint4(i * 23)) % 5 END AS csat_rating
FROM generate_series(1, 40000) AS i,
     LATERAL (SELECT timestamptz '2025-01-01 00:00+00'
                     + make_interval(secs => abs(hashint4(i * 29)) % (90 * 86400)) AS created_at) AS c;

-- Tuple routing sends each row to its channel's shard.
INSERT INTO tickets SELECT * FROM tickets_local;
ANALYZE tickets, tickets_local;

SET enable_partitionwise_aggregate = on;

CREATE TEMP TABLE checks (n serial, name text, ok boolean);

CREATE FUNCTION pg_temp.plan(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query;
END
$$;

-- ----------------------------------------------------------------
-- 1. GROUP BY the partition key: each shard aggregates its partitions
-- ----------------------------------------------------------------

\set by_channel 'SELECT channel, nps_agg(nps_score), csat_agg(csat_rating), duration_agg(first_reply_at - created_at) FROM tickets GROUP BY channel'

\echo
\echo '== EXPLAIN (VERBOSE, COSTS OFF)' :by_channel
SELECT * FROM pg_temp.plan(:'by_channel');

INSERT INTO checks (name, ok)
SELECT 'GROUP BY channel: all three aggregates run on the shards, none on the coordinator',
       count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT channel, public\.nps_agg\(nps_score\), public\.csat_agg\(csat_rating\), public\.duration_agg\(\(first_reply_at - created_at\)\) FROM public\.tickets_\w+ GROUP BY 1$') = 4
       AND count(*) FILTER (WHERE line ~ 'Aggregate' AND line !~ 'Relations: Aggregate on') = 0
FROM pg_temp.plan(:'by_channel') AS line;

-- The summaries that come back equal those of the same rows in one database.
INSERT INTO checks (name, ok)
SELECT 'GROUP BY channel: per-shard summaries equal the single-database ones',
       count(*) = 4 AND bool_and(coalesce(s.nps_s = l.nps_s AND s.csat_s = l.csat_s AND s.frt_s = l.frt_s, false))
FROM (SELECT channel, nps_agg(nps_score) AS nps_s, csat_agg(csat_rating) AS csat_s,
             duration_agg(first_reply_at - created_at) AS frt_s
      FROM tickets GROUP BY channel) AS s
FULL JOIN (SELECT channel, nps_agg(nps_score) AS nps_s, csat_agg(csat_rating) AS csat_s,
                  duration_agg(first_reply_at - created_at) AS frt_s
           FROM tickets_local GROUP BY channel) AS l USING (channel);

-- ----------------------------------------------------------------
-- 2. Across shards: rollup() of the per-partition summaries
-- ----------------------------------------------------------------

CREATE TEMP TABLE cross_shard AS
SELECT rollup(nps_s) AS nps_s, rollup(csat_s) AS csat_s, rollup(frt_s) AS frt_s,
       rollup(escalated_s) AS escalated_s
FROM (SELECT channel, nps_agg(nps_score) AS nps_s, csat_agg(csat_rating) AS csat_s,
             duration_agg(first_reply_at - created_at) AS frt_s, rate_agg(escalated) AS escalated_s
      FROM tickets GROUP BY channel) AS per_partition;

CREATE TEMP TABLE single_db AS
SELECT nps_agg(nps_score) AS nps_s, csat_agg(csat_rating) AS csat_s,
       duration_agg(first_reply_at - created_at) AS frt_s, rate_agg(escalated) AS escalated_s
FROM tickets_local;

\echo
\echo '== Cross-shard rollup against the single-database answer'
SELECT 'cross-shard' AS answer, nps(nps_s), responses(nps_s) AS nps_n, csat(csat_s),
       median(frt_s) AS frt_median, percentile(frt_s, 0.9) AS frt_p90, mean(frt_s) AS frt_mean,
       rate(escalated_s) AS escalated_pct
FROM cross_shard
UNION ALL
SELECT 'single database', nps(nps_s), responses(nps_s), csat(csat_s),
       median(frt_s), percentile(frt_s, 0.9), mean(frt_s), rate(escalated_s)
FROM single_db;

INSERT INTO checks (name, ok)
SELECT 'rollup across shards: summaries equal the single-database ones',
       c.nps_s = l.nps_s AND c.csat_s = l.csat_s AND c.frt_s = l.frt_s AND c.escalated_s = l.escalated_s
FROM cross_shard c, single_db l;

INSERT INTO checks (name, ok)
SELECT 'rollup across shards: nps, csat, median, p90, mean and rate equal the single-database ones',
       (nps(c.nps_s), csat(c.csat_s), median(c.frt_s), percentile(c.frt_s, 0.9), mean(c.frt_s),
        rate(c.escalated_s))
       = (nps(l.nps_s), csat(l.csat_s), median(l.frt_s), percentile(l.frt_s, 0.9), mean(l.frt_s),
          rate(l.escalated_s))
FROM cross_shard c, single_db l;

-- ----------------------------------------------------------------
-- 3. Per week across shards: group by channel too, so every partition is
-- aggregated where it lives, then roll the channels up on the coordinator.
-- The week expression must be shippable: immutable and without text
-- constants, so date_bin() rather than date_trunc('week', ...). Weeks start
-- on Mondays at 00:00 UTC; 2025-01-01..03-31 spans 14 of them.
-- ----------------------------------------------------------------

\set weekly 'SELECT week, rollup(nps_s) AS nps_s, rollup(frt_s) AS frt_s FROM (SELECT channel, date_bin(''7 days'', created_at, timestamptz ''2025-01-06 00:00+00'') AS week, nps_agg(nps_score) AS nps_s, duration_agg(first_reply_at - created_at) AS frt_s FROM tickets GROUP BY 1, 2) AS per_partition GROUP BY week'

\echo
\echo '== EXPLAIN (VERBOSE, COSTS OFF)' :weekly
SELECT * FROM pg_temp.plan(:'weekly');

INSERT INTO checks (name, ok)
SELECT 'per week: the shards aggregate by channel and week, the coordinator only rolls up',
       count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT channel, date_bin\(.*public\.nps_agg\(nps_score\), public\.duration_agg\(.* GROUP BY 1, 2$') = 4
       AND count(*) FILTER (WHERE line ~ 'Output: .*rollup\(\(nps_agg') = 1
       AND count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT channel, created_at') = 0
FROM pg_temp.plan(:'weekly') AS line;

INSERT INTO checks (name, ok)
SELECT 'per week: every week''s cross-shard rollup equals the single-database summary',
       count(*) = 14 AND bool_and(coalesce(s.nps_s = l.nps_s AND s.frt_s = l.frt_s, false))
FROM (SELECT week, rollup(nps_s) AS nps_s, rollup(frt_s) AS frt_s
      FROM (SELECT channel, date_bin('7 days', created_at, timestamptz '2025-01-06 00:00+00') AS week,
                   nps_agg(nps_score) AS nps_s, duration_agg(first_reply_at - created_at) AS frt_s
            FROM tickets GROUP BY 1, 2) AS per_partition
      GROUP BY week) AS s
FULL JOIN (SELECT date_bin('7 days', created_at, timestamptz '2025-01-06 00:00+00') AS week,
                  nps_agg(nps_score) AS nps_s, duration_agg(first_reply_at - created_at) AS frt_s
           FROM tickets_local GROUP BY 1) AS l USING (week);

-- ----------------------------------------------------------------
-- 4. Without GROUP BY the partition key, PostgreSQL 15's postgres_fdw
-- cannot ship a partial aggregate: it fetches the rows and aggregates on the
-- coordinator. Slower, but the answer is the same.
-- ----------------------------------------------------------------

\set one_step 'SELECT nps_agg(nps_score), csat_agg(csat_rating), duration_agg(first_reply_at - created_at) FROM tickets'

\echo
\echo '== EXPLAIN (VERBOSE, COSTS OFF)' :one_step
SELECT * FROM pg_temp.plan(:'one_step');

INSERT INTO checks (name, ok)
SELECT 'one step over all partitions (rows fetched): equal to the single-database answer',
       f.n = l.nps_s AND f.c = l.csat_s AND f.d = l.frt_s   -- summaries have = but no row comparison
FROM (SELECT nps_agg(nps_score) AS n, csat_agg(csat_rating) AS c,
             duration_agg(first_reply_at - created_at) AS d FROM tickets) AS f,
     single_db l;

-- ----------------------------------------------------------------
-- 5. postgres_fdw also ships multi-argument aggregates and FILTER (Citus
-- may not: see docs/scale-out.md).
-- ----------------------------------------------------------------

\set multi_arg 'SELECT channel, csat_agg(csat_rating, 5), fcr_rate(resolved_at - created_at < interval ''1 day'', NOT escalated), rate_agg(escalated) FILTER (WHERE nps_score IS NOT NULL) FROM tickets GROUP BY channel'

\echo
\echo '== EXPLAIN (VERBOSE, COSTS OFF)' :multi_arg
SELECT * FROM pg_temp.plan(:'multi_arg');

INSERT INTO checks (name, ok)
SELECT 'multi-argument aggregates and FILTER: shipped to the shards',
       count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT channel, public\.csat_agg\(csat_rating, 5\), public\.fcr_rate\(.*\), public\.rate_agg\(escalated\) FILTER \(WHERE .*GROUP BY 1$') = 4
FROM pg_temp.plan(:'multi_arg') AS line;

INSERT INTO checks (name, ok)
SELECT 'multi-argument aggregates and FILTER: equal to the single-database answer',
       count(*) = 4 AND bool_and(coalesce(s.c = l.c AND s.f = l.f AND s.r = l.r, false))
FROM (SELECT channel, csat_agg(csat_rating, 5) AS c,
             fcr_rate(resolved_at - created_at < interval '1 day', NOT escalated) AS f,
             rate_agg(escalated) FILTER (WHERE nps_score IS NOT NULL) AS r
      FROM tickets GROUP BY channel) AS s
FULL JOIN (SELECT channel, csat_agg(csat_rating, 5) AS c,
                  fcr_rate(resolved_at - created_at < interval '1 day', NOT escalated) AS f,
                  rate_agg(escalated) FILTER (WHERE nps_score IS NOT NULL) AS r
           FROM tickets_local GROUP BY channel) AS l USING (channel);

-- ----------------------------------------------------------------

\echo
\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN ok THEN 'PASS ' ELSE 'FAIL ' END || name FROM checks ORDER BY n;
