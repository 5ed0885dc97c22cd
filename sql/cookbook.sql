-- cookbook: the schema and views of demo/cookbook.sql over a dozen hand-made
-- tickets (two ISO weeks, email and phone), each view checked against values
-- worked out by hand. Every check joins the view to the expected rows with a
-- FULL JOIN, so a missing or extra row shows up as well as a wrong number.
-- A schema of its own: other suites in this database have their own tables.
CREATE SCHEMA cookbook;
SET search_path = cookbook, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';
\getenv abs_srcdir PG_ABS_SRCDIR
\set cookbook :abs_srcdir '/demo/cookbook.sql'
\set ECHO none
\i :cookbook
\set ECHO all

-- median and percentile are estimates within 1% of the exact
-- percentile_disc rank; everything else is checked exactly.
CREATE FUNCTION within_1pct(actual interval, expected interval) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT abs(extract(epoch FROM actual - expected)) <= 0.01 * extract(epoch FROM expected)
$$;

-- ----------------------------------------------------------------
-- The data
-- ----------------------------------------------------------------

INSERT INTO customers (id, signed_up, cancelled) VALUES
    (1, '2024-12-10', NULL),
    (2, '2025-01-15', '2025-03-20'),
    (3, '2025-02-03', '2025-03-28'),
    (4, '2025-03-05', NULL),
    (5, '2025-03-07', '2025-03-25'),
    (6, '2024-11-01', '2025-02-10'),
    (7, '2025-01-20', NULL);

-- Week 1 is 2025-03-03..09, week 2 is 2025-03-10..16.
INSERT INTO tickets (id, channel, team, customer_id, created_at, first_reply_at, resolved_at,
                     reopened, escalated, status, contacts) VALUES
    ( 1, 'email', 'billing',    1, '2025-03-03 09:00', '2025-03-03 10:00',    '2025-03-03 15:00', false, false, 'closed',  1),
    ( 2, 'email', 'billing',    2, '2025-03-04 10:00', '2025-03-04 12:00',    '2025-03-05 10:00', true,  false, 'closed',  2),
    ( 3, 'email', 'technical',  3, '2025-03-05 08:00', '2025-03-05 08:30',    '2025-03-12 08:00', false, true,  'closed',  3),
    ( 4, 'email', 'accounts',   4, '2025-03-07 16:00', '2025-03-08 16:00',    NULL,               false, false, 'open',    2),
    ( 5, 'phone', 'billing',    1, '2025-03-03 11:00', '2025-03-03 11:00:30', '2025-03-03 11:10', false, false, 'closed',  1),
    ( 6, 'phone', 'technical',  7, '2025-03-04 14:00', '2025-03-04 14:01',    '2025-03-06 14:00', false, false, 'closed',  2),
    ( 7, 'phone', 'accounts',   2, '2025-03-06 09:00', '2025-03-06 09:02',    '2025-03-06 16:00', true,  false, 'solved',  2),
    ( 8, 'email', 'billing',    5, '2025-03-10 09:00', '2025-03-10 13:00',    '2025-03-11 09:00', false, true,  'solved',  1),
    ( 9, 'email', 'onboarding', 4, '2025-03-12 10:00', NULL,                  NULL,               false, false, 'new',     1),
    (10, 'phone', 'billing',    7, '2025-03-10 10:00', '2025-03-10 10:00:20', '2025-03-10 10:15', false, false, 'closed',  1),
    (11, 'phone', 'technical',  3, '2025-03-11 15:00', '2025-03-11 15:03',    '2025-03-14 15:00', false, false, 'solved',  2),
    (12, 'phone', 'technical',  1, '2025-03-13 12:00', '2025-03-13 12:00:40', NULL,               false, true,  'on-hold', 1);

INSERT INTO ticket_replies (ticket_id, customer_message_at, agent_reply_at) VALUES
    ( 1, '2025-03-03 09:00', '2025-03-03 10:00'),       -- 1 h
    ( 2, '2025-03-04 10:00', '2025-03-04 12:00'),       -- 2 h
    ( 2, '2025-03-05 08:00', '2025-03-05 08:45'),       -- 45 min
    ( 3, '2025-03-05 08:00', '2025-03-05 08:30'),       -- 30 min
    ( 3, '2025-03-06 09:00', '2025-03-06 13:00'),       -- 4 h
    ( 3, '2025-03-11 10:00', '2025-03-11 11:00'),       -- 1 h, week 2
    ( 4, '2025-03-07 16:00', '2025-03-08 16:00'),       -- 24 h
    ( 4, '2025-03-09 10:00', NULL),                     -- not answered yet
    ( 5, '2025-03-03 11:00', '2025-03-03 11:00:30'),    -- 30 s
    ( 6, '2025-03-04 14:00', '2025-03-04 14:01'),       -- 1 min
    ( 6, '2025-03-05 09:00', '2025-03-05 09:05'),       -- 5 min
    ( 7, '2025-03-06 09:00', '2025-03-06 09:02'),       -- 2 min
    ( 7, '2025-03-06 15:00', '2025-03-06 15:01'),       -- 1 min
    ( 8, '2025-03-10 09:00', '2025-03-10 13:00'),       -- 4 h
    ( 9, '2025-03-12 10:00', NULL),
    (10, '2025-03-10 10:00', '2025-03-10 10:00:20'),    -- 20 s
    (11, '2025-03-11 15:00', '2025-03-11 15:03'),       -- 3 min
    (11, '2025-03-13 09:00', '2025-03-13 09:10'),       -- 10 min
    (12, '2025-03-13 12:00', '2025-03-13 12:00:40');    -- 40 s

INSERT INTO surveys (ticket_id, sent_at, nps_score, csat_rating, ces_score) VALUES
    ( 1, '2025-03-03 15:30', 10,    5,    7),
    ( 2, '2025-03-05 10:30',  6,    3,    3),
    ( 3, '2025-03-12 08:30',  9,    4,    5),
    ( 5, '2025-03-03 11:40',  8,    5,    6),
    ( 6, '2025-03-06 14:30', NULL, NULL, NULL),         -- not answered
    ( 7, '2025-03-06 16:30',  3,    4,    2),
    ( 8, '2025-03-11 09:30', 10,    NULL, 7),
    (10, '2025-03-10 10:45',  9,    4,    7),
    (11, '2025-03-14 15:30',  7,    2,    4);

INSERT INTO calls (ticket_id, started_at, talk, hold, wrap_up, abandoned) VALUES
    ( 5, '2025-03-03 11:00', '8 min',  '1 min', '1 min', false),   -- 10 min
    ( 6, '2025-03-04 14:00', '12 min', '3 min', '2 min', false),   -- 17 min
    ( 6, '2025-03-05 08:55', NULL,     NULL,    NULL,    true),
    ( 6, '2025-03-05 09:00', '6 min',  '0',     '1 min', false),   --  7 min
    ( 7, '2025-03-06 09:00', '5 min',  '0',     '1 min', false),   --  6 min
    ( 7, '2025-03-06 15:00', '4 min',  '2 min', '2 min', false),   --  8 min
    (10, '2025-03-10 10:00', '9 min',  '2 min', '1 min', false),   -- 12 min
    (11, '2025-03-11 15:00', '14 min', '5 min', '3 min', false),   -- 22 min
    (11, '2025-03-13 08:50', NULL,     NULL,    NULL,    true),
    (11, '2025-03-13 09:00', '7 min',  '0',     '1 min', false),   --  8 min
    (12, '2025-03-13 11:58', NULL,     NULL,    NULL,    true),
    (12, '2025-03-13 12:00', '10 min', '4 min', '2 min', false);   -- 16 min

INSERT INTO support_costs (month, cost) VALUES ('2025-02-01', 5000.00), ('2025-03-01', 8400.00);

-- The teams' working hours: the demo's calendars, holidays cut to spring 2025.
-- In March 2025 London and Dublin are on UTC and Berlin on UTC+1; New York is on
-- UTC-5 until it moves to daylight saving time (UTC-4) on Sunday 03-09.
-- Saturday 03-08 is a holiday in Berlin (Women's Day).
INSERT INTO team_calendars (team, calendar) VALUES
    ('billing',    'mon-fri 09:30-17:30; tz Europe/London; holidays 2025-04-18 2025-04-21'),
    ('technical',  'mon-fri 08:00-20:00; tz America/New_York; holidays 2025-01-20 2025-05-26'),
    ('accounts',   'mon-fri 08:00-18:00; sat 09:00-13:00; tz Europe/Berlin; holidays 2025-03-08 2025-04-18'),
    ('onboarding', 'mon-fri 09:00-12:30 13:30-17:30; tz Europe/Dublin; holidays 2025-03-17');

-- ----------------------------------------------------------------
-- Metric views
-- ----------------------------------------------------------------

-- Volume: tickets created per week.
SELECT week, channel, v.tickets, v.tickets = e.tickets AS ok
FROM weekly_ticket_volume v
FULL JOIN (VALUES (date '2025-03-03', 'email', 4),    -- 1, 2, 3, 4
                  ('2025-03-03', 'phone', 3),         -- 5, 6, 7
                  ('2025-03-10', 'email', 2),         -- 8, 9
                  ('2025-03-10', 'phone', 3))         -- 10, 11, 12
          AS e(week, channel, tickets) USING (week, channel)
ORDER BY week, channel;

-- Backlog at 2025-03-10 00:00 and 2025-03-17 00:00.
SELECT week, channel, b.open_tickets, b.open_tickets = e.open_tickets AS ok
FROM weekly_backlog b
FULL JOIN (VALUES (date '2025-03-03', 'email', 2),    -- 3 (resolved 03-12), 4
                  ('2025-03-03', 'phone', 0),         -- 5, 6, 7 all resolved by 03-06
                  ('2025-03-10', 'email', 2),         -- 4, 9
                  ('2025-03-10', 'phone', 1))         -- 12 (11 resolved 03-14)
          AS e(week, channel, open_tickets) USING (week, channel)
ORDER BY week, channel;

-- First response time of the week's new tickets: the percentile_disc rank
-- ceil(q * n) of the sorted answered times; mean exact.
SELECT week, channel, f.answered, e.median, e.p90, f.first_response_mean AS mean,
       f.answered = e.answered AND within_1pct(f.first_response_median, e.median)
           AND within_1pct(f.first_response_p90, e.p90) AND f.first_response_mean = e.mean AS ok
FROM weekly_first_response f
FULL JOIN (VALUES
    -- 30 min, 1 h, 2 h, 24 h: median 2nd, p90 4th; mean 1650 min / 4
    (date '2025-03-03', 'email', 4, interval '1 hour', interval '24 hours', interval '6:52:30'),
    -- 30 s, 1 min, 2 min: median 2nd, p90 3rd; mean 210 s / 3
    ('2025-03-03', 'phone', 3, '1 min', '2 min', '00:01:10'),
    -- 4 h; ticket 9 has no reply yet and is not counted
    ('2025-03-10', 'email', 1, '4 hours', '4 hours', '4:00:00'),
    -- 20 s, 40 s, 3 min: median 2nd, p90 3rd; mean 240 s / 3
    ('2025-03-10', 'phone', 3, '40 s', '3 min', '00:01:20'))
    AS e(week, channel, answered, median, p90, mean) USING (week, channel)
ORDER BY week, channel;

-- Average reply time, by the week the reply was sent.
SELECT week, channel, r.replies, r.average_reply_time, e.median,
       r.replies = e.replies AND r.average_reply_time = e.average
           AND within_1pct(r.median_reply_time, e.median) AS ok
FROM weekly_reply_time r
FULL JOIN (VALUES
    -- 1 h, 2 h, 45 min, 30 min, 4 h, 24 h = 32 h 15 min / 6; median 3rd of 6 = 1 h
    (date '2025-03-03', 'email', 6, interval '5:22:30', interval '1 hour'),
    -- 30 s, 60 s, 300 s, 120 s, 60 s = 570 s / 5; median 3rd of 5 = 60 s
    ('2025-03-03', 'phone', 5, '00:01:54', '1 min'),
    -- 1 h (ticket 3), 4 h (ticket 8) = 5 h / 2; median 1st of 2 = 1 h
    ('2025-03-10', 'email', 2, '2:30:00', '1 hour'),
    -- 20 s, 180 s, 600 s, 40 s = 840 s / 4; median 2nd of 4 = 40 s
    ('2025-03-10', 'phone', 4, '00:03:30', '40 s'))
    AS e(week, channel, replies, average, median) USING (week, channel)
ORDER BY week, channel;

-- Resolution time of the tickets resolved in the week.
SELECT week, channel, t.resolved_tickets, e.median, e.p90, t.resolution_mean AS mean,
       t.resolved_tickets = e.resolved AND within_1pct(t.resolution_median, e.median)
           AND within_1pct(t.resolution_p90, e.p90) AND t.resolution_mean = e.mean AS ok
FROM weekly_resolution_time t
FULL JOIN (VALUES
    -- tickets 1 (6 h), 2 (24 h): mean 30 h / 2
    (date '2025-03-03', 'email', 2, interval '6 hours', interval '24 hours', interval '15:00:00'),
    -- tickets 5 (10 min), 7 (7 h), 6 (48 h): mean 3310 min / 3 = 1103 min 20 s
    ('2025-03-03', 'phone', 3, '7 hours', '48 hours', '18:23:20'),
    -- tickets 8 (24 h), 3 (168 h): mean 192 h / 2
    ('2025-03-10', 'email', 2, '24 hours', '168 hours', '96:00:00'),
    -- tickets 10 (15 min), 11 (72 h): mean 4335 min / 2
    ('2025-03-10', 'phone', 2, '15 min', '72 hours', '36:07:30'))
    AS e(week, channel, resolved, median, p90, mean) USING (week, channel)
ORDER BY week, channel;

-- Resolution rate of the week's new tickets.
SELECT week, channel, r.tickets, r.resolved_tickets, round(r.resolution_pct::numeric, 4) AS pct,
       (r.tickets, r.resolved_tickets, round(r.resolution_pct::numeric, 4))
           = (e.tickets, e.resolved, e.pct) AS ok
FROM weekly_resolution_rate r
FULL JOIN (VALUES (date '2025-03-03', 'email', 4, 3, 75.0),     -- 4 still open
                  ('2025-03-03', 'phone', 3, 3, 100.0),
                  ('2025-03-10', 'email', 2, 1, 50.0),          -- 9 still open
                  ('2025-03-10', 'phone', 3, 2, 66.6667))       -- 12 still open
          AS e(week, channel, tickets, resolved, pct) USING (week, channel)
ORDER BY week, channel;

-- FCR of the tickets resolved in the week: one contact and not reopened, over
-- the tickets that were not escalated.
SELECT week, channel, f.eligible_tickets, round(f.fcr_pct::numeric, 4) AS fcr,
       f.eligible_tickets = e.eligible AND round(f.fcr_pct::numeric, 4) IS NOT DISTINCT FROM e.fcr AS ok
FROM weekly_fcr f
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 50.0),        -- 1 yes, 2 (two contacts, reopened) no
                  ('2025-03-03', 'phone', 3, 33.3333),          -- 5 yes, 6 (two contacts) no, 7 no
                  ('2025-03-10', 'email', 0, NULL),             -- 3 and 8 escalated: none eligible
                  ('2025-03-10', 'phone', 2, 50.0))             -- 10 yes, 11 (two contacts) no
          AS e(week, channel, eligible, fcr) USING (week, channel)
ORDER BY week, channel;

-- Escalation rate of the week's new tickets.
SELECT week, channel, x.tickets, round(x.escalation_pct::numeric, 4) AS pct,
       x.tickets = e.tickets AND round(x.escalation_pct::numeric, 4) = e.pct AS ok
FROM weekly_escalation_rate x
FULL JOIN (VALUES (date '2025-03-03', 'email', 4, 25.0),        -- 3
                  ('2025-03-03', 'phone', 3, 0.0),
                  ('2025-03-10', 'email', 2, 50.0),             -- 8
                  ('2025-03-10', 'phone', 3, 33.3333))          -- 12
          AS e(week, channel, tickets, pct) USING (week, channel)
ORDER BY week, channel;

-- Reopen rate of the tickets resolved in the week.
SELECT week, channel, r.resolved_tickets, round(r.reopen_pct::numeric, 4) AS pct,
       r.resolved_tickets = e.resolved AND round(r.reopen_pct::numeric, 4) = e.pct AS ok
FROM weekly_reopen_rate r
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 50.0),        -- 2 of 1, 2
                  ('2025-03-03', 'phone', 3, 33.3333),          -- 7 of 5, 6, 7
                  ('2025-03-10', 'email', 2, 0.0),              -- 3, 8
                  ('2025-03-10', 'phone', 2, 0.0))              -- 10, 11
          AS e(week, channel, resolved, pct) USING (week, channel)
ORDER BY week, channel;

-- Replies per ticket resolved in the week.
SELECT week, channel, p.resolved_tickets, p.replies, round(p.replies_per_ticket::numeric, 4) AS per_ticket,
       (p.resolved_tickets, p.replies, round(p.replies_per_ticket::numeric, 4))
           = (e.resolved, e.replies, e.per_ticket) AS ok
FROM weekly_replies_per_ticket p
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 3, 1.5),      -- 1: 1, 2: 2
                  ('2025-03-03', 'phone', 3, 5, 1.6667),        -- 5: 1, 6: 2, 7: 2
                  ('2025-03-10', 'email', 2, 4, 2.0),           -- 3: 3, 8: 1
                  ('2025-03-10', 'phone', 2, 3, 1.5))           -- 10: 1, 11: 2
          AS e(week, channel, resolved, replies, per_ticket) USING (week, channel)
ORDER BY week, channel;

-- AHT of the calls handled in the week; abandoned calls are not handled.
SELECT week, channel, a.handled_calls, a.aht,
       a.handled_calls = e.calls AND a.aht = e.aht AS ok
FROM weekly_aht a
FULL JOIN (VALUES (date '2025-03-03', 'phone', 5, interval '00:09:36'),   -- 10+17+7+6+8 = 48 min / 5
                  ('2025-03-10', 'phone', 4, '00:14:30'))                 -- 12+22+8+16 = 58 min / 4
          AS e(week, channel, calls, aht) USING (week, channel)
ORDER BY week, channel;

-- Abandonment rate of the calls offered in the week.
SELECT week, channel, a.offered_calls, a.abandoned_calls, round(a.abandonment_pct::numeric, 4) AS pct,
       (a.offered_calls, a.abandoned_calls, round(a.abandonment_pct::numeric, 4))
           = (e.offered, e.abandoned, e.pct) AS ok
FROM weekly_abandonment a
FULL JOIN (VALUES (date '2025-03-03', 'phone', 6, 1, 16.6667),  -- 1 of 6
                  ('2025-03-10', 'phone', 6, 2, 33.3333))       -- 2 of 6
          AS e(week, channel, offered, abandoned, pct) USING (week, channel)
ORDER BY week, channel;

-- CSAT of the surveys sent in the week (4 and 5 are satisfied), with the
-- Wilson interval at z = 1.959963984540054 (the exact 95% normal quantile): for h of n, p = h/n,
-- (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), within [0, 100]:
-- 1 of 2 -> [9.4531, 90.5469], 2 of 2 -> [34.2380, 100], 1 of 1 -> [20.6549, 100].
SELECT week, channel, c.responses, round(c.csat_pct::numeric, 4) AS csat,
       round(c.csat_ci_low::numeric, 4) AS low, round(c.csat_ci_high::numeric, 4) AS high,
       (c.responses, round(c.csat_pct::numeric, 4), round(c.csat_ci_low::numeric, 4),
        round(c.csat_ci_high::numeric, 4)) = (e.responses, e.csat, e.low, e.high) AS ok
FROM weekly_csat c
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 50.0, 9.4531, 90.5469),     -- 5, 3
                  ('2025-03-03', 'phone', 2, 100.0, 34.2380, 100.0),          -- 5, 4 (6 not answered)
                  ('2025-03-10', 'email', 1, 100.0, 20.6549, 100.0),          -- 4 (8 skipped it)
                  ('2025-03-10', 'phone', 2, 50.0, 9.4531, 90.5469))          -- 4, 2
          AS e(week, channel, responses, csat, low, high) USING (week, channel)
ORDER BY week, channel;

-- NPS of the surveys sent in the week; margin = 100 x 1.959963984540054 x
-- sqrt((p + d - (p - d)^2) / n) for promoter and detractor shares p and d.
SELECT week, channel, n.responses, n.nps, round(n.nps_margin::numeric, 4) AS margin,
       (n.responses, n.nps, round(n.nps_margin::numeric, 4)) = (e.responses, e.nps, e.margin) AS ok
FROM weekly_nps n
FULL JOIN (VALUES
    -- 10, 6: (1 - 1) / 2 = 0; sqrt((0.5 + 0.5 - 0) / 2) x 195.9963984540054
    (date '2025-03-03', 'email', 2, 0::float8, 138.5904),
    -- 8, 3: (0 - 1) / 2 = -50; sqrt((0 + 0.5 - 0.25) / 2) x 195.9963984540054
    ('2025-03-03', 'phone', 2, -50, 69.2952),
    -- 9, 10: 100; sqrt((1 + 0 - 1) / 2) x 195.9963984540054 = 0
    ('2025-03-10', 'email', 2, 100, 0.0),
    -- 9, 7: (1 - 0) / 2 = 50; sqrt((0.5 + 0 - 0.25) / 2) x 195.9963984540054
    ('2025-03-10', 'phone', 2, 50, 69.2952))
    AS e(week, channel, responses, nps, margin) USING (week, channel)
ORDER BY week, channel;

-- CES: the mean answer.
SELECT week, channel, c.responses, c.ces, (c.responses, c.ces) = (e.responses, e.ces) AS ok
FROM weekly_ces c
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 5::float8),   -- (7 + 3) / 2
                  ('2025-03-03', 'phone', 2, 4),                -- (6 + 2) / 2
                  ('2025-03-10', 'email', 2, 6),                -- (5 + 7) / 2
                  ('2025-03-10', 'phone', 2, 5.5))              -- (7 + 4) / 2
          AS e(week, channel, responses, ces) USING (week, channel)
ORDER BY week, channel;

-- Channel mix: share of the week's contacts.
SELECT week, channel, m.contacts, round(m.share_pct::numeric, 4) AS share,
       (m.contacts, round(m.share_pct::numeric, 4)) = (e.contacts, e.share) AS ok
FROM weekly_channel_mix m
FULL JOIN (VALUES (date '2025-03-03', 'email', 8, 61.5385),     -- 1+2+3+2 = 8 of 13
                  ('2025-03-03', 'phone', 5, 38.4615),          -- 1+2+2 = 5 of 13
                  ('2025-03-10', 'email', 2, 33.3333),          -- 1+1 = 2 of 6
                  ('2025-03-10', 'phone', 4, 66.6667))          -- 1+2+1 = 4 of 6
          AS e(week, channel, contacts, share) USING (week, channel)
ORDER BY week, channel;

-- First response time in the team's working hours, local times in brackets:
--  1 billing    Mon 09:00 -> 10:00 (London), opens 09:30         30 min
--  2 billing    Tue 10:00 -> 12:00 (London)                       2 h
--  3 technical  Wed 03:00 -> 03:30 (New York, UTC-5), before
--               opening at 08:00                                  0
--  4 accounts   Fri 17:00 -> Sat 17:00 (Berlin): Fri 17:00-18:00;
--               overnight closed, Sat 09:00-13:00 a holiday       1 h
--               (5 h if the holiday were worked, 24 h wall-clock)
--  5 billing    Mon 11:00 -> 11:00:30 (London)                    30 s
--  6 technical  Tue 09:00 -> 09:01 (New York, UTC-5)              1 min
--  7 accounts   Thu 10:00 -> 10:02 (Berlin)                       2 min
--  8 billing    Mon 09:00 -> 13:00 (London), opens 09:30          3 h 30 min
--  9 onboarding not answered                                      -
-- 10 billing    Mon 10:00 -> 10:00:20 (London)                    20 s
-- 11 technical  Tue 11:00 -> 11:03 (New York, UTC-4)              3 min
-- 12 technical  Thu 08:00 -> 08:00:40 (New York, UTC-4; 07:00,
--               before opening, without the clock change)         40 s
SELECT week, channel, f.answered, e.median, e.p90, f.business_first_response_mean AS mean,
       f.answered = e.answered AND within_1pct(f.business_first_response_median, e.median)
           AND within_1pct(f.business_first_response_p90, e.p90)
           AND f.business_first_response_mean = e.mean AS ok
FROM first_response_business_weekly f
FULL JOIN (VALUES
    -- 3: 0, 1: 30 min, 4: 1 h, 2: 2 h: median 2nd, p90 4th; mean 210 min / 4
    (date '2025-03-03', 'email', 4, interval '30 min', interval '2 hours', interval '00:52:30'),
    -- 5: 30 s, 6: 1 min, 7: 2 min: median 2nd, p90 3rd; mean 210 s / 3
    ('2025-03-03', 'phone', 3, '1 min', '2 min', '00:01:10'),
    -- 8: 3 h 30 min; ticket 9 has no reply yet and is not counted
    ('2025-03-10', 'email', 1, '3:30:00', '3:30:00', '3:30:00'),
    -- 10: 20 s, 12: 40 s, 11: 3 min: median 2nd, p90 3rd; mean 240 s / 3
    ('2025-03-10', 'phone', 3, '40 s', '3 min', '00:01:20'))
    AS e(week, channel, answered, median, p90, mean) USING (week, channel)
ORDER BY week, channel;

-- SLA attainment: first reply within 4 working hours of creation. Due times:
--  1 Mon 09:30 + 4 h = 13:30 London, replied 10:00: met
--  2 Tue 10:00 + 4 h = 14:00 London, replied 12:00: met
--  3 Wed 08:00 + 4 h = 12:00 New York, replied 03:30: met
--  4 Fri 17:00-18:00 1 h, Sat holiday, Sun closed, Mon 08:00 + 3 h = Mon 03-10
--    11:00 Berlin, replied Sat 17:00: met (if Sat were worked, due Sat 12:00: missed)
--  5, 6, 7, 10, 11, 12 replied within minutes in working hours: met
--  8 Mon 09:30 + 4 h = 13:30 London, replied 13:00: met
--  9 Wed 10:00-12:30 + 13:30-15:00 = due Wed 03-12 15:00 Dublin, long past and
--    not answered: missed
SELECT week, channel, a.tickets, a.counted_tickets AS counted, a.met_tickets AS met,
       round(a.sla_attainment_pct::numeric, 4) AS pct,
       (a.tickets, a.counted_tickets, a.met_tickets, round(a.sla_attainment_pct::numeric, 4))
           = (e.tickets, e.counted, e.met, e.pct) AS ok
FROM sla_attainment_weekly a
FULL JOIN (VALUES (date '2025-03-03', 'email', 4, 4, 4, 100.0),   -- 1, 2, 3, 4
                  ('2025-03-03', 'phone', 3, 3, 3, 100.0),        -- 5, 6, 7
                  ('2025-03-10', 'email', 2, 2, 1, 50.0),         -- 8 of 8, 9
                  ('2025-03-10', 'phone', 3, 3, 3, 100.0))        -- 10, 11, 12
          AS e(week, channel, tickets, counted, met, pct) USING (week, channel)
ORDER BY week, channel;

-- An unanswered ticket is not counted before its due time: one created now is
-- due 4 working hours later, so its week has a ticket but no SLA outcome yet.
BEGIN;
INSERT INTO tickets (id, channel, team, customer_id, created_at, status)
VALUES (13, 'email', 'onboarding', 4, now(), 'new');
SELECT channel, tickets, counted_tickets, met_tickets, sla_attainment_pct,
       (tickets, counted_tickets, met_tickets, sla_attainment_pct)
           IS NOT DISTINCT FROM (1::bigint, 0::bigint, 0::bigint, NULL::float8) AS ok
FROM sla_attainment_weekly
WHERE week = date_trunc('week', now())::date;
ROLLBACK;

-- Retention = (at end - new) / at start, churn = lost / at start.
SELECT month, r.customers_at_start AS at_start, r.customers_at_end AS at_end,
       r.new_customers AS new, r.customers_lost AS lost, r.retention_pct, r.churn_pct,
       (r.customers_at_start, r.customers_at_end, r.new_customers, r.customers_lost,
        r.retention_pct, r.churn_pct)
           IS NOT DISTINCT FROM (e.at_start, e.at_end, e.new, e.lost, e.retention, e.churn) AS ok
FROM monthly_customer_retention r
FULL JOIN (VALUES
    (date '2024-11-01', 0, 1, 1, 0, NULL::float8, NULL::float8),  -- 6 joins; no one at the start
    ('2024-12-01', 1, 2, 1, 0, 100, 0),                           -- 1 joins
    ('2025-01-01', 2, 4, 2, 0, 100, 0),                           -- 2 and 7 join
    ('2025-02-01', 4, 4, 1, 1, 75, 25),                           -- 3 joins, 6 leaves: (4 - 1) / 4
    ('2025-03-01', 4, 3, 1, 2, 50, 50))                           -- 4 joins and stays, 5 joins and
                                                                  -- leaves, 2 and 3 leave: (3 - 1) / 4
    AS e(month, at_start, at_end, new, lost, retention, churn) USING (month)
ORDER BY month;

-- Cost per ticket: 8400.00 / 12; February has a cost but no tickets.
SELECT month, c.cost, c.tickets, c.cost_per_ticket,
       (c.cost, c.tickets, c.cost_per_ticket) IS NOT DISTINCT FROM (e.cost, e.tickets, e.per_ticket) AS ok
FROM monthly_cost_per_ticket c
FULL JOIN (VALUES (date '2025-02-01', 5000.00, 0, NULL::numeric),
                  ('2025-03-01', 8400.00, 12, 700.00))
          AS e(month, cost, tickets, per_ticket) USING (month)
ORDER BY month;

-- ----------------------------------------------------------------
-- Status history views, over the histories of tickets 2, 3, 9 and 12.
-- Ticket 2 (billing, London 09:30-17:30 = UTC): solved at its first reply,
-- reopened the next morning, solved again.  Ticket 3 (technical, New York
-- 08:00-20:00, UTC-5 until 03-09, then UTC-4): escalated, on hold three
-- hours.  Ticket 9 is new and 12 on hold, both unresolved.
-- ----------------------------------------------------------------
INSERT INTO ticket_status_history (ticket_id, status, changed_at) VALUES
    ( 2, 'new',     '2025-03-04 10:00'), ( 2, 'open',    '2025-03-04 11:00'),
    ( 2, 'solved',  '2025-03-04 12:00'), ( 2, 'open',    '2025-03-05 08:00'),
    ( 2, 'pending', '2025-03-05 08:45'), ( 2, 'solved',  '2025-03-05 10:00'),
    ( 2, 'closed',  '2025-03-09 10:00'),
    ( 3, 'new',     '2025-03-05 08:00'), ( 3, 'open',    '2025-03-05 08:15'),
    ( 3, 'pending', '2025-03-05 08:30'), ( 3, 'open',    '2025-03-06 09:00'),
    ( 3, 'on-hold', '2025-03-06 12:00'), ( 3, 'pending', '2025-03-06 15:00'),
    ( 3, 'open',    '2025-03-11 10:00'), ( 3, 'pending', '2025-03-11 14:00'),
    ( 3, 'solved',  '2025-03-12 08:00'),
    ( 9, 'new',     '2025-03-12 10:00'),
    (12, 'new',     '2025-03-13 12:00'), (12, 'open',    '2025-03-13 12:00:20'),
    (12, 'on-hold', '2025-03-13 12:00:40');

-- Time in status up to the resolution, by week resolved.
-- Ticket 2: new 1 h + open 1 h + open 45 min = 2:45 requester wait and agent
-- work, no hold; in business hours 1 h + 1 h (08:00-08:45 is before
-- opening).  Ticket 3: new 15 min + open 15 min + open 3 h + on-hold 3 h +
-- open 4 h = 10:30 wait, 7:30 work, 3 h hold; in New York hours only
-- on-hold 07:00-10:00 local (2 h) and open 06:00-10:00 local (2 h) count.
SELECT week, channel, s.resolved_tickets,
       s.resolved_tickets = e.n AND within_1pct(s.requester_wait_median, e.wait)
       AND within_1pct(s.agent_work_median, e.work) AND s.on_hold_mean = e.hold
       AND within_1pct(s.business_requester_wait_median, e.wait_b)
       AND within_1pct(s.business_agent_work_median, e.work_b) AND s.business_on_hold_mean = e.hold_b AS ok
FROM status_times_weekly s
FULL JOIN (VALUES (date '2025-03-03', 'email', 1, interval '2:45', interval '2:45', interval '0', interval '2:00', interval '2:00', interval '0'),
                  ('2025-03-10', 'email', 1, '10:30', '7:30', '3:00', '4:00', '2:00', '2:00'))
          AS e(week, channel, n, wait, work, hold, wait_b, work_b, hold_b) USING (week, channel)
ORDER BY week, channel;

-- Reopens from the history: ticket 2 went solved -> open once.
SELECT week, channel, r.resolved_tickets, r.reopened_tickets, r.total_reopens,
       (r.resolved_tickets, r.reopened_tickets, r.reopen_pct, r.total_reopens) = (e.n, e.reopened, e.pct, e.total) AS ok
FROM reopens_from_history_weekly r
FULL JOIN (VALUES (date '2025-03-03', 'email', 1::bigint, 1::bigint, 100.0::float8, 1::numeric),
                  ('2025-03-10', 'email', 1, 0, 0.0, 0))
          AS e(week, channel, n, reopened, pct, total) USING (week, channel)
ORDER BY week, channel;

-- Backlog from status_at at each week's end: 03-10 00:00 ticket 3 is
-- pending; 03-17 00:00 ticket 9 is new and 12 on hold (2 closed, 3 solved).
SELECT week, channel, b.unsolved, b.waiting_on_agent, b.waiting_on_customer, b.on_hold,
       (b.unsolved, b.waiting_on_agent, b.waiting_on_customer, b.on_hold) = (e.u, e.a, e.c, e.h) AS ok
FROM backlog_from_history_weekly b
FULL JOIN (VALUES (date '2025-03-03', 'email', 1::bigint, 0::bigint, 1::bigint, 0::bigint),
                  ('2025-03-10', 'email', 1, 1, 0, 0),
                  ('2025-03-10', 'phone', 1, 0, 0, 1))
          AS e(week, channel, u, a, c, h) USING (week, channel)
ORDER BY week, channel;

-- Requester wait SLA (8 working hours in new, open and on-hold), by week
-- created: tickets 2 (2 h on the clock) and 3 (4 h) were solved with their
-- clocks stopped short of 8 h: met.  Ticket 9's clock runs from Wed 10:00
-- in Dublin: 6:30 that day, 1:30 on Thursday, due 03-13 10:30, passed and
-- unsolved: missed.  Ticket 12's runs from 08:00 in New York, due 16:00
-- local (20:00 UTC), passed: missed.
SELECT week, channel, s.tickets, s.counted_tickets, s.met_tickets,
       (s.tickets, s.counted_tickets, s.met_tickets, s.sla_attainment_pct) = (e.n, e.counted, e.met, e.pct) AS ok
FROM requester_wait_sla_weekly s
FULL JOIN (VALUES (date '2025-03-03', 'email', 2::bigint, 2::bigint, 2::bigint, 100.0::float8),
                  ('2025-03-10', 'email', 1, 1, 0, 0.0),
                  ('2025-03-10', 'phone', 1, 1, 0, 0.0))
          AS e(week, channel, n, counted, met, pct) USING (week, channel)
ORDER BY week, channel;
SELECT t.id, sla_due(h, '8 hours', ARRAY['new', 'open', 'on-hold'], c.calendar) AS due
FROM tickets t
JOIN (SELECT ticket_id, status_agg(changed_at, status) AS h FROM ticket_status_history GROUP BY 1) x ON x.ticket_id = t.id
JOIN team_calendars c USING (team)
WHERE t.id IN (9, 12) ORDER BY t.id;

-- Staffing per half hour of the week. The calls span two weeks (03-03 and
-- 03-10), so one call in a half hour is 0.5 calls per half hour. AHT: of the
-- calls answered in the half hour; the queue's, 106 min / 9 calls, where
-- all were abandoned (Wed 08:30, Thu 08:30, Thu 11:30). Erlang C with one
-- agent is M/M/1: a call waits with probability A (the erlangs), so the
-- service level within t is 1 - A exp(-(1 - A) t / h); with two agents it
-- waits with probability A^2 / (2 + A). One agent answers 80% within 20 s
-- where A is small enough (Mon 10:00: A = 0.5 x 12 / 30 = 0.2, 80.44%); two
-- are needed at Tue 14:00 (A = 0.2833, one agent 72.06%), Tue 15:00 (0.3667,
-- 63.68%), Thu 09:00 (two calls: A = 1 x 7 / 30 = 0.2333, 77.50%) and Thu
-- 12:00 (0.2667, 73.74%). 30% shrinkage: 1 / 0.7 -> 2, 2 / 0.7 -> 3.
SELECT isodow, half_hour, s.offered_calls AS offered, s.calls_per_half_hour AS calls, s.aht, s.agents,
       s.scheduled_agents AS scheduled, round(s.service_level_pct::numeric, 2) AS service_level,
       (s.offered_calls, s.calls_per_half_hour, s.aht, s.agents, s.scheduled_agents)
           = (e.offered, e.calls, e.aht, e.agents, e.scheduled)
       AND abs(s.service_level_pct - e.level) < 1e-9 AND abs(s.occupancy_pct - 100 * e.erlangs / e.agents) < 1e-9
       AND abs(s.erlangs - e.erlangs) < 1e-12 AS ok
FROM (SELECT * FROM staffing_half_hourly WHERE offered_calls > 0) AS s
FULL JOIN (
    SELECT v.*, a.erlangs,
           100 * (1 - CASE v.agents WHEN 1 THEN a.erlangs ELSE a.erlangs ^ 2 / (2 + a.erlangs) END
                      * exp(-(v.agents - a.erlangs) * 20 / extract(epoch FROM v.aht)::float8)) AS level
    FROM (VALUES (1, time '10:00', 1, 0.5::float8, interval '00:12:00', 1, 2),
                 (1, '11:00', 1, 0.5, '00:10:00', 1, 2),
                 (2, '14:00', 1, 0.5, '00:17:00', 2, 3),
                 (2, '15:00', 1, 0.5, '00:22:00', 2, 3),
                 (3, '08:30', 1, 0.5, '00:11:46.666667', 1, 2),    -- abandoned: the queue's AHT
                 (3, '09:00', 1, 0.5, '00:07:00', 1, 2),
                 (4, '08:30', 1, 0.5, '00:11:46.666667', 1, 2),    -- abandoned
                 (4, '09:00', 2, 1.0, '00:07:00', 2, 3),           -- 6 and 8 min
                 (4, '11:30', 1, 0.5, '00:11:46.666667', 1, 2),    -- abandoned
                 (4, '12:00', 1, 0.5, '00:16:00', 2, 3),
                 (4, '15:00', 1, 0.5, '00:08:00', 1, 2))
         AS v(isodow, half_hour, offered, calls, aht, agents, scheduled)
    CROSS JOIN LATERAL (SELECT v.calls * extract(epoch FROM v.aht)::float8 / 1800 AS erlangs) AS a) AS e
    USING (isodow, half_hour)
ORDER BY isodow, half_hour;
-- Every half hour of the week has a row; those without calls need no agents
-- and have no service level or occupancy.
SELECT count(*) AS half_hours, min(weeks) AS weeks, count(*) FILTER (WHERE offered_calls = 0) AS without_calls,
       sum(agents) FILTER (WHERE offered_calls = 0) AS their_agents,
       bool_and(service_level_pct IS NULL AND occupancy_pct IS NULL AND scheduled_agents = 0)
           FILTER (WHERE offered_calls = 0) AS nothing_to_measure
FROM staffing_half_hourly;
-- Half hours are those of the reporting zone: in Tokyo (UTC+9) Monday's
-- 10:00 and 11:00 UTC calls fall at 19:00 and 20:00, Tuesday's 15:00 at
-- Wednesday 00:00.
BEGIN;
UPDATE reporting_settings SET time_zone = 'Asia/Tokyo';
SELECT isodow, half_hour, offered_calls, agents FROM staffing_half_hourly
WHERE offered_calls > 0 AND isodow <= 3 ORDER BY isodow, half_hour;
ROLLBACK;
-- bi.staffing_half_hourly: the half hour as text, the AHT in minutes (Thu
-- 08:30: the queue's 11:46.666667 = 11.7777778 minutes).
SELECT isodow, half_hour, round(aht_minutes::numeric, 7) AS aht_minutes, agents, scheduled_agents
FROM bi.staffing_half_hourly WHERE offered_calls > 0 AND isodow = 4 ORDER BY half_hour;

-- A BI tool sees only ordinary types in the views, never a summary type.
SELECT format_type(a.atttypid, NULL) AS column_type, count(*) AS columns
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relkind = 'v' AND c.relnamespace = 'cookbook'::regnamespace AND a.attnum > 0
GROUP BY 1 ORDER BY 1;

-- ----------------------------------------------------------------
-- Daily summaries and their rollups
-- ----------------------------------------------------------------

CALL refresh_daily_metrics('2025-03-01', '2025-03-31');
-- One row per day with any event. email: created 03, 04, 05, 07, 10, 12,
-- resolved and surveyed 03, 05, 11, 12: 7 days. phone: created 03, 04, 06, 10,
-- 11, 13, resolved and surveyed 03, 06, 10, 14, calls 03, 04, 05, 06, 10, 11,
-- 13: 8 days.
SELECT channel, count(*) AS days FROM daily_metrics GROUP BY channel ORDER BY channel;

-- The weekly rollup equals the weekly views, metric for metric.
SELECT week, channel,
       r.tickets = v.tickets AS tickets,
       (r.first_response_median, r.first_response_p90)
           = (f.first_response_median, f.first_response_p90) AS first_response,
       r.escalation_pct = x.escalation_pct AS escalation,
       r.fcr_pct IS NOT DISTINCT FROM c.fcr_pct AS fcr,
       r.reopen_pct = o.reopen_pct AS reopen,
       (r.nps_responses, r.nps) = (n.responses, n.nps) AS nps,
       r.csat_pct = s.csat_pct AS csat,
       r.ces = e.ces AS ces,
       r.aht IS NOT DISTINCT FROM a.aht AS aht,
       r.abandonment_pct IS NOT DISTINCT FROM b.abandonment_pct AS abandonment,
       (r.business_first_response_median, r.business_first_response_p90)
           = (fb.business_first_response_median, fb.business_first_response_p90) AS business_first_response,
       r.sla_attainment_pct = sa.sla_attainment_pct AS sla
FROM weekly_rollup r
FULL JOIN weekly_ticket_volume v USING (week, channel)
LEFT JOIN weekly_first_response f USING (week, channel)
LEFT JOIN first_response_business_weekly fb USING (week, channel)
LEFT JOIN sla_attainment_weekly sa USING (week, channel)
LEFT JOIN weekly_escalation_rate x USING (week, channel)
LEFT JOIN weekly_fcr c USING (week, channel)
LEFT JOIN weekly_reopen_rate o USING (week, channel)
LEFT JOIN weekly_nps n USING (week, channel)
LEFT JOIN weekly_csat s USING (week, channel)
LEFT JOIN weekly_ces e USING (week, channel)
LEFT JOIN weekly_aht a USING (week, channel)
LEFT JOIN weekly_abandonment b USING (week, channel)
ORDER BY week, channel;

-- March by channel, from the daily rows alone.
SELECT month, channel, r.tickets, e.frt_median, round(r.escalation_pct::numeric, 4) AS escalation,
       r.fcr_pct AS fcr, r.reopen_pct AS reopen, r.nps_responses, r.nps,
       round(r.csat_pct::numeric, 4) AS csat, r.ces, r.aht, r.abandonment_pct AS abandoned,
       within_1pct(r.first_response_median, e.frt_median) AND within_1pct(r.first_response_p90, e.frt_p90)
           AND (r.tickets, round(r.escalation_pct::numeric, 4), r.fcr_pct, r.reopen_pct, r.nps_responses,
                r.nps, round(r.csat_pct::numeric, 4), r.ces, r.aht, r.abandonment_pct)
               IS NOT DISTINCT FROM
               (e.tickets, e.escalation, e.fcr, e.reopen, e.nps_n, e.nps, e.csat, e.ces, e.aht, e.abandoned)
           AS ok
FROM monthly_rollup r
FULL JOIN (VALUES
    -- first reply 30 min, 1 h, 2 h, 4 h, 24 h (median 3rd, p90 5th); escalated 3, 8 of 6;
    -- FCR 1 of 1, 2; reopened 2 of 1, 2, 3, 8; NPS 10, 6, 9, 10: (3 - 1) / 4;
    -- CSAT 5, 3, 4: 2 of 3; CES (7 + 3 + 5 + 7) / 4; no calls
    (date '2025-03-01', 'email', 6, interval '2 hours', interval '24 hours', 33.3333, 50::float8,
     25::float8, 4, 50::float8, 66.6667, 5.5::float8, NULL::interval, NULL::float8),
    -- first reply 20 s, 30 s, 40 s, 1 min, 2 min, 3 min (median 3rd, p90 6th); escalated 12
    -- of 6; FCR 5, 10 of 5, 6, 7, 10, 11; reopened 7 of 5; NPS 8, 3, 9, 7: (1 - 1) / 4;
    -- CSAT 5, 4, 4, 2: 3 of 4; CES (6 + 2 + 7 + 4) / 4; AHT 106 min / 9 calls; 3 of 12 abandoned
    ('2025-03-01', 'phone', 6, '40 s', '3 min', 16.6667, 40, 20, 4, 0, 75.0, 4.75,
     '00:11:46.666667', 25))
    AS e(month, channel, tickets, frt_median, frt_p90, escalation, fcr, reopen, nps_n, nps, csat,
         ces, aht, abandoned) USING (month, channel)
ORDER BY month, channel;

-- March in business hours by channel, from the daily rows alone.
SELECT month, channel, e.median, e.p90, round(r.sla_attainment_pct::numeric, 4) AS sla,
       within_1pct(r.business_first_response_median, e.median)
           AND within_1pct(r.business_first_response_p90, e.p90)
           AND round(r.sla_attainment_pct::numeric, 4) = e.sla AS ok
FROM monthly_rollup r
FULL JOIN (VALUES
    -- 3: 0, 1: 30 min, 4: 1 h, 2: 2 h, 8: 3 h 30 min (median 3rd of 5, p90 5th);
    -- SLA met by all but 9: 5 of 6
    (date '2025-03-01', 'email', interval '1 hour', interval '3:30:00', 83.3333),
    -- 10: 20 s, 5: 30 s, 12: 40 s, 6: 1 min, 7: 2 min, 11: 3 min (median 3rd of 6,
    -- p90 6th); SLA 6 of 6
    ('2025-03-01', 'phone', '40 s', '3 min', 100.0))
    AS e(month, channel, median, p90, sla) USING (month, channel)
ORDER BY month, channel;

-- Refreshing again gives the same rows: the job can be re-run safely.
CREATE TEMP TABLE before_refresh AS SELECT * FROM monthly_rollup;
CALL refresh_daily_metrics('2025-03-01', '2025-03-31');
SELECT count(*) AS daily_rows,
       (SELECT count(*) FROM (SELECT * FROM before_refresh
                              EXCEPT SELECT * FROM monthly_rollup) AS d) AS changed
FROM daily_metrics;

-- ----------------------------------------------------------------
-- BI layer: schema bi
-- ----------------------------------------------------------------

-- Only numbers, text and dates: no interval and no summary type, durations in
-- double precision with their unit in the name.
SELECT format_type(a.atttypid, NULL) AS column_type, count(*) AS columns,
       count(*) FILTER (WHERE a.attname LIKE '%\_minutes') AS minutes,
       count(*) FILTER (WHERE a.attname LIKE '%\_hours') AS hours
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = 'bi'::regnamespace AND a.attnum > 0
GROUP BY 1 ORDER BY 1;

-- Each bi view has the rows of the cookbook view (or table) of its name.
CREATE FUNCTION pg_temp.row_count(schema name, relation name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM %I.%I', schema, relation) INTO n;
    RETURN n;
END $$;
SELECT relname, pg_temp.row_count('bi', relname) AS bi_rows,
       pg_temp.row_count('bi', relname) = pg_temp.row_count('cookbook', relname) AS ok
FROM pg_class
WHERE relnamespace = 'bi'::regnamespace
ORDER BY relname;

-- First response in minutes (the hand values of weekly_first_response).
SELECT week, channel, f.answered, round(f.first_response_mean_minutes::numeric, 4) AS mean,
       f.answered = e.answered
           AND abs(f.first_response_median_minutes - e.median) <= 0.01 * e.median
           AND abs(f.first_response_p90_minutes - e.p90) <= 0.01 * e.p90
           AND round(f.first_response_mean_minutes::numeric, 4) = e.mean AS ok
FROM bi.weekly_first_response f
FULL JOIN (VALUES (date '2025-03-03', 'email', 4, 60::float8, 1440::float8, 412.5),
                  ('2025-03-03', 'phone', 3, 1, 2, 1.1667),
                  ('2025-03-10', 'email', 1, 240, 240, 240),
                  ('2025-03-10', 'phone', 3, 0.6667, 3, 1.3333))
          AS e(week, channel, answered, median, p90, mean) USING (week, channel)
ORDER BY week, channel;

-- Resolution time in hours (the hand values of weekly_resolution_time).
SELECT week, channel, r.resolved_tickets, round(r.resolution_mean_hours::numeric, 4) AS mean,
       r.resolved_tickets = e.resolved
           AND abs(r.resolution_median_hours - e.median) <= 0.01 * e.median
           AND abs(r.resolution_p90_hours - e.p90) <= 0.01 * e.p90
           AND round(r.resolution_mean_hours::numeric, 4) = e.mean AS ok
FROM bi.weekly_resolution_time r
FULL JOIN (VALUES (date '2025-03-03', 'email', 2, 6::float8, 24::float8, 15.0),
                  ('2025-03-03', 'phone', 3, 7, 48, 18.3889),      -- 3310 min / 3
                  ('2025-03-10', 'email', 2, 24, 168, 96.0),
                  ('2025-03-10', 'phone', 2, 0.25, 72, 36.125))
          AS e(week, channel, resolved, median, p90, mean) USING (week, channel)
ORDER BY week, channel;

-- AHT in minutes: 48 min / 5 and 58 min / 4.
SELECT week, channel, a.handled_calls, a.aht_minutes,
       (a.handled_calls, a.aht_minutes) = (e.calls, e.aht) AS ok
FROM bi.weekly_aht a
FULL JOIN (VALUES (date '2025-03-03', 'phone', 5, 9.6::float8),
                  ('2025-03-10', 'phone', 4, 14.5))
          AS e(week, channel, calls, aht) USING (week, channel)
ORDER BY week, channel;

-- The daily rows as numbers, two days by hand. 03-03 email: ticket 1 created
-- (first reply 1 h, 30 min in London hours, within SLA), resolved in one
-- contact, surveyed 10, 5, 7. 03-03 phone: ticket 5 created (30 s), resolved
-- in one contact, surveyed 8, 5, 6, one 10-minute call.
SELECT day, channel, d.tickets, d.first_response_median_minutes AS frt, d.business_first_response_median_minutes AS frt_bh,
       d.nps, d.aht_minutes,
       (d.tickets, d.first_response_median_minutes, d.first_response_p90_minutes,
        d.business_first_response_median_minutes, d.sla_attainment_pct, d.escalation_pct, d.fcr_pct,
        d.reopen_pct, d.nps_responses, d.nps, d.csat_pct, d.ces, d.aht_minutes, d.abandonment_pct)
           IS NOT DISTINCT FROM
           (e.tickets, e.frt, e.frt, e.frt_bh, 100::float8, 0::float8, 100::float8, 0::float8, 1::bigint,
            e.nps, 100::float8, e.ces, e.aht, e.abandoned) AS ok
FROM bi.daily_metrics d
JOIN (VALUES (date '2025-03-03', 'email', 1::bigint, 60::float8, 30::float8, 100::float8, 7::float8,
              NULL::float8, NULL::float8),
             ('2025-03-03', 'phone', 1, 0.5, 0.5, 0, 6, 10, 0))
     AS e(day, channel, tickets, frt, frt_bh, nps, ces, aht, abandoned) USING (day, channel)
ORDER BY day, channel;
-- All of March per channel, from the daily rows: six tickets each.
SELECT channel, sum(tickets) AS tickets, sum(nps_responses) AS nps_responses
FROM bi.daily_metrics GROUP BY channel ORDER BY channel;

-- March by channel in minutes (the hand values of monthly_rollup): median
-- first reply 2 h and 40 s, p90 24 h and 3 min; AHT 106 min / 9 calls.
SELECT month, channel, round(r.aht_minutes::numeric, 4) AS aht,
       abs(r.first_response_median_minutes - e.median) <= 0.01 * e.median
           AND abs(r.first_response_p90_minutes - e.p90) <= 0.01 * e.p90
           AND round(r.aht_minutes::numeric, 4) IS NOT DISTINCT FROM e.aht AS ok
FROM bi.monthly_rollup r
FULL JOIN (VALUES (date '2025-03-01', 'email', 120::float8, 1440::float8, NULL::numeric),
                  ('2025-03-01', 'phone', 0.6667, 3, 11.7778))
          AS e(month, channel, median, p90, aht) USING (month, channel)
ORDER BY month, channel;

-- ----------------------------------------------------------------
-- The reporting time zone, not the session's
-- ----------------------------------------------------------------

-- A chat created Sunday 2025-03-09 23:30 UTC and answered 40 minutes later is
-- in the week of 03-03 on the UTC calendar (and would be in Los Angeles, 15:30),
-- in the week of 03-10 on Tokyo's (Monday 08:30). Each reporting zone gives
-- one answer, whatever the session's zone.
BEGIN;
INSERT INTO tickets (id, channel, team, customer_id, created_at, first_reply_at, status)
VALUES (13, 'chat', 'billing', 1, '2025-03-09 23:30+00', '2025-03-10 00:10+00', 'open');
CREATE TEMP TABLE zone_reads (reporting text, session text, week date, tickets bigint, frt_minutes float8);
CREATE PROCEDURE pg_temp.read_chat() LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO zone_reads
    SELECT (SELECT time_zone FROM cookbook.reporting_settings), current_setting('TimeZone'),
           week, v.tickets, f.first_response_median_minutes
    FROM bi.weekly_ticket_volume v JOIN bi.weekly_first_response f USING (week, channel)
    WHERE channel = 'chat';
END;
SET timezone = 'America/Los_Angeles';
CALL pg_temp.read_chat();
SET timezone = 'Asia/Tokyo';
CALL pg_temp.read_chat();
SET timezone = 'UTC';
CALL pg_temp.read_chat();
UPDATE reporting_settings SET time_zone = 'Asia/Tokyo';
SET timezone = 'America/Los_Angeles';
CALL pg_temp.read_chat();
SET timezone = 'Asia/Tokyo';
CALL pg_temp.read_chat();
SET timezone = 'UTC';
CALL pg_temp.read_chat();
SELECT reporting, session, week, tickets, frt_minutes FROM zone_reads ORDER BY reporting DESC, session;
ROLLBACK;

-- The daily job cuts days on the reporting calendar too: run from a session
-- in Tokyo, where half the surveys and calls fall on the next day, it stores
-- the same days.
CREATE TEMP TABLE daily_utc AS SELECT * FROM bi.daily_metrics;
SET timezone = 'Asia/Tokyo';
CALL refresh_daily_metrics('2025-03-01', '2025-03-31');
SELECT count(*) AS daily_rows,
       (SELECT count(*) FROM (TABLE daily_utc EXCEPT TABLE bi.daily_metrics) AS d) AS changed
FROM bi.daily_metrics;
-- Every view reads the same from Tokyo as from UTC.
CREATE FUNCTION pg_temp.view_digest(v regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    digest text;
BEGIN
    EXECUTE format('SELECT md5(string_agg(r::text, E''\n'' ORDER BY r::text)) FROM %s AS r', v) INTO digest;
    RETURN digest;
END $$;
CREATE TEMP TABLE digest_tokyo AS
SELECT c.oid::regclass AS view, pg_temp.view_digest(c.oid) AS digest
FROM pg_class c WHERE c.relnamespace IN ('bi'::regnamespace, 'cookbook'::regnamespace) AND c.relkind = 'v';
SET timezone = 'UTC';
SELECT count(*) AS views, count(*) FILTER (WHERE digest = pg_temp.view_digest(view)) AS same FROM digest_tokyo;

-- The reporting zone must be one the server knows.
\set VERBOSITY default
UPDATE reporting_settings SET time_zone = 'Mars/Olympus_Mons';
\echo :LAST_ERROR_SQLSTATE
