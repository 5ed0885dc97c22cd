-- duration_agg: exact count, sum, mean, min and max, and percentiles within
-- 1% of percentile_disc, checked on generated data from several
-- distributions.
SET intervalstyle = postgres;

-- A small example, every accessor.
CREATE TABLE small AS SELECT d FROM unnest(ARRAY['00:01:00', '00:02:00', '0', '00:00:00.00005', NULL, '00:10:00']::interval[]) d;
SELECT duration_agg(d) FROM small;
SELECT duration_count(s), total_duration(s), mean(s), min_duration(s), max_duration(s),
       stddev(s), median(s), percentile(s, 0.9), percentile(s, ARRAY[0, 0.25, NULL, 1])
FROM (SELECT duration_agg(d) AS s FROM small) t;
-- The same from seconds.
SELECT duration_agg(extract(epoch FROM d)::float8) = duration_agg(d) AS seconds_same FROM small;

-- No rows, or only NULLs: an empty summary; metrics NULL, count 0.
SELECT s, duration_count(s), mean(s), median(s), percentile(s, 0.5), percentile(s, ARRAY[0.5]),
       min_duration(s), max_duration(s), stddev(s), total_duration(s)
FROM (SELECT duration_agg(d) AS s FROM small WHERE d IS NULL) t;
SELECT duration_agg(d) FROM small WHERE false;
-- One value: exact, no standard deviation.
SELECT median(s), percentile(s, 0.99), stddev(s) FROM (SELECT duration_agg('01:23:45.678901'::interval) AS s) t;

-- Generated durations in microseconds from several distributions.
CREATE TABLE gen AS
WITH u AS (
    SELECT i, (abs(hashint4(i)) + 1) / 2147483649.0 AS u1, (abs(hashint4(i * 7919)) + 1) / 2147483649.0 AS u2
    FROM generate_series(1, 20000) i
)
SELECT 'uniform' AS dist, i, (u1 * 86400e6)::bigint AS us FROM u
UNION ALL
SELECT 'lognormal', i, (60e6 * exp(2.0 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)))::bigint FROM u
UNION ALL
SELECT 'pareto', i, least(3e14, 1e3 / power(u1, 1 / 0.8))::bigint FROM u
UNION ALL
SELECT 'all_equal', i, 123456789 FROM u
UNION ALL
SELECT 'small', i, (u1 * 200)::bigint FROM u
UNION ALL
SELECT 'bimodal', i, CASE WHEN u2 < 0.7 THEN (30e6 * u1)::bigint ELSE (86400e6 + 3600e6 * u1)::bigint END FROM u
UNION ALL
SELECT 'with_zeros', i, CASE WHEN u2 < 0.3 THEN 0 ELSE (u1 * 1e9)::bigint END FROM u;
CREATE TABLE gen_summary AS
SELECT dist, duration_agg(make_interval(secs => us / 1e6)) AS s FROM gen GROUP BY dist;

-- Exact statistics against plain SQL.
SELECT g.dist,
       duration_count(s) = count(*) AS count_ok,
       extract(epoch FROM total_duration(s)) * 1e6 = sum(us) AS sum_ok,
       extract(epoch FROM mean(s)) * 1e6 = round(sum(us)::numeric / count(*)) AS mean_ok,
       extract(epoch FROM min_duration(s)) * 1e6 = min(us) AS min_ok,
       extract(epoch FROM max_duration(s)) * 1e6 = max(us) AS max_ok,
       abs(extract(epoch FROM stddev(s)) * 1e6 - stddev_samp(us)) <= 1 AS stddev_ok
FROM gen g JOIN gen_summary USING (dist) GROUP BY g.dist, s ORDER BY g.dist;

-- Every percentile from 0 to 1 in steps of 0.01 within 1% of
-- percentile_disc (exact below 128 microseconds and for equal values).
WITH qs AS (SELECT array_agg(q / 100.0 ORDER BY q) AS q FROM generate_series(0, 100) q),
ref AS (
    SELECT dist, unnest((SELECT q FROM qs)) AS q,
           unnest(percentile_disc((SELECT q FROM qs)) WITHIN GROUP (ORDER BY us)) AS exact
    FROM gen GROUP BY dist
), cmp AS (
    SELECT dist, q, exact, extract(epoch FROM percentile(s, q)) * 1e6 AS estimate
    FROM ref JOIN gen_summary USING (dist)
)
SELECT dist, count(*) AS quantiles,
       count(*) FILTER (WHERE abs(estimate - exact) > 0.01 * exact) AS beyond_1pct,
       count(*) FILTER (WHERE estimate = exact) AS exact,
       round(max(abs(estimate - exact) / nullif(exact, 0))::numeric, 4) AS max_relative_error
FROM cmp GROUP BY dist ORDER BY dist;

-- median() is percentile(0.5); the array form matches the scalar one.
SELECT dist, median(s) = percentile(s, 0.5) AS median_ok,
       percentile(s, ARRAY[0.5, 0.9, 0.99]) = ARRAY[percentile(s, 0.5), percentile(s, 0.9), percentile(s, 0.99)] AS array_ok
FROM gen_summary ORDER BY dist;

-- Durations from 1 ms to 10 years, each the median of {0, v, 10 years} so
-- that the exact minimum and maximum cannot help: the bound holds for all.
WITH v AS (
    SELECT (1e3 * power(1.0007, k))::bigint AS v FROM generate_series(0, 38000) k
), est AS (
    SELECT v, extract(epoch FROM median(duration_agg(make_interval(secs => x / 1e6)))) * 1e6 AS estimate
    FROM v, LATERAL unnest(ARRAY[0, v, 315576000000000]) x
    WHERE v <= 315576000000000 GROUP BY v
)
SELECT count(*) AS values_checked, min(v) AS smallest_us, max(v) AS largest_us,
       count(*) FILTER (WHERE abs(estimate - v) > 0.01 * v) AS beyond_1pct,
       round(max(abs(estimate - v) / v)::numeric, 5) AS max_relative_error
FROM est;

-- rollup of daily summaries equals the one-step summary exactly.
CREATE TABLE resp AS
SELECT i, i % 30 AS day, i % 3 AS channel, make_interval(secs => (abs(hashint4(i)) % 100000000) / 1000.0) AS d
FROM generate_series(1, 30000) i;
CREATE TABLE resp_daily AS SELECT day, channel, duration_agg(d) AS s FROM resp GROUP BY day, channel;
SELECT channel, rollup(s) = (SELECT duration_agg(d) FROM resp r WHERE r.channel = t.channel) AS same,
       median(rollup(s)) = (SELECT median(duration_agg(d)) FROM resp r WHERE r.channel = t.channel) AS median_same
FROM resp_daily t GROUP BY channel ORDER BY channel;
SELECT rollup(s) = (SELECT duration_agg(d) FROM resp) AS all_same FROM resp_daily;
SELECT rollup(s) FROM (VALUES (NULL::duration_summary)) v(s);

-- Small summaries keep one 2-byte bucket index per duration, large ones a
-- count per bucket; merging any mix of the two gives the one-step summary.
SELECT pg_column_size(duration_agg(x * interval '1 minute')) AS bytes_for_10 FROM generate_series(1, 10) x;
SELECT pg_column_size(duration_agg(x * interval '1 second')) AS bytes_for_100000_over_28_hours
FROM generate_series(1, 100000) x;
WITH parts AS (
    SELECT p, duration_agg(x * interval '1 second') AS s
    FROM generate_series(1, 20000) x, LATERAL (SELECT CASE WHEN x % 1000 = 0 THEN x % 7 ELSE 7 END AS p) pp
    GROUP BY p
)
SELECT (SELECT rollup(s ORDER BY p) FROM parts) = (SELECT duration_agg(x * interval '1 second') FROM generate_series(1, 20000) x) AS small_first,
       (SELECT rollup(s ORDER BY p DESC) FROM parts) = (SELECT duration_agg(x * interval '1 second') FROM generate_series(1, 20000) x) AS large_first,
       (SELECT count(*) FROM parts) AS parts;

-- Grouping and deduplicating summaries uses the hash operator class.
SELECT count(*) AS distinct_summaries, (SELECT count(*) FROM resp_daily) AS stored
FROM (SELECT DISTINCT s FROM (SELECT s FROM resp_daily UNION ALL SELECT s FROM resp_daily) u) t;
SELECT count(*) AS self_join_matches FROM resp_daily a JOIN resp_daily b ON a.s = b.s;

-- Text form round trips; equality ignores spare buckets.
SELECT count(*) FILTER (WHERE s::text::duration_summary = s) AS round_trips, count(*) FROM gen_summary;
SELECT count(*) FILTER (WHERE s::text = (s::text::duration_summary)::text) AS text_stable FROM gen_summary;

-- Errors: negative durations, fractions outside [0, 1].
\set VERBOSITY default
SELECT duration_agg(d) FROM unnest(ARRAY['00:01', '-00:00:01']::interval[]) d;
SELECT duration_agg(-0.5::float8);
SELECT duration_agg('NaN'::float8);
SELECT percentile(duration_agg('1 min'::interval), 1.5);
SELECT percentile(duration_agg('1 min'::interval), -0.1);
SELECT percentile(duration_agg('1 min'::interval), 'NaN'::float8);
SELECT percentile(duration_agg('1 min'::interval), ARRAY[0.5, 2]);
SELECT percentile(duration_agg('1 min'::interval), ARRAY[[0.5], [0.6]]);
-- Sums of squares beyond 128 bits are an error, never wrapped.
SELECT rollup(s) FROM (VALUES ('duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1'::duration_summary),
                              ('duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1'),
                              ('duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1')) v(s);
SELECT total_duration(rollup(s)) FROM (VALUES ('duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1'::duration_summary),
                                             ('duration v1 count=1 sum_us=1 sumsq_us2=1 min_us=1 max_us=1 buckets=1:1')) v(s);
-- Malformed literals.
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5:1'::duration_summary AS valid;
SELECT 'duration v1 count=2 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=6:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5:0'::duration_summary;
SELECT 'duration v1 count=2 sum_us=10 sumsq_us2=50 min_us=5 max_us=5 buckets=5:1,5:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=4000:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=7 sumsq_us2=25 min_us=5 max_us=5 buckets=5:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=24 min_us=5 max_us=5 buckets=5:1'::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=6 max_us=5 buckets=5:1'::duration_summary;
SELECT 'duration v1 count=3 sum_us=250 sumsq_us2=50004 min_us=2 max_us=200 buckets=2:1,100:1,164:1'::duration_summary;
SELECT 'duration v1 count=2 sum_us=6 sumsq_us2=10 min_us=2 max_us=4 buckets=2:1,4:1'::duration_summary;
SELECT 'duration v1 count=2 sum_us=5 sumsq_us2=4 min_us=2 max_us=3 buckets=2:1,3:1'::duration_summary;
-- A valid literal is stored in the smaller form: 2 bytes per duration here.
SELECT pg_column_size('duration v1 count=3 sum_us=302 sumsq_us2=50004 min_us=2 max_us=200 buckets=2:1,100:1,164:1'::duration_summary) AS bytes;
SELECT 'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=0:1'::duration_summary;
SELECT 'duration v1 count=0 sum_us=1 sumsq_us2=0 min_us=0 max_us=0 buckets='::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets='::duration_summary;
SELECT 'duration v1 count=1 sum_us=5 sumsq_us2=340282366920938463463374607431768211456 min_us=5 max_us=5 buckets=5:1'::duration_summary;
SELECT 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets='::duration_summary;
