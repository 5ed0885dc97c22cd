-- Stored csmetrics values for the upgrade checks (test/dump/run.sh: the
-- extension update; test/upgrade/run.sh: pg_upgrade to a newer server):
-- a table with a column of every summary type and a calendar column, a view
-- answering every accessor for each row, and a view of their rollups.  Uses
-- only what csmetrics 0.1 has, so it can run before an update; types added
-- later go in test/upgrade/stored_later.sql.
SET client_min_messages = warning;

CREATE TABLE public.stored AS
SELECT g AS id, nps_agg(s) AS nps_s, csat_agg(1 + s % 5) AS csat_s, ces_agg(1 + s % 7) AS ces_s,
       rate_agg(s > 6) AS rate_s,
       format('aht v1 contacts=%s total_us=%s', count(*), sum(s) * 1000003)::aht_summary AS aht_s,
       duration_agg(s * interval '7 minutes' + g * interval '1.5 seconds') AS duration_s,
       format('mon-fri 09:00-12:00 13:00-17:00; sat 10:00-14:00; tz %s; holidays 2025-12-%s',
              (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'])[1 + g % 4],
              10 + g)::business_calendar AS calendar
FROM (SELECT i % 12 AS g, abs(hashint4(i)) % 11 AS s FROM generate_series(1, 6000) i) t
GROUP BY g;
-- Empty summaries, and extremes that no rollup may add to the others.
INSERT INTO public.stored VALUES
    (100, 'nps v1 promoters=0 passives=0 detractors=0', 'csat v1 scale=0 counts=', 'ces v1 scale=0 counts=',
     'rate v1 hits=0 trials=0', 'aht v1 contacts=0 total_us=0',
     'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
     'sun 00:00-24:00; tz Asia/Kathmandu; holidays 2000-01-01'),
    (101, 'nps v1 promoters=9223372036854775000 passives=800 detractors=7',
     'csat v1 scale=5 counts=4611686018427387903,0,0,0,4611686018427387904', 'ces v1 scale=3 counts=5,0,9',
     'rate v1 hits=9223372036854775807 trials=9223372036854775807', 'aht v1 contacts=3 total_us=9223372036854775807',
     'duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1',
     'mon 22:00-24:00; tue-fri 00:00-06:00 22:00-24:00; sat 00:00-06:00; tz UTC');

CREATE VIEW public.stored_answers AS
SELECT id,
       nps(nps_s) AS nps, promoters(nps_s) AS promoters, passives(nps_s) AS passives,
       detractors(nps_s) AS detractors, responses(nps_s) AS responses,
       ci_low(nps_s) AS nps_low, ci_high(nps_s, 0.99) AS nps_high, nps_margin(nps_s) AS nps_margin,
       p_value(nps_s, lag(nps_s) OVER w) AS nps_p,
       csat(csat_s) AS csat, csat(csat_s, 3) AS csat_from_3, csat_mean(csat_s) AS csat_mean,
       csat_composite(csat_s) AS csat_composite, satisfied(csat_s) AS satisfied,
       rating_count(csat_s, 1) AS csat_ones, ci_low(csat_s) AS csat_low, ci_high(csat_s) AS csat_high,
       p_value(csat_s, lag(csat_s) OVER w) AS csat_p,
       ces(ces_s) AS ces, ci_low(ces_s) AS ces_low, ci_high(ces_s) AS ces_high,
       p_value(ces_s, lag(ces_s) OVER w) AS ces_p,
       rate(rate_s) AS rate, hits(rate_s) AS hits, trials(rate_s) AS trials,
       ci_low(rate_s) AS rate_low, ci_high(rate_s) AS rate_high, p_value(rate_s, lag(rate_s) OVER w) AS rate_p,
       aht_s = lag(aht_s) OVER w AS aht_same_as_previous,
       duration_count(duration_s) AS durations, mean(duration_s) AS mean, median(duration_s) AS median,
       percentile(duration_s, ARRAY[0, 0.25, 0.9, 0.99, 1]) AS percentiles, stddev(duration_s) AS stddev,
       min_duration(duration_s) AS min_duration, max_duration(duration_s) AS max_duration,
       total_duration(duration_s) AS total_duration, ci_low(duration_s) AS duration_low,
       ci_high(duration_s) AS duration_high, p_value(duration_s, lag(duration_s) OVER w) AS duration_p,
       business_duration('2025-01-01 00:00+00', '2026-01-01 00:00+00', calendar) AS working_2025,
       business_add('2025-03-29 12:00+00', '30 hours', calendar) AS due,
       is_business_time('2025-10-26 01:30+00', calendar) AS at_dst_change
FROM public.stored
WINDOW w AS (ORDER BY id);

CREATE VIEW public.stored_rollup AS
SELECT nps(rollup(nps_s)) AS nps, responses(rollup(nps_s)) AS responses,
       csat(rollup(csat_s)) AS csat, csat_mean(rollup(csat_s)) AS csat_mean,
       ces(rollup(ces_s)) AS ces, rate(rollup(rate_s)) AS rate, trials(rollup(rate_s)) AS trials,
       duration_count(rollup(duration_s)) AS durations, mean(rollup(duration_s)) AS mean,
       median(rollup(duration_s)) AS median, percentile(rollup(duration_s), 0.9) AS p90
FROM public.stored
WHERE id <> 101;
