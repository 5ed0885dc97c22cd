-- csmetrics demo data: ~100,000 synthetic support tickets for calendar year 2025.
--
-- Deterministic: setseed() fixes random() for this session and the whole load
-- runs in a single backend, so every run produces the same table.
-- All timestamps are generated in UTC; report.sql reads them in UTC too.

CREATE EXTENSION csmetrics;

SELECT setseed(0.42) \gset

-- Lognormal draw given the median: median * exp(sigma * z) with z ~ N(0,1)
-- (Box-Muller). z is clamped to +-3.5 so a handful of rows can't dominate the
-- means with week-long phone calls.
CREATE FUNCTION pg_temp.lognormal(median float8, sigma float8)
RETURNS float8 LANGUAGE sql VOLATILE AS $$
    SELECT median * exp(sigma * greatest(-3.5, least(3.5,
               sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))
$$;

-- Turns relative weights into the sorted lower bounds that width_bucket()
-- expects, so width_bucket(random(), cumulative(w)) picks index i with
-- probability w[i] / sum(w).
CREATE FUNCTION pg_temp.cumulative(w float8[])
RETURNS float8[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(coalesce(s, 0) / (SELECT sum(x) FROM unnest(w) x) ORDER BY i)
    FROM (SELECT i, sum(w[i]) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING
                                                   AND 1 PRECEDING) AS s
          FROM generate_subscripts(w, 1) i) c
$$;

CREATE TABLE tickets (
    id                     bigint PRIMARY KEY,
    created_at             timestamptz NOT NULL,
    channel                text NOT NULL,
    team                   text NOT NULL,
    nps_score              integer CHECK (nps_score BETWEEN 0 AND 10),
    csat_rating            integer CHECK (csat_rating BETWEEN 1 AND 5),
    resolved_first_contact boolean NOT NULL,
    fcr_eligible           boolean NOT NULL,
    talk_time              interval NOT NULL CHECK (talk_time >= interval '0'),
    hold_time              interval NOT NULL CHECK (hold_time >= interval '0'),
    wrap_up_time           interval NOT NULL CHECK (wrap_up_time >= interval '0'),
    handle_time            interval NOT NULL
                           GENERATED ALWAYS AS (talk_time + hold_time + wrap_up_time) STORED,
    first_reply_at         timestamptz CHECK (first_reply_at >= created_at),
    resolved_at            timestamptz CHECK (resolved_at >= first_reply_at)
);

INSERT INTO tickets (id, created_at, channel, team, nps_score, csat_rating,
                     resolved_first_contact, fcr_eligible,
                     talk_time, hold_time, wrap_up_time,
                     first_reply_at, resolved_at)
WITH
-- Per-channel behaviour. Durations are in seconds; *_med/*_sd are the median
-- and sigma of a lognormal. nps_w weights scores 0..10, csat_w ratings 1..5.
-- Chat is the best-liked channel, social the worst; phone resolves most on
-- first contact; email replies take hours instead of minutes.
profile (channel, nps_rate, nps_w, csat_rate, csat_w, fcr,
         reply_med, reply_sd, talk_med, talk_sd, hold_max, wrap_min, wrap_span,
         fix_med, fix_sd) AS MATERIALIZED (
    SELECT channel, nps_rate, pg_temp.cumulative(nps_w), csat_rate,
           pg_temp.cumulative(csat_w), fcr, reply_med, reply_sd, talk_med,
           talk_sd, hold_max, wrap_min, wrap_span, fix_med, fix_sd
    FROM (VALUES
        --          nps  nps weights 0..10                         csat csat weights              fcr  reply        talk        hold wrap      fix (not FCR)
        ('email',  0.23, '{3,1,1,2,2,5,7,13,20,20,26}'::float8[], 0.29, '{6,7,14,35,38}'::float8[], 0.65, 3*3600, 0.9, 240, 0.70,   0,  0, 20, 26*3600, 1.0),
        ('chat',   0.31, '{2,1,1,1,2,3,5,11,20,23,31}'          , 0.42, '{4,5,11,35,45}'          , 0.72,     60, 0.8, 420, 0.60,   0,  0, 30,  5*3600, 1.1),
        ('phone',  0.27, '{2,1,1,1,2,4,6,12,21,22,28}'          , 0.31, '{4,6,12,36,42}'          , 0.80,     45, 0.9, 300, 0.55, 120, 60, 60,  8*3600, 1.1),
        ('social', 0.21, '{6,2,2,3,4,6,8,13,17,16,23}'          , 0.23, '{9,9,15,32,35}'          , 0.60,   2400, 1.0, 180, 0.60,   0,  0, 20, 12*3600, 1.0)
    ) AS v (channel, nps_rate, nps_w, csat_rate, csat_w, fcr,
            reply_med, reply_sd, talk_med, talk_sd, hold_max, wrap_min, wrap_span,
            fix_med, fix_sd)
),
-- Daily volume: weekends and holidays are quiet, the customer base grows
-- through the year, and a billing incident (9-20 June) brings a spike of
-- unhappy customers.
calendar AS MATERIALIZED (
    SELECT pg_temp.cumulative(array_agg(
               CASE WHEN to_char(d, 'MM-DD') IN ('01-01', '12-25', '12-26') THEN 0.3
                    WHEN extract(isodow FROM d) = 6 THEN 0.35
                    WHEN extract(isodow FROM d) = 7 THEN 0.25
                    ELSE 1.0 END
               * (0.9 + 0.2 * (d - date '2025-01-01') / 364.0)
               * CASE WHEN d BETWEEN date '2025-06-09' AND date '2025-06-20' THEN 1.6 ELSE 1 END
               ORDER BY d)) AS day_cum,
           -- hour-of-day profile (UTC), peaking late morning
           pg_temp.cumulative('{1,0.6,0.4,0.3,0.3,0.5,1,2.5,6,9,10,10,8.5,9,9.5,9,8,6.5,4.5,3.5,3,2.5,2,1.5}')
               AS hour_cum
    FROM (SELECT date '2025-01-01' + n AS d FROM generate_series(0, 364) AS n) AS days
),
-- Raw draws are materialized once per ticket, so a CASE over them uses one
-- random number rather than one per branch.
base AS MATERIALIZED (
    SELECT g,
           date '2025-01-01' + width_bucket(random(), c.day_cum) - 1 AS day,
           width_bucket(random(), c.hour_cum) - 1 AS hour,
           floor(random() * 3600) AS sec,
           random() AS r_channel,
           random() AS r_team
    FROM calendar c, generate_series(1, 100000) AS g
),
drawn AS MATERIALIZED (
    SELECT b.g, p.channel,
           CASE WHEN b.r_team < 0.35 THEN 'technical'
                WHEN b.r_team < 0.65 THEN 'billing'
                WHEN b.r_team < 0.85 THEN 'accounts'
                ELSE 'onboarding' END AS team,
           (b.day + make_interval(hours => b.hour, secs => b.sec)) AT TIME ZONE 'UTC' AS created_at,
           b.day BETWEEN date '2025-06-09' AND date '2025-06-20' AS incident,
           random() < p.fcr AS fcr,
           random() < 0.90 AS fcr_eligible,
           round(pg_temp.lognormal(p.reply_med, p.reply_sd)) AS reply_s,
           round(pg_temp.lognormal(p.talk_med, p.talk_sd)) AS talk_s,
           round(random() * p.hold_max) AS hold_s,
           round(p.wrap_min + random() * p.wrap_span) AS wrap_s,
           round(pg_temp.lognormal(p.fix_med, p.fix_sd)) AS fix_s,
           random() AS r_open,
           p.nps_rate, p.nps_w, p.csat_rate, p.csat_w
    FROM base b
    JOIN profile p ON p.channel = CASE WHEN b.r_channel < 0.45 THEN 'email'
                                       WHEN b.r_channel < 0.75 THEN 'chat'
                                       WHEN b.r_channel < 0.95 THEN 'phone'
                                       ELSE 'social' END
),
outcome AS MATERIALIZED (
    SELECT d.*,
           -- ~5% still open: only tickets not solved on first contact, far
           -- more likely for the last weeks of December (backlog at year end)
           NOT d.fcr
               AND d.r_open < (0.035 + 0.3 * exp(-extract(epoch FROM
                     timestamptz '2026-01-01 00:00 UTC' - d.created_at) / 86400 / 14)) / 0.30
               AS open
    FROM drawn d
),
scored AS MATERIALIZED (
    SELECT o.*,
           -- surveys go out on resolution only; repeat contacts and the
           -- incident drag scores down
           CASE WHEN NOT o.open AND random() < o.nps_rate THEN
               greatest(0, width_bucket(random(), o.nps_w) - 1
                   - CASE WHEN NOT o.fcr AND random() < 0.45 THEN 1 + floor(random() * 3)::int ELSE 0 END
                   - CASE WHEN o.incident AND random() < 0.35 THEN 1 + floor(random() * 3)::int ELSE 0 END)
           END AS nps_score,
           CASE WHEN NOT o.open AND random() < o.csat_rate THEN
               greatest(1, width_bucket(random(), o.csat_w)
                   - CASE WHEN NOT o.fcr AND random() < 0.35 THEN 1 + floor(random() * 2)::int ELSE 0 END
                   - CASE WHEN o.incident AND random() < 0.30 THEN 1 + floor(random() * 2)::int ELSE 0 END)
           END AS csat_rating
    FROM outcome o
)
SELECT row_number() OVER (ORDER BY created_at, g),   -- ticket ids follow creation order
       created_at, channel, team, nps_score, csat_rating,
       fcr,
       fcr_eligible,
       make_interval(secs => talk_s),
       make_interval(secs => hold_s),
       make_interval(secs => wrap_s),
       created_at + make_interval(secs => reply_s),
       CASE WHEN NOT open THEN
           created_at + make_interval(secs => reply_s + talk_s + hold_s + wrap_s
                                              + CASE WHEN fcr THEN 0 ELSE fix_s END)
       END
FROM scored;

ANALYZE tickets;
