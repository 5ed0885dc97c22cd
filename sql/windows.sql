-- Rolling metrics: every aggregate in window frames equals the same
-- aggregate over the frame's rows computed one frame at a time.

CREATE TABLE daily_tickets AS
SELECT i, date '2025-03-01' + (i % 60) AS day, (ARRAY['chat', 'email'])[1 + i % 2] AS channel,
       CASE WHEN hashint4(i) % 3 = 0 THEN abs(hashint4(i * 3)) % 11 END AS score,
       CASE WHEN hashint4(i * 5) % 4 = 0 THEN 1 + abs(hashint4(i * 7)) % 5 END AS rating,
       CASE WHEN hashint4(i * 11) % 5 = 0 THEN 1 + abs(hashint4(i * 13)) % 7 END AS effort,
       CASE WHEN hashint4(i * 17) % 7 <> 0 THEN abs(hashint4(i * 19)) % 10 < 7 END AS resolved,
       abs(hashint4(i * 23)) % 10 < 9 AS eligible,
       make_interval(secs => abs(hashint4(i * 29)) % 900000 / 1000.0) AS handle
FROM generate_series(1, 3000) i;

-- 7-day RANGE frames per row, against the same aggregates over a
-- correlated subquery for each row's frame.
CREATE TABLE rolling AS
SELECT i, day, channel,
       nps_agg(score) OVER w AS nps_s,
       csat_agg(rating) OVER w AS csat_s,
       csat_agg(rating, 5) OVER w AS csat5_s,
       csat_agg(rating >= 4) OVER w AS thumbs_s,
       ces_agg(effort) OVER w AS ces_s,
       rate_agg(resolved) OVER w AS rate_s,
       fcr_rate(resolved) OVER w AS fcr,
       fcr_rate(resolved, eligible) OVER w AS fcr_eligible,
       aht(handle) OVER w AS aht_interval,
       aht(handle, handle, '0'::interval) OVER w AS aht_parts,
       aht(extract(epoch FROM handle)::float8) OVER w AS aht_seconds,
       duration_agg(handle) OVER w AS duration_s
FROM daily_tickets
WINDOW w AS (PARTITION BY channel ORDER BY day RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW);

SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE r.nps_s = f.nps_s) AS nps,
       count(*) FILTER (WHERE r.csat_s = f.csat_s AND r.csat5_s = f.csat_s) AS csat,
       count(*) FILTER (WHERE r.thumbs_s = f.thumbs_s) AS thumbs,
       count(*) FILTER (WHERE r.ces_s = f.ces_s) AS ces,
       count(*) FILTER (WHERE r.rate_s = f.rate_s) AS rate,
       count(*) FILTER (WHERE r.fcr IS NOT DISTINCT FROM f.fcr AND r.fcr_eligible IS NOT DISTINCT FROM f.fcr_eligible) AS fcr,
       count(*) FILTER (WHERE r.aht_interval = f.aht_interval AND r.aht_parts = f.aht_parts
                          AND r.aht_seconds = f.aht_seconds) AS aht,
       count(*) FILTER (WHERE r.duration_s = f.duration_s) AS duration
FROM rolling r
CROSS JOIN LATERAL (
    SELECT nps_agg(t.score) AS nps_s, csat_agg(t.rating) AS csat_s, csat_agg(t.rating >= 4) AS thumbs_s,
           ces_agg(t.effort) AS ces_s, rate_agg(t.resolved) AS rate_s, fcr_rate(t.resolved) AS fcr,
           fcr_rate(t.resolved, t.eligible) AS fcr_eligible, aht(t.handle) AS aht_interval,
           aht(t.handle, t.handle, '0'::interval) AS aht_parts,
           aht(extract(epoch FROM t.handle)::float8) AS aht_seconds, duration_agg(t.handle) AS duration_s
    FROM daily_tickets t
    WHERE t.channel = r.channel AND t.day BETWEEN r.day - 6 AND r.day
) f;

-- The plain metrics read from the rolling summaries, on one channel.
SELECT day, round(nps(nps_s)::numeric, 2) AS nps_7d, round(csat(csat_s)::numeric, 2) AS csat_7d,
       round(ces(ces_s)::numeric, 3) AS ces_7d, round(fcr::numeric, 2) AS fcr_7d, aht_interval AS aht_7d,
       median(duration_s) AS median_7d
FROM (SELECT DISTINCT ON (day) * FROM rolling WHERE channel = 'chat' ORDER BY day, i) t
WHERE day BETWEEN '2025-03-01' AND '2025-03-09' ORDER BY day;

-- Over stored daily summaries: rollup() OVER a 28-day frame (ROWS and
-- RANGE; each channel has every other day, so 14 rows span 27 days),
-- against the one-step aggregate over the same days.
CREATE TABLE daily_summaries AS
SELECT day, channel, nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, ces_agg(effort) AS ces_s,
       rate_agg(resolved) AS rate_s, duration_agg(handle) AS duration_s
FROM daily_tickets GROUP BY day, channel;
CREATE TABLE rolled AS
SELECT day, channel,
       rollup(nps_s) OVER w AS nps_s, rollup(csat_s) OVER w AS csat_s, rollup(ces_s) OVER w AS ces_s,
       rollup(rate_s) OVER w AS rate_s, rollup(duration_s) OVER w AS duration_s,
       rollup(nps_s) OVER (PARTITION BY channel ORDER BY day ROWS BETWEEN 13 PRECEDING AND CURRENT ROW) AS nps_rows
FROM daily_summaries
WINDOW w AS (PARTITION BY channel ORDER BY day RANGE BETWEEN '27 days' PRECEDING AND CURRENT ROW);
SELECT count(*) AS days_checked,
       count(*) FILTER (WHERE r.nps_s = f.nps_s AND r.nps_rows = f.nps_s) AS nps,
       count(*) FILTER (WHERE r.csat_s = f.csat_s) AS csat,
       count(*) FILTER (WHERE r.ces_s = f.ces_s) AS ces,
       count(*) FILTER (WHERE r.rate_s = f.rate_s) AS rate,
       count(*) FILTER (WHERE r.duration_s = f.duration_s) AS duration
FROM rolled r
CROSS JOIN LATERAL (
    SELECT nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, ces_agg(effort) AS ces_s,
           rate_agg(resolved) AS rate_s, duration_agg(handle) AS duration_s
    FROM daily_tickets t WHERE t.channel = r.channel AND t.day BETWEEN r.day - 27 AND r.day
) f;

-- Frames that shrink to nothing give empty summaries and NULL metrics.
SELECT x, nps_agg(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS next_only,
       nps(nps_agg(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING)) AS nps_next
FROM unnest(ARRAY[10, 0, 8]) x ORDER BY x;

-- The inverse transition functions refuse to remove what was never added.
\set VERBOSITY default
SELECT nps_agg_inv('nps v1 promoters=0 passives=0 detractors=0', 10);
SELECT nps_rollup_inv('nps v1 promoters=1 passives=0 detractors=0', 'nps v1 promoters=2 passives=0 detractors=0');
SELECT csat_agg_inv('csat v1 scale=5 counts=1,0,0,0,0', 2, 5);
SELECT rate_agg_inv('rate v1 hits=1 trials=1', false);
SELECT aht_interval_inv('aht v1 contacts=1 total_us=10', '1 second');

-- A frame that loses all its answers forgets the scale, like a fresh
-- aggregate: empty summaries then equal the plain rollup, and a summary on
-- another scale can follow.
WITH v(d, s) AS (VALUES (1, 'csat v1 scale=5 counts=1,0,0,0,2'::csat_summary), (2, 'csat v1 scale=0 counts='),
                        (3, 'csat v1 scale=0 counts='), (4, 'csat v1 scale=10 counts=0,0,0,0,0,0,0,0,0,1')),
rolling AS (SELECT d, rollup(s) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM v)
SELECT d, r AS rolling, r = (SELECT rollup(s) FROM v WHERE v.d BETWEEN rolling.d - 1 AND rolling.d) AS same_as_plain
FROM rolling ORDER BY d;
SELECT d, csat_agg(r, sc) OVER (ORDER BY d ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS one_at_a_time
FROM (VALUES (1, 5, 5), (2, 9, 10), (3, 2, 2)) v(d, r, sc) ORDER BY d;
