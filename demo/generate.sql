-- csmetrics demo data: a helpdesk export for calendar year 2025 in the schema
-- of demo/cookbook.sql: ~24,000 customers, ~100,000 tickets with their
-- replies, surveys and calls, monthly support costs and the teams' calendars.
--
-- Deterministic: setseed() fixes random() for this session, every draw is made
-- in one backend over generate_series or a temp table scanned from its first
-- block, so every run produces the same tables. Timestamps are generated in
-- UTC and the export is taken at 2026-01-01 00:00 UTC: whatever would happen
-- later (replies, resolutions, surveys) is not in it yet.

CREATE EXTENSION csmetrics;
\ir cookbook.sql

SET timezone = 'UTC';
-- The number of tickets: psql -v tickets=N (test/citus/ loads fewer).
\if :{?tickets}
\else
\set tickets 100000
\endif
SET synchronize_seqscans = off;             -- every scan starts at block 0
SET max_parallel_workers_per_gather = 0;    -- random() stays in this backend
SELECT setseed(0.42) \gset

-- Lognormal draw given the median: median * exp(sigma * z), z ~ N(0,1) by
-- Box-Muller, clamped to +-3.5 so a handful of rows can't dominate the means.
CREATE FUNCTION pg_temp.lognormal(median float8, sigma float8)
RETURNS float8 LANGUAGE sql VOLATILE AS $$
    SELECT median * exp(sigma * greatest(-3.5, least(3.5,
               sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))
$$;

CREATE FUNCTION pg_temp.normal()
RETURNS float8 LANGUAGE sql VOLATILE AS $$
    SELECT sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())
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

-- ----------------------------------------------------------------
-- Customers: sign-ups since 2022 growing 35% a year; about 2% of customers
-- leave each month, and more in their first three months.
-- ----------------------------------------------------------------

INSERT INTO customers (id, signed_up, cancelled)
SELECT row_number() OVER (ORDER BY signed_up, g),     -- ids follow sign-up order
       signed_up,
       CASE WHEN signed_up + lifetime < date '2026-01-01' THEN signed_up + lifetime END
FROM (SELECT g, signed_up,
             CASE WHEN random() < 0.12 THEN floor(random() * 90)::int         -- early churn
                  ELSE floor(-ln(1 - random()) * 1500)::int END AS lifetime
      FROM (SELECT g,
                   -- inverse CDF of a density growing as exp(k t) over 4 years
                   date '2022-01-01' + floor(ln(1 + random() * (exp(ln(1.35) * 4) - 1))
                                             / (ln(1.35) / 365))::int AS signed_up
            FROM generate_series(1, 24000) AS g) AS s) AS c;

-- Customers signed up by each day of 2025 are ids 1..n.
CREATE TEMP TABLE signed_by AS
SELECT d::date AS day, (SELECT count(*) FROM customers WHERE signed_up <= d) AS n
FROM generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') AS d;

-- ----------------------------------------------------------------
-- Tickets: one row of draws per ticket
-- ----------------------------------------------------------------

-- Per-channel behaviour, durations in seconds (median and sigma of a
-- lognormal). Chat replies in seconds and is best liked; email and social
-- reply in hours; phone resolves most on the first call.
CREATE TEMP TABLE profile (channel, reply_med, reply_sd, gap_med, gap_sd, one_contact,
                           survey_rate, mood) AS
VALUES ('email',   3 * 3600, 1.0,  6 * 3600, 1.2, 0.60, 0.24,  0.25),
       ('chat',          50, 0.8, 20 * 3600, 1.0, 0.72, 0.34,  0.55),
       ('phone',         45, 0.9, 24 * 3600, 1.0, 0.76, 0.28,  0.45),
       ('social',      2400, 1.0,  8 * 3600, 1.1, 0.55, 0.18, -0.10);

CREATE TEMP TABLE draws AS
WITH
-- Daily volume: weekends and holidays are quiet, volume grows with the
-- customer base, and a billing incident (9-20 June) brings a spike.
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
)
SELECT g,
       date '2025-01-01' + width_bucket(random(), c.day_cum) - 1 AS day,
       width_bucket(random(), c.hour_cum) - 1 AS hour,
       floor(random() * 3600) AS sec,
       (ARRAY['email', 'chat', 'phone', 'social'])
           [width_bucket(random(), '{0, 0.40, 0.72, 0.94}'::float8[])] AS channel,
       (ARRAY['technical', 'billing', 'accounts', 'onboarding'])
           [width_bucket(random(), '{0, 0.35, 0.65, 0.85}'::float8[])] AS team,
       random() AS r_customer, random() AS r_escalate, random() AS r_contacts,
       random() AS r_more, random() AS r_reopen, random() AS r_stuck
FROM calendar c, generate_series(1, :tickets) AS g;

CREATE TEMP TABLE ticket_draws AS
SELECT d.g, d.channel, d.team,
       1 + floor(d.r_customer * s.n)::bigint AS customer_id,
       (d.day + make_interval(hours => d.hour, secs => d.sec)) AT TIME ZONE 'UTC' AS created_at,
       d.day BETWEEN date '2025-06-09' AND date '2025-06-20' AS incident,
       extract(isodow FROM d.day) >= 6 AS weekend,
       esc.escalated,
       -- one contact, or two and more (a geometric tail, at most 8); an
       -- escalated ticket takes at least two, the second line's answer last
       CASE WHEN NOT esc.escalated AND d.r_contacts < p.one_contact THEN 1
            ELSE least(8, 2 + floor(ln(1 - d.r_more) / ln(0.45))::int) END AS planned_contacts,
       d.r_reopen,
       -- waiting on the customer; older such tickets were auto-closed
       d.r_stuck < 0.03 AND d.day > date '2025-12-10' AS stuck,
       p.reply_med, p.reply_sd, p.gap_med, p.gap_sd, p.survey_rate, p.mood
FROM draws d
JOIN signed_by s ON s.day = d.day
JOIN profile p ON p.channel = d.channel
CROSS JOIN LATERAL (SELECT d.r_escalate < CASE d.team WHEN 'technical' THEN 0.12 WHEN 'billing' THEN 0.07
                                                      WHEN 'accounts' THEN 0.05 ELSE 0.03 END
                           AS escalated) AS esc
ORDER BY d.g;

-- Ticket ids follow creation order.
CREATE TEMP TABLE ticket_plan AS
SELECT row_number() OVER (ORDER BY created_at, g) AS id, *
FROM ticket_draws;

-- ----------------------------------------------------------------
-- Messages: each contact is a customer message (a call on phone tickets)
-- answered by an agent after a lognormal delay. Replies are slower at
-- weekends on email and social and during the incident; the last reply of an
-- escalated ticket waits for the second line.
-- ----------------------------------------------------------------

CREATE TEMP TABLE message_plan AS
SELECT t.id AS ticket_id, i,
       CASE WHEN i = 1 THEN 0 ELSE pg_temp.lognormal(t.gap_med, t.gap_sd) END AS gap_s,
       pg_temp.lognormal(t.reply_med, t.reply_sd)
           * CASE WHEN t.weekend AND t.channel IN ('email', 'social') THEN 3 ELSE 1 END
           * CASE WHEN t.incident THEN 1.8 ELSE 1 END
           + CASE WHEN t.escalated AND i = t.planned_contacts
                  THEN pg_temp.lognormal(18 * 3600, 0.9) ELSE 0 END AS delay_s,
       -- the conversation after the reply: a chat, or the call itself for phone
       CASE WHEN t.channel = 'chat' THEN round(pg_temp.lognormal(480, 0.6)) END AS chat_s,
       CASE WHEN t.channel = 'phone' THEN round(pg_temp.lognormal(330, 0.55) * CASE WHEN t.incident THEN 1.2 ELSE 1 END) END AS talk_s,
       CASE WHEN t.channel = 'phone' THEN CASE WHEN random() < 0.6 THEN 0 ELSE round(random() * 240) END END AS hold_s,
       CASE WHEN t.channel = 'phone' THEN round(30 + random() * 120) END AS wrap_s,
       -- a caller who hung up in the queue first, then called again
       t.channel = 'phone' AND random() < CASE WHEN t.incident THEN 0.16 ELSE 0.06 END AS abandoned_before,
       random() * 1200 + 60 AS abandoned_ahead_s
FROM ticket_plan t, generate_series(1, t.planned_contacts) AS i
ORDER BY t.id, i;

CREATE TEMP TABLE messages AS
SELECT m.*, t.created_at,
       t.created_at + make_interval(secs => round(sum(gap_s + delay_s) OVER w - delay_s)) AS message_at,
       t.created_at + make_interval(secs => round(sum(gap_s + delay_s) OVER w)) AS reply_at
FROM message_plan m
JOIN ticket_plan t ON t.id = m.ticket_id
WINDOW w AS (PARTITION BY m.ticket_id ORDER BY m.i);

-- ----------------------------------------------------------------
-- The export at 2026-01-01 00:00 UTC: later messages are not in it, later
-- replies and resolutions are still NULL.
-- ----------------------------------------------------------------

\set export_at '''2026-01-01 00:00:00+00'''

CREATE TEMP TABLE exported_messages AS
SELECT ticket_id, i, message_at,
       CASE WHEN reply_at < :export_at THEN reply_at END AS reply_at,
       chat_s, talk_s, hold_s, wrap_s, abandoned_before, abandoned_ahead_s
FROM messages
WHERE message_at < :export_at;

INSERT INTO tickets (id, channel, team, customer_id, created_at, first_reply_at, resolved_at,
                     reopened, escalated, status, contacts)
SELECT id, channel, team, customer_id, created_at, first_reply_at, resolved_at,
       reopened, escalated,
       CASE WHEN resolved_at < timestamptz :export_at - interval '4 days' THEN 'closed'
            WHEN resolved_at IS NOT NULL THEN 'solved'
            WHEN first_reply_at IS NULL THEN 'new'
            WHEN last_reply_at IS NULL THEN 'open'
            WHEN escalated THEN 'on-hold'
            ELSE 'pending' END,
       contacts
FROM (SELECT t.*, m.first_reply_at, m.last_reply_at, m.contacts,
             -- a ticket resolved after two or more contacts was reopened in
             -- about one case in four
             m.contacts >= 2 AND t.r_reopen < 0.25 AS reopened,
             CASE WHEN NOT t.stuck AND m.contacts = t.planned_contacts
                       AND m.last_reply_at + make_interval(secs => coalesce(m.last_handle_s, 0)) < :export_at
                  THEN m.last_reply_at + make_interval(secs => coalesce(m.last_handle_s, 0)) END AS resolved_at
      FROM ticket_plan t
      JOIN (SELECT ticket_id, count(*)::int AS contacts,
                   max(reply_at) FILTER (WHERE i = 1) AS first_reply_at,
                   (array_agg(reply_at ORDER BY i DESC))[1] AS last_reply_at,
                   (array_agg(coalesce(chat_s, talk_s + hold_s + wrap_s) ORDER BY i DESC))[1] AS last_handle_s
            FROM exported_messages
            GROUP BY ticket_id) m ON m.ticket_id = t.id) AS x
ORDER BY id;

INSERT INTO ticket_replies (ticket_id, customer_message_at, agent_reply_at)
SELECT ticket_id, message_at, reply_at
FROM exported_messages
ORDER BY ticket_id, i;

-- Calls: every answered contact on a phone ticket, and the abandoned calls
-- before some of them.
INSERT INTO calls (ticket_id, started_at, talk, hold, wrap_up, abandoned)
SELECT ticket_id, started_at, talk, hold, wrap_up, abandoned
FROM (SELECT m.ticket_id, m.i, 1 AS n, m.message_at - make_interval(secs => round(m.abandoned_ahead_s)) AS started_at,
             NULL::interval AS talk, NULL::interval AS hold, NULL::interval AS wrap_up, true AS abandoned
      FROM exported_messages m
      WHERE m.abandoned_before
      UNION ALL
      SELECT m.ticket_id, m.i, 2, m.message_at,
             make_interval(secs => m.talk_s), make_interval(secs => m.hold_s),
             make_interval(secs => m.wrap_s), false
      FROM exported_messages m
      WHERE m.talk_s IS NOT NULL AND m.reply_at IS NOT NULL) AS c
ORDER BY ticket_id, i, n;

-- ----------------------------------------------------------------
-- Status history: new at creation; open when an agent picks the first
-- message up (on-hold instead when an escalated ticket's last message waits
-- for the second line) and whenever the customer writes again; pending at
-- each agent reply, solved instead at the reply before a reopen; solved at
-- the resolution and closed four days later.  The last status of each
-- ticket is its status in the export.
-- ----------------------------------------------------------------

INSERT INTO ticket_status_history (ticket_id, status, changed_at)
SELECT ticket_id, status, changed_at
FROM (SELECT id AS ticket_id, 'new' AS status, created_at AS changed_at FROM tickets
      UNION ALL
      SELECT m.ticket_id, 'open', m.message_at FROM exported_messages m WHERE m.i > 1
      UNION ALL
      SELECT m.ticket_id, CASE WHEN t.escalated AND m.i = t.contacts THEN 'on-hold' ELSE 'open' END,
             m.message_at + least(interval '15 minutes', (m.reply_at - m.message_at) / 2)
      FROM exported_messages m JOIN tickets t ON t.id = m.ticket_id
      WHERE m.reply_at IS NOT NULL AND (m.i = 1 OR (t.escalated AND m.i = t.contacts))
      UNION ALL
      SELECT m.ticket_id,
             CASE WHEN t.reopened AND m.i = t.contacts - 1 THEN 'solved'
                  WHEN t.escalated AND t.resolved_at IS NULL AND m.i = t.contacts THEN 'on-hold'
                  ELSE 'pending' END,
             m.reply_at
      FROM exported_messages m JOIN tickets t ON t.id = m.ticket_id
      WHERE m.reply_at IS NOT NULL
      UNION ALL
      SELECT id, 'solved', resolved_at FROM tickets WHERE resolved_at IS NOT NULL
      UNION ALL
      SELECT id, 'closed', resolved_at + interval '4 days' FROM tickets
      WHERE resolved_at + interval '4 days' < :export_at) AS h
ORDER BY changed_at, ticket_id, status;

-- ----------------------------------------------------------------
-- Surveys: sent half an hour after resolution. Answers share one latent
-- satisfaction per ticket: more contacts, reopening, escalation, a long wait
-- and the incident all pull it down.
-- ----------------------------------------------------------------

INSERT INTO surveys (ticket_id, sent_at, nps_score, csat_rating, ces_score)
SELECT id, sent_at,
       CASE WHEN answered AND r_nps < 0.85
            THEN greatest(0, least(10, round(8.0 + 1.8 * (mood + 0.5 * pg_temp.normal()))))::int END,
       CASE WHEN answered
            THEN greatest(1, least(5, round(4.35 + 0.9 * (mood + 0.5 * pg_temp.normal()))))::int END,
       CASE WHEN answered AND r_ces < 0.70
            THEN greatest(1, least(7, round(5.4 + 1.2 * (mood + 0.5 * pg_temp.normal()))))::int END
FROM (SELECT id, sent_at,
             random() < survey_rate AS answered, random() AS r_nps, random() AS r_ces,
             expected_mood + pg_temp.normal() AS mood
      -- draws are made in ticket order, whatever plan the join gets
      FROM (SELECT t.id, t.resolved_at + interval '30 minutes' AS sent_at, p.survey_rate,
                   p.mood
                   - 0.35 * (t.contacts - 1)
                   - CASE WHEN t.reopened THEN 0.5 ELSE 0 END
                   - CASE WHEN t.escalated THEN 0.3 ELSE 0 END
                   - CASE WHEN t.created_at::date BETWEEN date '2025-06-09' AND date '2025-06-20'
                          THEN 0.6 ELSE 0 END
                   - 0.25 * ln(1 + extract(epoch FROM t.resolved_at - t.created_at) / 86400)
                       AS expected_mood
            FROM tickets t
            JOIN profile p ON p.channel = t.channel
            WHERE t.resolved_at + interval '30 minutes' < :export_at
            ORDER BY t.id OFFSET 0) AS resolved) AS s
ORDER BY id;

-- ----------------------------------------------------------------
-- Support costs: agents at 5,200 a month, headcount growing through the year,
-- tools at 9,000 a month, overtime during the June incident.
-- ----------------------------------------------------------------

INSERT INTO support_costs (month, cost)
SELECT make_date(2025, m, 1),
       9000 + round(34 + 0.5 * m) * 5200 + CASE WHEN m = 6 THEN 18000 ELSE 0 END
FROM generate_series(1, 12) AS m;

-- ----------------------------------------------------------------
-- Team calendars, for the business-hours views: technical support in New
-- York and accounts in Berlin work long days (accounts also Saturday
-- mornings), billing keeps London office hours and onboarding in Dublin
-- closes for lunch. Each team has its holidays of 2025, and New Year's Day
-- 2026 for the SLA due times of the last tickets; Berlin's include Women's
-- Day (8 March) and the one-off holiday of 8 May 2025.
-- ----------------------------------------------------------------

INSERT INTO team_calendars (team, calendar) VALUES
    ('technical',  'mon-fri 08:00-20:00; tz America/New_York; holidays 2025-01-01 2025-01-20
                    2025-05-26 2025-06-19 2025-07-04 2025-09-01 2025-11-27 2025-11-28 2025-12-25 2026-01-01'),
    ('billing',    'mon-fri 09:30-17:30; tz Europe/London; holidays 2025-01-01 2025-04-18 2025-04-21
                    2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26 2026-01-01'),
    ('accounts',   'mon-fri 08:00-18:00; sat 09:00-13:00; tz Europe/Berlin; holidays 2025-01-01 2025-03-08
                    2025-04-18 2025-04-21 2025-05-01 2025-05-08 2025-05-29 2025-06-09 2025-10-03 2025-12-25
                    2025-12-26 2026-01-01'),
    ('onboarding', 'mon-fri 09:00-12:30 13:30-17:30; tz Europe/Dublin; holidays 2025-01-01 2025-02-03
                    2025-03-17 2025-04-21 2025-05-05 2025-06-02 2025-08-04 2025-10-27 2025-12-25 2025-12-26
                    2026-01-01');

-- The nightly job, run once over the whole export as a backfill.
CALL refresh_daily_metrics(date '2025-01-01', date '2025-12-31');

ANALYZE;
