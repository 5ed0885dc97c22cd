-- rollup(): stored daily summaries re-aggregated to any week, month or
-- channel equal the one-step answer exactly.

CREATE TABLE rollup_tickets AS
SELECT i,
       date '2025-01-01' + (abs(hashint4(i)) % 120) AS day,
       (ARRAY['email', 'chat', 'phone'])[1 + abs(hashint4(i * 3)) % 3] AS channel,
       CASE WHEN hashint4(i * 5) % 4 = 0 THEN abs(hashint4(i * 7)) % 11 END AS score,
       CASE WHEN hashint4(i * 11) % 3 = 0 THEN 1 + abs(hashint4(i * 13)) % 5 END AS rating,
       CASE WHEN hashint4(i * 17) % 9 <> 0 THEN hashint4(i * 19) % 10 < 7 END AS resolved
FROM generate_series(1, 50000) i;

CREATE TABLE daily AS
SELECT day, channel, nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, rate_agg(resolved) AS fcr_s
FROM rollup_tickets GROUP BY day, channel;

-- Per month and channel: two-step equals one-step, summary for summary.
WITH two_step AS (
    SELECT date_trunc('month', day) AS month, channel,
           rollup(nps_s) AS nps_s, rollup(csat_s) AS csat_s, rollup(fcr_s) AS fcr_s
    FROM daily GROUP BY 1, 2
), one_step AS (
    SELECT date_trunc('month', day) AS month, channel,
           nps_agg(score) AS nps_s, csat_agg(rating) AS csat_s, rate_agg(resolved) AS fcr_s
    FROM rollup_tickets GROUP BY 1, 2
)
SELECT month::date, channel, round(nps(t.nps_s)::numeric, 4) AS nps,
       t.nps_s = o.nps_s AS nps_same, t.csat_s = o.csat_s AS csat_same, t.fcr_s = o.fcr_s AS fcr_same,
       nps(t.nps_s) = nps(o.nps_s) AND csat(t.csat_s) = csat(o.csat_s)
           AND rate(t.fcr_s) = rate(o.fcr_s) AS metrics_same
FROM two_step t JOIN one_step o USING (month, channel) ORDER BY 1, 2;

-- Per channel over everything, and over a week.
SELECT channel, rollup(nps_s) = (SELECT nps_agg(score) FROM rollup_tickets r WHERE r.channel = d.channel) AS same
FROM daily d GROUP BY channel ORDER BY channel;
SELECT rollup(csat_s) = (SELECT csat_agg(rating) FROM rollup_tickets WHERE day BETWEEN '2025-02-03' AND '2025-02-09') AS week_same
FROM daily WHERE day BETWEEN '2025-02-03' AND '2025-02-09';

-- Stored summaries can be deduplicated, grouped and joined on.
SELECT count(*) AS distinct_days, (SELECT count(*) FROM daily) AS stored
FROM (SELECT DISTINCT nps_s, csat_s, fcr_s FROM (SELECT * FROM daily UNION ALL SELECT * FROM daily) u) t;
SELECT count(*) AS joined FROM daily a JOIN daily b ON a.nps_s = b.nps_s AND a.csat_s = b.csat_s AND a.fcr_s = b.fcr_s
WHERE a.day = b.day AND a.channel = b.channel;

-- NULL summaries are skipped; no rows give the empty summary.
SELECT rollup(s) FROM (VALUES ('nps v1 promoters=1 passives=2 detractors=3'::nps_summary), (NULL)) v(s);
SELECT rollup(s), nps(rollup(s)) FROM (SELECT 'nps v1 promoters=1 passives=0 detractors=0'::nps_summary WHERE false) v(s);
SELECT rollup(s), csat(rollup(s)) FROM (SELECT NULL::csat_summary) v(s);
SELECT rollup(s) FROM (VALUES ('rate v1 hits=1 trials=2'::rate_summary), ('rate v1 hits=3 trials=3')) v(s);
-- Empty CSAT summaries merge with any scale.
SELECT rollup(s) FROM (VALUES ('csat v1 scale=0 counts='::csat_summary), ('csat v1 scale=3 counts=1,0,2')) v(s);

-- Different scales cannot merge: 22023.
\set VERBOSITY default
SELECT rollup(s) FROM (VALUES ('csat v1 scale=5 counts=1,0,0,0,2'::csat_summary), ('csat v1 scale=10 counts=0,0,0,0,0,0,0,0,0,1')) v(s);

-- Counters near 2^63 give an error when merged, never a wrapped count.
SELECT rollup(s) FROM (VALUES ('nps v1 promoters=9223372036854775807 passives=0 detractors=0'::nps_summary),
                              ('nps v1 promoters=1 passives=0 detractors=0')) v(s);
SELECT rollup(s) FROM (VALUES ('nps v1 promoters=9223372036854775000 passives=0 detractors=0'::nps_summary),
                              ('nps v1 promoters=0 passives=1000 detractors=0')) v(s);
SELECT rollup(s) FROM (VALUES ('csat v1 scale=2 counts=9223372036854775807,0'::csat_summary),
                              ('csat v1 scale=2 counts=0,1')) v(s);
SELECT rollup(s) FROM (VALUES ('rate v1 hits=0 trials=9223372036854775807'::rate_summary),
                              ('rate v1 hits=1 trials=1')) v(s);
