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

-- Sizes.  Summaries are stored in the smaller of two forms: a packed list
-- of the non-empty buckets (about 2 bytes for a bucket alone, 1 for each of
-- a run of neighbours with small counts) or a count per bucket of 1, 2, 4 or
-- 8 bytes over the occupied range.  Merging any mix of forms gives the
-- one-step summary.
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
-- 10,000 durations spread evenly (in log scale) from 1 second to 30 days:
-- at most 1.5 kB stored, text at most twice the binary form.
CREATE TABLE month_spread AS
SELECT make_interval(secs => exp(ln(2592000) * (abs(hashint4(i)) / 2147483648.0))) AS d FROM generate_series(1, 10000) i;
SELECT pg_column_size(s) <= 1536 AS within_1_5_kb, length(s::text) <= 2 * length(duration_summary_send(s)) AS text_within_twice_binary
FROM (SELECT duration_agg(d) AS s FROM month_spread) t;
-- Any durations from 1 microsecond to 10 years: at most 8 kB (here a
-- million, every bucket of that range used).
SELECT pg_column_size(duration_agg(make_interval(secs => exp(ln(float8 '1e-6') + ln(float8 '3.15576e14') * (abs(hashint4(i)) / float8 '2147483648')))))
       <= 8192 AS within_8_kb
FROM generate_series(1, 1000000) i;

-- The transition state (the aggregate without its final function) is never
-- more than 1.5 times the summary it becomes, at every size and spread, and
-- holds the same durations.
CREATE AGGREGATE duration_state(interval) (SFUNC = duration_agg_trans, STYPE = duration_summary,
    INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=');
CREATE AGGREGATE duration_rollup_state(duration_summary) (SFUNC = duration_rollup_trans, STYPE = duration_summary,
    INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=');
CREATE TABLE state_sizes AS
SELECT spread, n, pg_column_size(duration_state(d)) AS state_bytes, pg_column_size(duration_agg(d)) AS stored_bytes,
       duration_state(d) = duration_agg(d) AS same
FROM (VALUES (1e-3), (10.0), (1e6)) AS sp(spread), (VALUES (1), (2), (5), (20), (60), (200), (700), (2000), (7000), (30000)) AS nn(n),
     LATERAL (SELECT make_interval(secs => 1e-6 + spread * power(abs(hashint4(i * 31 + n)) / 2147483648.0, 3)) AS d
              FROM generate_series(1, n) i) g
GROUP BY spread, n;
SELECT count(*) AS cases, count(*) FILTER (WHERE same) AS same,
       count(*) FILTER (WHERE state_bytes <= 1.5 * stored_bytes) AS within_1_5x,
       round(max(state_bytes::numeric / stored_bytes), 2) AS largest_ratio
FROM state_sizes;
-- So with rollup: states of rollup(), fed summaries of every size.
SELECT count(*) AS cases, count(*) FILTER (WHERE state_bytes <= 1.5 * stored_bytes) AS within_1_5x
FROM (SELECT pg_column_size(duration_rollup_state(s ORDER BY n)) AS state_bytes, pg_column_size(rollup(s)) AS stored_bytes
      FROM (SELECT spread, n, duration_agg(make_interval(secs => spread * power(abs(hashint4(i * 7 + n)) / 2147483648.0, 2))) AS s
            FROM (VALUES (1e-2), (1e5)) AS sp(spread), generate_series(1, 300) nn(n), LATERAL generate_series(1, n % 40 + 1) i
            GROUP BY spread, n) t
      GROUP BY spread) u;
-- Counts beyond one byte, two and four widen the dense form in place and
-- stay exact.
SELECT n, duration_count(s) = n AS count_ok, median(s) = interval '1 second' AS median_ok, pg_column_size(s) AS bytes
FROM (SELECT n, rollup(s) AS s
      FROM (VALUES (255), (256), (65536)) nn(n),
           LATERAL (SELECT duration_agg(interval '1 second') AS s FROM generate_series(1, n)) a
      GROUP BY n) t ORDER BY n;
-- A rollup whose second summary overflows a 1-byte count after adding to
-- another bucket: that addition is taken back and the state widened.
SELECT rollup(s ORDER BY k) = (SELECT duration_agg(d) FROM (SELECT interval '1 second' FROM generate_series(1, 11)
                                                           UNION ALL SELECT interval '1.01 seconds' FROM generate_series(1, 300)) t(d)) AS same,
       pg_column_size(duration_rollup_state(s ORDER BY k)) AS state_bytes
FROM (SELECT 1 AS k, duration_agg(d) AS s FROM (SELECT interval '1 second' UNION ALL SELECT interval '1.01 seconds' FROM generate_series(1, 200)) t(d)
      UNION ALL
      SELECT 2, duration_agg(d) FROM (SELECT interval '1 second' FROM generate_series(1, 10) UNION ALL SELECT interval '1.01 seconds' FROM generate_series(1, 100)) t(d)) u;
SELECT duration_count(s), pg_column_size(s) AS bytes, median(s), percentile(s, 0.9)
FROM (SELECT rollup(s) AS s FROM (VALUES ('duration v2 count=4294967296 sum_us=4294967296000000 sumsq_us2=4294967296000000000000 min_us=1000000 max_us=1000000 buckets=ugf+////Hw=='::duration_summary),
                                         ('duration v2 count=1 sum_us=2000000 sumsq_us2=4000000000000 min_us=2000000 max_us=2000000 buckets=+gcA')) v(s)) t;

-- Version 1 (csmetrics 0.1) values are still read and answer as before:
-- literals, and the structures 0.1 stored on disk (its list and dense forms,
-- made here from raw bytes by PostgreSQL's varchar length coercion, which
-- returns its argument as it is, on a little-endian machine).
SELECT s, s = 'duration v2 count=4 sum_us=505 sumsq_us2=75013 min_us=50 max_us=200 buckets=MgBLAQAiAA==' AS same_as_v2
FROM (VALUES ('duration v1 count=4 sum_us=505 sumsq_us2=75013 min_us=50 max_us=200 buckets=50:1,127:1,128:1,164:1'::duration_summary)) v(s);
CREATE FUNCTION pg_temp.le(v bigint, n int) RETURNS bytea LANGUAGE sql AS
$$ SELECT decode(string_agg(lpad(to_hex((v >> (8 * i)) & 255), 2, '0'), '' ORDER BY i), 'hex') FROM generate_series(0, n - 1) i $$;
CREATE FUNCTION pg_temp.raw_duration(bytea, integer, boolean) RETURNS duration_summary
    LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE TABLE v1_on_disk (form text, s duration_summary);
-- durations 5, 200, 200 and 1000000 microseconds
INSERT INTO v1_on_disk
SELECT form, pg_temp.raw_duration(pg_temp.le(1, 1) || pg_temp.le(flags, 1) || pg_temp.le(0, 2) || pg_temp.le(first_index, 4) || pg_temp.le(nbuckets, 4)
              || pg_temp.le(4, 8) || pg_temp.le(5, 8) || pg_temp.le(1000000, 8) || pg_temp.le(1000405, 8) || pg_temp.le(0, 8)
              || pg_temp.le(1000000080025, 8) || pg_temp.le(0, 8) || body, -1, false)
FROM (VALUES ('list', 1, 0, 4, pg_temp.le(164, 2) || pg_temp.le(5, 2) || pg_temp.le(954, 2) || pg_temp.le(164, 2) || pg_temp.le(0, 2)),
             ('dense', 0, 3, 954,
              (SELECT string_agg(pg_temp.le(CASE i WHEN 5 THEN 1 WHEN 164 THEN 2 WHEN 954 THEN 1 ELSE 0 END, 8), '' ORDER BY i)
               FROM generate_series(3, 956) i))) v(form, flags, first_index, nbuckets, body);
SELECT form, s::text, s = duration_agg_final(s) AS equal, duration_count(s), mean(s), median(s), percentile(s, ARRAY[0, 0.5, 0.75, 1]),
       stddev(s), duration_summary_hash(s) = duration_summary_hash(s::text::duration_summary) AS same_hash,
       duration_summary_send(s) = duration_summary_send(s::text::duration_summary) AS same_binary
FROM v1_on_disk ORDER BY form;
SELECT rollup(s), rollup(s) = (SELECT duration_agg(d) FROM unnest(ARRAY[5, 200, 200, 1000000, 5, 200, 200, 1000000]) u, LATERAL (SELECT u * interval '1 microsecond' AS d) x) AS rollup_ok
FROM v1_on_disk;
SELECT form, duration_agg_trans(s, interval '1 second') = (SELECT duration_agg(d) FROM unnest(ARRAY[5, 200, 200, 1000000, 1000000]) u, LATERAL (SELECT u * interval '1 microsecond' AS d) x) AS add_ok
FROM v1_on_disk ORDER BY form;
-- The hash of version 2 is version 1's (hash indexes and partitions stay valid).
SELECT duration_summary_hash('duration v1 count=4 sum_us=505 sumsq_us2=75013 min_us=50 max_us=200 buckets=50:1,127:1,128:1,164:1') AS hash;

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
-- Version 2: valid, then a version this code does not know, a list that is
-- not base64, one cut short, one with a number not in its shortest form, an
-- index past 3711, one that ends announcing another bucket, and one that
-- does not match the statistics.  (Every check after decoding is shared
-- with version 1, above.)
SELECT 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets='::duration_summary AS empty;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdAQA='::duration_summary AS valid;
SELECT 'duration v3 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets='::duration_summary;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdAQA'::duration_summary;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCd'::duration_summary;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdgYAA'::duration_summary;
SELECT 'duration v2 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=oB8A'::duration_summary;
SELECT 'duration v2 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=BQE='::duration_summary;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BgCcAQA='::duration_summary;
SELECT 'duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdAQA= x=1'::duration_summary;
