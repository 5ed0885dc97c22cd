-- median_seconds, percentile_seconds, mean_seconds: the duration accessors as
-- a number of seconds, checked against percentile_disc and avg over the
-- durations in seconds (plain SQL) and against the interval accessors.

-- Durations in microseconds: a lognormal spread from under a second to days,
-- with ties and a zero.
CREATE TABLE secs AS
SELECT g, CASE WHEN i % 97 = 0 THEN 0
               ELSE (30e6 * exp(2.0 * sqrt(-2 * ln((abs(hashint4(i)) + 1) / 2147483649.0))
                                 * cos(2 * pi() * (abs(hashint4(i * 7919)) + 1) / 2147483649.0)))::bigint
          END AS us
FROM generate_series(1, 20000) i, LATERAL (SELECT i % 4 AS g) AS grp;
CREATE TABLE secs_summary AS
SELECT g, duration_agg(make_interval(secs => us / 1e6)) AS s FROM secs GROUP BY g;

-- Percentiles within 1% of percentile_disc over the seconds, exact at 0 and 1;
-- median is the 0.5 percentile; mean exact, rounded to the microsecond as mean().
WITH qs AS (SELECT array_agg(q / 20.0 ORDER BY q) AS q FROM generate_series(0, 20) q),
ref AS (
    SELECT g, unnest((SELECT q FROM qs)) AS q,
           unnest(percentile_disc((SELECT q FROM qs)) WITHIN GROUP (ORDER BY us / 1e6)) AS exact
    FROM secs GROUP BY g
)
SELECT g, count(*) AS percentiles,
       bool_and(abs(percentile_seconds(s, q) - exact) <= 0.01 * exact) AS within_1pct,
       bool_and(percentile_seconds(s, q) = exact) FILTER (WHERE q IN (0, 1)) AS exact_at_ends
FROM ref JOIN secs_summary USING (g)
GROUP BY g ORDER BY g;

SELECT g, median_seconds(s) = percentile_seconds(s, 0.5) AS median_is_p50,
       mean_seconds(s) = round(avg(us) / 1e6, 6)::float8 AS mean_exact
FROM secs JOIN secs_summary USING (g)
GROUP BY g, s ORDER BY g;

-- The same numbers as the interval accessors, to the last bit.
SELECT g, median_seconds(s) = date_part('epoch', median(s)) AS median_same,
       percentile_seconds(s, 0.9) = date_part('epoch', percentile(s, 0.9)) AS p90_same,
       mean_seconds(s) = date_part('epoch', mean(s)) AS mean_same
FROM secs_summary ORDER BY g;

-- Durations past a day, and fractions of a second.
SELECT abs(median_seconds(s) - 1.5) <= 0.015 AS median_within_1pct, percentile_seconds(s, 1) AS p100,
       mean_seconds(s)
FROM (SELECT duration_agg(d) AS s
      FROM unnest(ARRAY['36:00:00', '00:00:00.000001', '00:00:01.5']::interval[]) AS d) AS q;

-- Empty summary: NULL, like the interval accessors; a NULL fraction: NULL.
SELECT median_seconds(s) IS NULL AS median_null, percentile_seconds(s, 0.9) IS NULL AS p90_null,
       mean_seconds(s) IS NULL AS mean_null
FROM (SELECT duration_agg(d) AS s FROM unnest(ARRAY[]::interval[]) AS d) AS q;
SELECT percentile_seconds(s, NULL) IS NULL AS q_null FROM (SELECT duration_agg('1 min'::interval) AS s) AS q;

-- A fraction outside [0, 1] is percentile()'s error.
\set VERBOSITY default
SELECT percentile_seconds(duration_agg('1 min'::interval), 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT percentile_seconds(duration_agg('1 min'::interval), 'NaN');
\echo :LAST_ERROR_SQLSTATE
