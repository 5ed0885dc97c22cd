-- csmetrics demo report over the tickets table built by generate.sql.

\set QUIET on
\pset null '-'
\pset footer off
-- generate.sql laid out the year in UTC; read months and days the same way.
SET timezone = 'UTC';

\echo
\echo '== Support metrics by month and channel, 2025 =='
\echo '   nps: -100..100 (n = survey responses); csat, fcr: percent; aht: talk + hold + wrap'
\echo
-- Each nps_agg/csat_agg summary is computed once and read by several accessors.
WITH m AS (
    SELECT date_trunc('month', created_at) AS month,
           channel,
           count(*)                                           AS tickets,
           nps_agg(nps_score)                                 AS nps_s,
           csat_agg(csat_rating)                              AS csat_s,
           fcr_rate(resolved_first_contact, fcr_eligible)     AS fcr,
           aht(talk_time, hold_time, wrap_up_time)            AS aht
    FROM tickets
    GROUP BY 1, 2
)
SELECT to_char(month, 'YYYY-MM')            AS month,
       channel,
       tickets,
       round(nps(nps_s)::numeric, 1)        AS nps,
       responses(nps_s)                     AS "nps n",
       round(csat(csat_s)::numeric, 1)      AS csat,
       round(fcr::numeric, 1)               AS fcr,
       date_trunc('second', aht)            AS aht
FROM m
ORDER BY month, channel;

\echo
\echo '== Whole year by channel =='
\echo '   aht(handle) averages the stored handle_time and should match aht(talk, hold, wrap)'
\echo
SELECT coalesce(channel, 'all')                                          AS channel,
       count(*)                                                          AS tickets,
       round(nps(nps_agg(nps_score))::numeric, 1)                        AS nps,
       responses(nps_agg(nps_score))                                     AS "nps n",
       round(csat(csat_agg(csat_rating))::numeric, 1)                    AS csat,
       round(fcr_rate(resolved_first_contact, fcr_eligible)::numeric, 1) AS fcr,
       date_trunc('second', aht(talk_time, hold_time, wrap_up_time))     AS aht,
       date_trunc('second', aht(handle_time))                            AS "aht(handle)"
FROM tickets
GROUP BY ROLLUP (channel)
ORDER BY channel IS NULL, channel;

\echo
\echo '== Two-step rollup: daily nps_agg summaries, re-aggregated per channel =='
\echo
-- A summary table like this is what a dashboard would keep; rolling the daily
-- summaries up must give exactly the answer of aggregating the raw rows.
CREATE TEMP TABLE daily_nps AS
SELECT created_at::date AS day, channel, nps_agg(nps_score) AS summary
FROM tickets
GROUP BY 1, 2;

WITH two_step AS (
    SELECT channel, count(*) AS days, rollup(summary) AS s
    FROM daily_nps
    GROUP BY channel
), one_step AS (
    SELECT channel, nps_agg(nps_score) AS s
    FROM tickets
    GROUP BY channel
)
SELECT channel,
       t.days                          AS "daily rows",
       responses(t.s)                  AS "nps n",
       round(nps(t.s)::numeric, 4)     AS "nps (two-step)",
       round(nps(o.s)::numeric, 4)     AS "nps (one-step)",
       nps(t.s) = nps(o.s)
           AND responses(t.s) = responses(o.s) AS equal
FROM two_step t
JOIN one_step o USING (channel)
ORDER BY channel;
