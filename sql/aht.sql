-- aht: average handle time, checked against the plain SQL formula.
SET intervalstyle = postgres;

SELECT aht(d) FROM unnest(ARRAY['00:05:00', '00:07:00', NULL]::interval[]) d;
-- (talk + hold + after-call work) / contacts.
SELECT aht(t, h, w) FROM (VALUES ('00:04:00'::interval, '00:01:00'::interval, '00:00:30'::interval),
                                 ('00:06:00', '00:00:00', '00:01:30')) v(t, h, w);
-- Rows with any part NULL are skipped, as in every SQL aggregate.
SELECT aht(t, h, w) FROM (VALUES ('00:04:00'::interval, NULL::interval, '00:00:30'::interval),
                                 ('00:06:00', '00:00:00', '00:01:30')) v(t, h, w);
-- Seconds in, seconds out.
SELECT aht(s) FROM unnest(ARRAY[300, 420, 0.5, NULL]::float8[]) s;
-- The mean is rounded to the microsecond, half up.
SELECT aht(d) FROM unnest(ARRAY['0.000001', '0.000002']::interval[]) d;
SELECT aht(d) FROM unnest(ARRAY['0', '0', '0.000001']::interval[]) d;
-- Days count as 24 hours and months as 30 days, as in interval comparison.
SELECT aht(d) FROM unnest(ARRAY['1 day', '1 mon', '02:00']::interval[]) d;
-- Intervals with mixed-sign fields are fine when the total is not negative.
SELECT aht('1 day -2 hours'::interval);
-- No rows or only NULLs: NULL.
SELECT aht(d) FROM unnest(ARRAY[]::interval[]) d;
SELECT aht(s) FROM unnest(ARRAY[NULL]::float8[]) s;

-- Generated calls in groups, with NULLs.
CREATE TABLE aht_calls AS
SELECT i, i % 5 AS g,
       CASE WHEN hashint4(i) % 17 = 0 THEN NULL
            ELSE make_interval(secs => abs(hashint4(i * 5)) % 3600000 / 1000.0) END AS talk,
       make_interval(secs => abs(hashint4(i * 7)) % 180000 / 1000.0) AS hold,
       make_interval(secs => abs(hashint4(i * 11)) % 120000000 / 1000000.0) AS wrap_up
FROM generate_series(1, 30000) i;

-- Reference: exact microsecond sums in numeric, rounded half up.
WITH ours AS (
    SELECT g, aht(talk) AS talk_aht, aht(talk, hold, wrap_up) AS full_aht,
           aht(extract(epoch FROM talk + hold + wrap_up)::float8) AS seconds_aht
    FROM aht_calls GROUP BY g
), ref AS (
    SELECT g,
           round(sum(extract(epoch FROM talk) * 1000000) / count(talk)) AS talk_us,
           round(sum(extract(epoch FROM talk + hold + wrap_up) * 1000000) / count(talk)) AS full_us,
           sum(extract(epoch FROM talk + hold + wrap_up)) / count(talk) AS full_seconds,
           avg(talk + hold + wrap_up) AS builtin_avg
    FROM aht_calls GROUP BY g
)
SELECT g, full_aht,
       extract(epoch FROM talk_aht) * 1000000 = talk_us AS talk_ok,
       extract(epoch FROM full_aht) * 1000000 = full_us AS full_ok,
       abs(seconds_aht - full_seconds) < 1e-9 AS seconds_ok,
       abs(extract(epoch FROM full_aht - builtin_avg)) <= 0.000001 AS matches_avg_interval
FROM ours JOIN ref USING (g) ORDER BY g;

-- Negative and out-of-range durations are errors of class 22.
\set VERBOSITY default
SELECT aht(d) FROM unnest(ARRAY['00:05:00', '-00:00:01']::interval[]) d;
SELECT aht('-1 day 02:00'::interval);
SELECT aht('00:01'::interval, '-00:01'::interval, '00:01'::interval);
SELECT aht('178000000 years'::interval);
SELECT aht(-1::float8);
SELECT aht('NaN'::float8);
SELECT aht('Infinity'::float8);
SELECT aht(1e13::float8);

-- aht_summary, the state, has a text form too.
SELECT 'aht v1 contacts=2 total_us=1000'::aht_summary = 'aht v1 contacts=2 total_us=1000' AS same;
SELECT 'aht v1 contacts=0 total_us=1000'::aht_summary;
