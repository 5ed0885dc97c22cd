-- csmetrics cookbook: a helpdesk export and one view per support metric.
--
-- Load it after CREATE EXTENSION csmetrics. The tables look like what a
-- helpdesk exports (tickets, the replies on them, satisfaction surveys, phone
-- calls, customers, monthly costs); the views turn them into the metrics of
-- docs/cookbook.md, one ordinary view per metric, by ISO week and channel.
-- Every view exposes plain numbers and intervals, so a SQL client reads them
-- without knowing the summary types; schema bi (at the end) has the same views
-- with durations as numbers, for BI tools.
--
-- Days, weeks and months are cut in the reporting time zone of
-- reporting_settings, never in the session's TimeZone: every client, whatever
-- its own zone, sees the same weeks.

-- ----------------------------------------------------------------
-- The export
-- ----------------------------------------------------------------

CREATE TABLE customers (
    id          bigint PRIMARY KEY,
    signed_up   date NOT NULL,
    cancelled   date CHECK (cancelled >= signed_up)     -- NULL: still a customer
);

CREATE TABLE tickets (
    id              bigint PRIMARY KEY,
    channel         text NOT NULL,                      -- email, chat, phone, social
    team            text NOT NULL,
    customer_id     bigint NOT NULL REFERENCES customers,
    created_at      timestamptz NOT NULL,
    first_reply_at  timestamptz CHECK (first_reply_at >= created_at),  -- first human reply
    resolved_at     timestamptz CHECK (resolved_at >= created_at),     -- final resolution; NULL while open
    reopened        boolean NOT NULL DEFAULT false,     -- the customer came back after a resolution
    escalated       boolean NOT NULL DEFAULT false,     -- handed beyond the first line
    status          text NOT NULL
                    CHECK (status IN ('new', 'open', 'pending', 'on-hold', 'solved', 'closed')),
    contacts        integer NOT NULL DEFAULT 1 CHECK (contacts >= 1),  -- customer messages or calls
    CHECK ((resolved_at IS NOT NULL) = (status IN ('solved', 'closed')))
);

-- One row per customer message, with the agent reply that answered it.
CREATE TABLE ticket_replies (
    ticket_id            bigint NOT NULL REFERENCES tickets,
    customer_message_at  timestamptz NOT NULL,
    agent_reply_at       timestamptz CHECK (agent_reply_at >= customer_message_at)  -- NULL: not answered yet
);
CREATE INDEX ON ticket_replies (ticket_id);

-- Sent when a ticket is resolved; an unanswered question stays NULL.
CREATE TABLE surveys (
    ticket_id    bigint PRIMARY KEY REFERENCES tickets,
    sent_at      timestamptz NOT NULL,
    nps_score    integer CHECK (nps_score BETWEEN 0 AND 10),    -- how likely to recommend us
    csat_rating  integer CHECK (csat_rating BETWEEN 1 AND 5),   -- how satisfied with the support
    ces_score    integer CHECK (ces_score BETWEEN 1 AND 7)      -- how easy it was (7 = very easy)
);

-- Every call offered on a phone ticket. A caller who hung up in the queue
-- (abandoned) was never handled, so the call has no talk, hold or wrap-up.
CREATE TABLE calls (
    ticket_id   bigint NOT NULL REFERENCES tickets,
    started_at  timestamptz NOT NULL,
    talk        interval,
    hold        interval,
    wrap_up     interval,
    abandoned   boolean NOT NULL,
    CHECK (abandoned = (talk IS NULL))
);
CREATE INDEX ON calls (ticket_id);

-- Total support operating cost (salaries, tools, telephony) per month.
CREATE TABLE support_costs (
    month  date PRIMARY KEY CHECK (month = date_trunc('month', month)),
    cost   numeric(12, 2) NOT NULL
);

-- Each team's working hours: weekly hours, time zone and holidays, e.g.
-- 'mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-12-25'. One row per
-- team of tickets.team; the business-hours views leave out the tickets of a
-- team that has none.
CREATE TABLE team_calendars (
    team      text PRIMARY KEY,
    calendar  business_calendar NOT NULL
);

-- The reporting time zone, one row: every view cuts days, weeks and months on
-- its calendar, whatever the TimeZone of the session reading it (a JDBC client
-- sets its JVM's). Change it with UPDATE reporting_settings SET time_zone =
-- 'Europe/Paris', then recompute daily_metrics.
CREATE TABLE reporting_settings (
    one_row    boolean PRIMARY KEY DEFAULT true CHECK (one_row),
    time_zone  text NOT NULL DEFAULT 'UTC'
               CHECK (timestamp '2025-01-01' AT TIME ZONE time_zone IS NOT NULL)  -- a zone the server knows
);
INSERT INTO reporting_settings DEFAULT VALUES;

-- ----------------------------------------------------------------
-- Metric views, by ISO week (the Monday it starts on) and channel
--
-- A week is the week of the event that a metric measures: ticket creation for
-- intake metrics, resolution for outcome metrics, the survey, the reply or
-- the call for the rest.
-- ----------------------------------------------------------------

-- Ticket volume: new tickets.
CREATE VIEW weekly_ticket_volume AS
SELECT date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       count(*) AS tickets
FROM tickets
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- Backlog: tickets open at the end of each week (created by then, not yet
-- resolved), for every week with new tickets and every channel, zeros included.
CREATE VIEW weekly_backlog AS
WITH weeks AS (
    SELECT week::date AS week, (week + interval '1 week') AT TIME ZONE rs.time_zone AS week_end
    FROM reporting_settings rs
    CROSS JOIN generate_series(date_trunc('week', (SELECT min(created_at) FROM tickets) AT TIME ZONE rs.time_zone),
                               date_trunc('week', (SELECT max(created_at) FROM tickets) AT TIME ZONE rs.time_zone),
                               interval '1 week') AS week
)
SELECT w.week, c.channel,
       count(t.id) AS open_tickets
FROM weeks w
CROSS JOIN (SELECT DISTINCT channel FROM tickets) c
LEFT JOIN tickets t ON t.channel = c.channel
                   AND t.created_at <= w.week_end
                   AND (t.resolved_at IS NULL OR t.resolved_at > w.week_end)
GROUP BY w.week, c.channel;

-- First response time of the week's new tickets; those not answered yet have
-- a NULL difference, which duration_agg skips.
CREATE VIEW weekly_first_response AS
SELECT week, channel,
       duration_count(s)  AS answered,
       median(s)          AS first_response_median,
       percentile(s, 0.9) AS first_response_p90,
       mean(s)            AS first_response_mean
FROM (SELECT date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date AS week, channel,
             duration_agg(first_reply_at - created_at) AS s
      FROM tickets
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- Average reply time: each customer message to the agent reply that answered
-- it, for the replies sent in the week.
CREATE VIEW weekly_reply_time AS
SELECT week, channel,
       duration_count(s)  AS replies,
       mean(s)            AS average_reply_time,
       median(s)          AS median_reply_time
FROM (SELECT date_trunc('week', r.agent_reply_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             duration_agg(r.agent_reply_at - r.customer_message_at) AS s
      FROM ticket_replies r
      JOIN tickets t ON t.id = r.ticket_id
      CROSS JOIN reporting_settings rs
      WHERE r.agent_reply_at IS NOT NULL
      GROUP BY 1, 2) AS weekly;

-- Resolution time (creation to final resolution) of the tickets resolved in
-- the week.
CREATE VIEW weekly_resolution_time AS
SELECT week, channel,
       duration_count(s)  AS resolved_tickets,
       median(s)          AS resolution_median,
       percentile(s, 0.9) AS resolution_p90,
       mean(s)            AS resolution_mean
FROM (SELECT date_trunc('week', resolved_at AT TIME ZONE rs.time_zone)::date AS week, channel,
             duration_agg(resolved_at - created_at) AS s
      FROM tickets
      CROSS JOIN reporting_settings rs
      WHERE resolved_at IS NOT NULL
      GROUP BY 1, 2) AS weekly;

-- Resolution rate: the share of the week's new tickets resolved so far.
CREATE VIEW weekly_resolution_rate AS
SELECT date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       count(*)                                  AS tickets,
       count(resolved_at)                        AS resolved_tickets,
       rate(rate_agg(resolved_at IS NOT NULL))   AS resolution_pct
FROM tickets
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- First contact resolution of the tickets resolved in the week: solved in one
-- contact and never reopened. Escalated tickets needed another team, so they
-- are not FCR-eligible.
CREATE VIEW weekly_fcr AS
SELECT date_trunc('week', resolved_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       count(*) FILTER (WHERE NOT escalated)                    AS eligible_tickets,
       fcr_rate(contacts = 1 AND NOT reopened, NOT escalated)   AS fcr_pct
FROM tickets
CROSS JOIN reporting_settings rs
WHERE resolved_at IS NOT NULL
GROUP BY 1, 2;

-- Escalation rate of the week's new tickets.
CREATE VIEW weekly_escalation_rate AS
SELECT date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       count(*)                   AS tickets,
       rate(rate_agg(escalated))  AS escalation_pct
FROM tickets
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- Reopen rate of the tickets resolved in the week.
CREATE VIEW weekly_reopen_rate AS
SELECT date_trunc('week', resolved_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       count(*)                  AS resolved_tickets,
       rate(rate_agg(reopened))  AS reopen_pct
FROM tickets
CROSS JOIN reporting_settings rs
WHERE resolved_at IS NOT NULL
GROUP BY 1, 2;

-- Replies per ticket: agent replies on the tickets resolved in the week,
-- divided by those tickets.
CREATE VIEW weekly_replies_per_ticket AS
SELECT date_trunc('week', t.resolved_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
       count(*)                              AS resolved_tickets,
       sum(r.replies)::bigint                AS replies,
       sum(r.replies)::float8 / count(*)     AS replies_per_ticket
FROM tickets t
CROSS JOIN LATERAL (SELECT count(agent_reply_at) AS replies
                    FROM ticket_replies
                    WHERE ticket_id = t.id) r
CROSS JOIN reporting_settings rs
WHERE t.resolved_at IS NOT NULL
GROUP BY 1, 2;

-- Average handle time of the calls handled in the week: abandoned calls have
-- NULL parts, and aht() skips them.
CREATE VIEW weekly_aht AS
SELECT date_trunc('week', c.started_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
       count(c.talk)                    AS handled_calls,
       aht(c.talk, c.hold, c.wrap_up)   AS aht
FROM calls c
JOIN tickets t ON t.id = c.ticket_id
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- Abandonment rate: calls offered in the week that the caller hung up on
-- before an agent answered.
CREATE VIEW weekly_abandonment AS
SELECT date_trunc('week', c.started_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
       count(*)                                 AS offered_calls,
       count(*) FILTER (WHERE c.abandoned)      AS abandoned_calls,
       rate(rate_agg(c.abandoned))              AS abandonment_pct
FROM calls c
JOIN tickets t ON t.id = c.ticket_id
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- CSAT of the surveys sent in the week, with its 95% confidence interval.
CREATE VIEW weekly_csat AS
SELECT week, channel,
       responses(s)  AS responses,
       csat(s)       AS csat_pct,
       ci_low(s)     AS csat_ci_low,
       ci_high(s)    AS csat_ci_high
FROM (SELECT date_trunc('week', sv.sent_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             csat_agg(sv.csat_rating) AS s
      FROM surveys sv
      JOIN tickets t ON t.id = sv.ticket_id
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- NPS of the surveys sent in the week, with its 95% margin of error in points.
CREATE VIEW weekly_nps AS
SELECT week, channel,
       responses(s)   AS responses,
       nps(s)         AS nps,
       nps_margin(s)  AS nps_margin
FROM (SELECT date_trunc('week', sv.sent_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             nps_agg(sv.nps_score) AS s
      FROM surveys sv
      JOIN tickets t ON t.id = sv.ticket_id
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- Customer Effort Score (mean answer, 1-7, higher is easier) of the surveys
-- sent in the week.
CREATE VIEW weekly_ces AS
SELECT week, channel,
       responses(s)  AS responses,
       ces(s)        AS ces
FROM (SELECT date_trunc('week', sv.sent_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             ces_agg(sv.ces_score) AS s
      FROM surveys sv
      JOIN tickets t ON t.id = sv.ticket_id
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- Channel mix: each channel's share of the week's customer contacts.
CREATE VIEW weekly_channel_mix AS
SELECT date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date AS week, channel,
       sum(contacts)::bigint AS contacts,
       100 * sum(contacts)::float8
           / sum(sum(contacts)) OVER (PARTITION BY date_trunc('week', created_at AT TIME ZONE rs.time_zone)::date)
           AS share_pct
FROM tickets
CROSS JOIN reporting_settings rs
GROUP BY 1, 2;

-- ----------------------------------------------------------------
-- Business hours: times counted in each team's working hours
-- (team_calendars), by ISO week of ticket creation and channel
-- ----------------------------------------------------------------

-- First response time of the week's new tickets in their team's working
-- hours: a ticket created Friday evening and answered Monday at opening
-- waited minutes, not days. Tickets not answered yet, and those of a team
-- without a calendar, have a NULL business_duration, which duration_agg skips.
CREATE VIEW first_response_business_weekly AS
SELECT week, channel,
       duration_count(s)  AS answered,
       median(s)          AS business_first_response_median,
       percentile(s, 0.9) AS business_first_response_p90,
       mean(s)            AS business_first_response_mean
FROM (SELECT date_trunc('week', t.created_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             duration_agg(business_duration(t.created_at, t.first_reply_at, c.calendar)) AS s
      FROM tickets t
      LEFT JOIN team_calendars c ON c.team = t.team
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- SLA attainment: the share of the week's new tickets whose first reply met
-- the target of 4 working hours; the reply is due at business_add(created_at,
-- '4 hours', calendar). The rule: an answered ticket met the SLA when
-- first_reply_at <= due. An unanswered ticket counts as missed once its due
-- time has passed (due < now()); until then it is not counted. Tickets of a
-- team without a calendar have no due time and are not counted either.
CREATE VIEW sla_attainment_weekly AS
SELECT week, channel,
       tickets,
       trials(s)  AS counted_tickets,
       hits(s)    AS met_tickets,
       rate(s)    AS sla_attainment_pct
FROM (SELECT date_trunc('week', t.created_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             count(*) AS tickets,
             rate_agg(CASE WHEN t.first_reply_at IS NOT NULL THEN t.first_reply_at <= d.due
                           WHEN d.due < now() THEN false END) AS s
      FROM tickets t
      LEFT JOIN team_calendars c ON c.team = t.team
      CROSS JOIN LATERAL (SELECT business_add(t.created_at, '4 hours', c.calendar) AS due) AS d
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- ----------------------------------------------------------------
-- Staffing (Erlang C): agents the phone queue needs in each half hour of
-- the week
-- ----------------------------------------------------------------

-- One row per half hour of the week, Monday 00:00 (isodow 1) to Sunday 23:30
-- (isodow 7) on the clock of the reporting zone. calls_per_half_hour: the
-- calls offered in that half hour, abandoned ones included, averaged over the
-- weeks the calls table spans; aht: the handle time of the calls answered in
-- it (the queue's AHT if none was). agents: the fewest that answer 80% of
-- calls within 20 seconds and are busy at most 85% of the time;
-- scheduled_agents adds 30% shrinkage (breaks, training, absence). Erlang C
-- assumes callers never hang up, so it errs towards more agents. A half hour
-- without calls needs none, and has no service level or occupancy.
CREATE VIEW staffing_half_hourly AS
WITH span AS (
    SELECT (date_trunc('week', max(c.started_at AT TIME ZONE rs.time_zone))::date
            - date_trunc('week', min(c.started_at AT TIME ZONE rs.time_zone))::date) / 7 + 1 AS weeks,
           aht(c.talk, c.hold, c.wrap_up) AS queue_aht
    FROM calls c
    CROSS JOIN reporting_settings rs
), slots AS (
    SELECT extract(isodow FROM l.started)::integer AS isodow,
           make_time(extract(hour FROM l.started)::integer,
                     CASE WHEN extract(minute FROM l.started) < 30 THEN 0 ELSE 30 END, 0) AS half_hour,
           count(*) AS offered_calls,
           aht(c.talk, c.hold, c.wrap_up) AS aht
    FROM calls c
    CROSS JOIN reporting_settings rs
    CROSS JOIN LATERAL (SELECT c.started_at AT TIME ZONE rs.time_zone AS started) AS l
    GROUP BY 1, 2
)
SELECT d.isodow, h.half_hour, span.weeks,
       coalesce(s.offered_calls, 0) AS offered_calls,
       q.calls AS calls_per_half_hour,
       q.aht,
       q.calls * extract(epoch FROM q.aht)::float8 / 1800 AS erlangs,
       n.agents,
       service_level(n.agents, q.calls, q.aht, interval '30 minutes', interval '20 seconds') AS service_level_pct,
       occupancy(n.agents, q.calls, q.aht, interval '30 minutes') AS occupancy_pct,
       scheduled_agents(n.agents, 30) AS scheduled_agents
FROM span
CROSS JOIN generate_series(1, 7) AS d(isodow)
CROSS JOIN LATERAL (SELECT make_time(k / 2, k % 2 * 30, 0) AS half_hour
                    FROM generate_series(0, 47) AS k) AS h
LEFT JOIN slots s ON s.isodow = d.isodow AND s.half_hour = h.half_hour
CROSS JOIN LATERAL (SELECT coalesce(s.offered_calls, 0)::float8 / span.weeks AS calls,
                           coalesce(s.aht, span.queue_aht) AS aht) AS q
CROSS JOIN LATERAL (SELECT agents_needed(q.calls, q.aht, interval '30 minutes', interval '20 seconds', 80, 85)
                               AS agents) AS n;

-- ----------------------------------------------------------------
-- Monthly business views
-- ----------------------------------------------------------------

-- Customer retention and churn per month, from the first sign-up's month to
-- the month of the latest sign-up or cancellation. A customer counts from
-- signed_up and stops counting on cancelled.
CREATE VIEW monthly_customer_retention AS
WITH months AS (
    SELECT month::date AS month, (month + interval '1 month')::date AS next_month
    FROM generate_series((SELECT date_trunc('month', min(signed_up)::timestamp) FROM customers),
                         (SELECT date_trunc('month', greatest(max(signed_up), max(cancelled))::timestamp)
                          FROM customers),
                         interval '1 month') AS month
), counts AS (
    SELECT m.month,
           count(*) FILTER (WHERE c.signed_up < m.month
                              AND (c.cancelled IS NULL OR c.cancelled >= m.month))       AS customers_at_start,
           count(*) FILTER (WHERE c.signed_up < m.next_month
                              AND (c.cancelled IS NULL OR c.cancelled >= m.next_month))  AS customers_at_end,
           count(*) FILTER (WHERE c.signed_up >= m.month AND c.signed_up < m.next_month
                              AND (c.cancelled IS NULL OR c.cancelled >= m.next_month))  AS new_customers,
           count(*) FILTER (WHERE c.signed_up < m.month
                              AND c.cancelled >= m.month AND c.cancelled < m.next_month) AS customers_lost
    FROM months m
    CROSS JOIN customers c
    GROUP BY m.month
)
SELECT month, customers_at_start, customers_at_end, new_customers, customers_lost,
       retention_rate(customers_at_start, customers_at_end, new_customers) AS retention_pct,
       churn_rate(customers_at_start, customers_lost)                      AS churn_pct
FROM counts;

-- Cost per ticket: the month's support cost over the tickets created in it.
CREATE VIEW monthly_cost_per_ticket AS
SELECT sc.month, sc.cost,
       count(t.id) AS tickets,
       round(sc.cost / nullif(count(t.id), 0), 2) AS cost_per_ticket
FROM support_costs sc
CROSS JOIN reporting_settings rs
LEFT JOIN tickets t ON date_trunc('month', t.created_at AT TIME ZONE rs.time_zone)::date = sc.month
GROUP BY sc.month, sc.cost;

-- ----------------------------------------------------------------
-- Daily summaries: store once, roll up to any week or month
--
-- One row per day and channel holding csmetrics summaries instead of numbers.
-- rollup() merges them exactly, so the weekly and monthly views below equal
-- the views above over the raw rows, while reading ~365 rows per channel and
-- year instead of every ticket, reply, survey and call.
-- ----------------------------------------------------------------

CREATE TABLE daily_metrics (
    day                     date NOT NULL,
    channel                 text NOT NULL,
    tickets                 integer NOT NULL,   -- created that day
    first_response          duration_summary,   -- of the tickets created that day
    first_response_business duration_summary,   -- the same in their team's working hours
    sla_met                 rate_summary,       -- of the tickets created that day: first
                                                -- reply within 4 working hours, as in
                                                -- sla_attainment_weekly
    escalated               rate_summary,       -- of the tickets created that day
    fcr                     rate_summary,       -- of the FCR-eligible tickets resolved that day
    reopened                rate_summary,       -- of the tickets resolved that day
    nps_scores              nps_summary,        -- of the surveys sent that day
    csat_ratings            csat_summary,
    ces_scores              ces_summary,
    handle_time             duration_summary,   -- of the calls handled that day
    abandoned               rate_summary,       -- of the calls offered that day
    PRIMARY KEY (day, channel)
);
COMMENT ON TABLE daily_metrics IS
    'csmetrics summaries per day and channel; NULL where nothing of that kind happened that day';

-- Recomputes the days first_day..last_day. Tickets change after the day they
-- were created (they get answered, resolved, reopened, surveyed), so a team
-- schedules it nightly over a trailing window, e.g. with pg_cron:
--   CALL refresh_daily_metrics(current_date - 30, current_date - 1);
-- sla_met applies the rule of sla_attainment_weekly at the time of the refresh:
-- an unanswered ticket not yet due then is counted by a later run.
-- PL/pgSQL, not a SQL body: Citus cannot plan a SQL procedure's statements
-- over distributed tables (docs/scale-out.md).
CREATE PROCEDURE refresh_daily_metrics(first_day date, last_day date)
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM daily_metrics WHERE day BETWEEN first_day AND last_day;
    INSERT INTO daily_metrics
    SELECT day, channel, coalesce(tickets, 0), first_response, first_response_business, sla_met,
           escalated, fcr, reopened, nps_scores, csat_ratings, ces_scores, handle_time, abandoned
    FROM (SELECT (t.created_at AT TIME ZONE rs.time_zone)::date AS day, t.channel,
                 count(*)                                      AS tickets,
                 duration_agg(t.first_reply_at - t.created_at) AS first_response,
                 duration_agg(business_duration(t.created_at, t.first_reply_at, c.calendar))
                                                               AS first_response_business,
                 rate_agg(CASE WHEN t.first_reply_at IS NOT NULL THEN t.first_reply_at <= d.due
                               WHEN d.due < now() THEN false END) AS sla_met,
                 rate_agg(t.escalated)                         AS escalated
          FROM tickets t
          LEFT JOIN team_calendars c ON c.team = t.team
          CROSS JOIN LATERAL (SELECT business_add(t.created_at, interval '4 hours', c.calendar) AS due) AS d
          CROSS JOIN reporting_settings rs
          WHERE (t.created_at AT TIME ZONE rs.time_zone)::date BETWEEN first_day AND last_day
          GROUP BY 1, 2) AS created
    FULL JOIN
         (SELECT (resolved_at AT TIME ZONE rs.time_zone)::date AS day, channel,
                 rate_agg(contacts = 1 AND NOT reopened) FILTER (WHERE NOT escalated) AS fcr,
                 rate_agg(reopened)                        AS reopened
          FROM tickets
          CROSS JOIN reporting_settings rs
          WHERE (resolved_at AT TIME ZONE rs.time_zone)::date BETWEEN first_day AND last_day
          GROUP BY 1, 2) AS resolved USING (day, channel)
    FULL JOIN
         (SELECT (sv.sent_at AT TIME ZONE rs.time_zone)::date AS day, t.channel,
                 nps_agg(sv.nps_score)                     AS nps_scores,
                 csat_agg(sv.csat_rating)                  AS csat_ratings,
                 ces_agg(sv.ces_score)                     AS ces_scores
          FROM surveys sv
          JOIN tickets t ON t.id = sv.ticket_id
          CROSS JOIN reporting_settings rs
          WHERE (sv.sent_at AT TIME ZONE rs.time_zone)::date BETWEEN first_day AND last_day
          GROUP BY 1, 2) AS surveyed USING (day, channel)
    FULL JOIN
         (SELECT (c.started_at AT TIME ZONE rs.time_zone)::date AS day, t.channel,
                 duration_agg(c.talk + c.hold + c.wrap_up) AS handle_time,
                 rate_agg(c.abandoned)                     AS abandoned
          FROM calls c
          JOIN tickets t ON t.id = c.ticket_id
          CROSS JOIN reporting_settings rs
          WHERE (c.started_at AT TIME ZONE rs.time_zone)::date BETWEEN first_day AND last_day
          GROUP BY 1, 2) AS called USING (day, channel);
END
$$;

-- The headline metrics per week, from the daily summaries.
CREATE VIEW weekly_rollup AS
SELECT date_trunc('week', day::timestamp)::date AS week, channel,
       sum(tickets)                              AS tickets,
       median(rollup(first_response))            AS first_response_median,
       percentile(rollup(first_response), 0.9)   AS first_response_p90,
       median(rollup(first_response_business))   AS business_first_response_median,
       percentile(rollup(first_response_business), 0.9) AS business_first_response_p90,
       rate(rollup(sla_met))                     AS sla_attainment_pct,
       rate(rollup(escalated))                   AS escalation_pct,
       rate(rollup(fcr))                         AS fcr_pct,
       rate(rollup(reopened))                    AS reopen_pct,
       responses(rollup(nps_scores))             AS nps_responses,
       nps(rollup(nps_scores))                   AS nps,
       csat(rollup(csat_ratings))                AS csat_pct,
       ces(rollup(ces_scores))                   AS ces,
       mean(rollup(handle_time))                 AS aht,
       rate(rollup(abandoned))                   AS abandonment_pct
FROM daily_metrics
GROUP BY 1, 2;

-- The same per month.
CREATE VIEW monthly_rollup AS
SELECT date_trunc('month', day::timestamp)::date AS month, channel,
       sum(tickets)                              AS tickets,
       median(rollup(first_response))            AS first_response_median,
       percentile(rollup(first_response), 0.9)   AS first_response_p90,
       median(rollup(first_response_business))   AS business_first_response_median,
       percentile(rollup(first_response_business), 0.9) AS business_first_response_p90,
       rate(rollup(sla_met))                     AS sla_attainment_pct,
       rate(rollup(escalated))                   AS escalation_pct,
       rate(rollup(fcr))                         AS fcr_pct,
       rate(rollup(reopened))                    AS reopen_pct,
       responses(rollup(nps_scores))             AS nps_responses,
       nps(rollup(nps_scores))                   AS nps,
       csat(rollup(csat_ratings))                AS csat_pct,
       ces(rollup(ces_scores))                   AS ces,
       mean(rollup(handle_time))                 AS aht,
       rate(rollup(abandoned))                   AS abandonment_pct
FROM daily_metrics
GROUP BY 1, 2;

-- ----------------------------------------------------------------
-- Status history: time in status, reopens, backlog and SLA clocks that
-- pause, read from every status change the helpdesk logged
-- ----------------------------------------------------------------

-- One row per status change, as helpdesks export their audit log (Zendesk's
-- ticket field history): new, open (waiting on an agent), pending (waiting
-- on the customer), on-hold (waiting on a third party), solved, closed.
CREATE TABLE ticket_status_history (
    ticket_id   bigint NOT NULL REFERENCES tickets,
    status      text NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX ON ticket_status_history (ticket_id);

-- The views below read each ticket's history as one status_summary,
-- (SELECT ticket_id, status_agg(changed_at, status) AS history
--  FROM ticket_status_history GROUP BY ticket_id) h, and expose numbers only.

-- Time in status of the tickets resolved in the week, in calendar time and
-- in the team's working hours: requester wait (new, open and on-hold: the
-- customer is waiting), on-hold time, and agent work time (new and open:
-- the ticket waits on an agent), up to the final resolution.
CREATE VIEW status_times_weekly AS
SELECT week, channel, duration_count(wait) AS resolved_tickets,
       median(wait) AS requester_wait_median, percentile(wait, 0.9) AS requester_wait_p90,
       median(work) AS agent_work_median,
       mean(hold)   AS on_hold_mean,
       median(wait_b) AS business_requester_wait_median,
       median(work_b) AS business_agent_work_median,
       mean(hold_b)   AS business_on_hold_mean
FROM (SELECT date_trunc('week', t.resolved_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             duration_agg(time_in(h.history, ARRAY['new', 'open', 'on-hold'], t.resolved_at)) AS wait,
             duration_agg(time_in(h.history, ARRAY['new', 'open'], t.resolved_at)) AS work,
             duration_agg(time_in(h.history, 'on-hold', t.resolved_at)) AS hold,
             duration_agg(time_in(h.history, ARRAY['new', 'open', 'on-hold'], c.calendar, t.resolved_at)) AS wait_b,
             duration_agg(time_in(h.history, ARRAY['new', 'open'], c.calendar, t.resolved_at)) AS work_b,
             duration_agg(time_in(h.history, 'on-hold', c.calendar, t.resolved_at)) AS hold_b
      FROM tickets t
      JOIN (SELECT ticket_id, status_agg(changed_at, status) AS history
            FROM ticket_status_history GROUP BY ticket_id) h ON h.ticket_id = t.id
      LEFT JOIN team_calendars c ON c.team = t.team
      CROSS JOIN reporting_settings rs
      WHERE t.resolved_at IS NOT NULL
      GROUP BY 1, 2) AS weekly;

-- Reopens read from the history, for the tickets resolved in the week: an
-- entry into new, open, pending or on-hold after solved or closed.
CREATE VIEW reopens_from_history_weekly AS
SELECT week, channel, trials(s) AS resolved_tickets, hits(s) AS reopened_tickets,
       rate(s) AS reopen_pct, total_reopens
FROM (SELECT date_trunc('week', t.resolved_at AT TIME ZONE rs.time_zone)::date AS week, t.channel,
             rate_agg(reopens(h.history, ARRAY['new', 'open', 'pending', 'on-hold'], ARRAY['solved', 'closed']) > 0) AS s,
             sum(reopens(h.history, ARRAY['new', 'open', 'pending', 'on-hold'], ARRAY['solved', 'closed'])) AS total_reopens
      FROM tickets t
      JOIN (SELECT ticket_id, status_agg(changed_at, status) AS history
            FROM ticket_status_history GROUP BY ticket_id) h ON h.ticket_id = t.id
      CROSS JOIN reporting_settings rs
      WHERE t.resolved_at IS NOT NULL
      GROUP BY 1, 2) AS weekly;

-- Backlog at the end of each week (Sunday midnight, the next Monday 00:00)
-- from the status each ticket had at that instant: new, open, pending or
-- on-hold.  Unlike a backlog computed from created_at and resolved_at, a
-- ticket reopened in a later week counts again while it is open.
CREATE VIEW backlog_from_history_weekly AS
SELECT w.week, t.channel,
       count(*) FILTER (WHERE status_at(h.history, w.week_end) IN ('new', 'open', 'pending', 'on-hold')) AS unsolved,
       count(*) FILTER (WHERE status_at(h.history, w.week_end) IN ('new', 'open')) AS waiting_on_agent,
       count(*) FILTER (WHERE status_at(h.history, w.week_end) = 'pending') AS waiting_on_customer,
       count(*) FILTER (WHERE status_at(h.history, w.week_end) = 'on-hold') AS on_hold
FROM (SELECT week::date AS week, (week + interval '1 week') AT TIME ZONE rs.time_zone AS week_end
      FROM reporting_settings rs
      CROSS JOIN generate_series(date_trunc('week', (SELECT min(changed_at) FROM ticket_status_history) AT TIME ZONE rs.time_zone),
                                 date_trunc('week', (SELECT max(changed_at) FROM ticket_status_history) AT TIME ZONE rs.time_zone),
                                 interval '1 week') AS week) AS w
CROSS JOIN tickets t
JOIN (SELECT ticket_id, status_agg(changed_at, status) AS history
      FROM ticket_status_history GROUP BY ticket_id) h ON h.ticket_id = t.id
WHERE t.created_at < w.week_end
GROUP BY 1, 2;

-- Requester wait SLA with pausing (Zendesk style): the clock runs while the
-- customer waits (new, open, on-hold) and only in the team's working hours;
-- pending pauses it.  Target: 8 working hours to the first resolution.
-- sla_due is the instant the clock reaches 8 hours (NULL while it is paused
-- short of them).  A ticket first solved by then met the SLA; an unsolved
-- one missed it once that instant has passed (due < now()); until then it
-- is not counted.
-- By the week of ticket creation; tickets of a team without a calendar are
-- not counted.
CREATE VIEW requester_wait_sla_weekly AS
SELECT week, channel, tickets, trials(s) AS counted_tickets, hits(s) AS met_tickets,
       rate(s) AS sla_attainment_pct
FROM (SELECT date_trunc('week', t.created_at AT TIME ZONE rs.time_zone)::date AS week, t.channel, count(*) AS tickets,
             rate_agg(CASE WHEN d.solved IS NOT NULL THEN d.due IS NULL OR d.solved <= d.due
                           WHEN d.due < now() THEN false END) AS s
      FROM tickets t
      JOIN (SELECT ticket_id, status_agg(changed_at, status) AS history
            FROM ticket_status_history GROUP BY ticket_id) h ON h.ticket_id = t.id
      JOIN team_calendars c ON c.team = t.team
      CROSS JOIN LATERAL (SELECT sla_due(h.history, '8 hours', ARRAY['new', 'open', 'on-hold'], c.calendar) AS due,
                                 first_entered(h.history, 'solved') AS solved) AS d
      CROSS JOIN reporting_settings rs
      GROUP BY 1, 2) AS weekly;

-- ================================================================
-- BI layer: schema bi, the views to point a BI tool at
--
-- The views above with the same rows, and every one of them with columns a
-- JDBC or ODBC client reads as numbers, text and dates: durations are double
-- precision in the unit their name ends with (_minutes, _hours), counts
-- bigint, rates and scores double precision (money numeric). No interval and
-- no summary type: over JDBC an interval is a PGInterval object that getDouble
-- rejects, over ODBC it is text that sorts as text, and a summary's text form
-- outgrows ODBC's 255-character varchar. Weeks, months and days are those of
-- reporting_settings, as above, so every client sees the same numbers.
-- ================================================================

CREATE SCHEMA bi;
COMMENT ON SCHEMA bi IS
    'the cookbook views for BI tools: numbers, text and dates only, durations in the unit their name ends with';

CREATE VIEW bi.weekly_ticket_volume AS
SELECT week, channel, tickets FROM weekly_ticket_volume;

CREATE VIEW bi.weekly_backlog AS
SELECT week, channel, open_tickets FROM weekly_backlog;

CREATE VIEW bi.weekly_first_response AS
SELECT week, channel, answered,
       date_part('epoch', first_response_median) / 60  AS first_response_median_minutes,
       date_part('epoch', first_response_p90) / 60     AS first_response_p90_minutes,
       date_part('epoch', first_response_mean) / 60    AS first_response_mean_minutes
FROM weekly_first_response;

CREATE VIEW bi.weekly_reply_time AS
SELECT week, channel, replies,
       date_part('epoch', average_reply_time) / 60  AS average_reply_time_minutes,
       date_part('epoch', median_reply_time) / 60   AS median_reply_time_minutes
FROM weekly_reply_time;

CREATE VIEW bi.weekly_resolution_time AS
SELECT week, channel, resolved_tickets,
       date_part('epoch', resolution_median) / 3600  AS resolution_median_hours,
       date_part('epoch', resolution_p90) / 3600     AS resolution_p90_hours,
       date_part('epoch', resolution_mean) / 3600    AS resolution_mean_hours
FROM weekly_resolution_time;

CREATE VIEW bi.weekly_resolution_rate AS
SELECT week, channel, tickets, resolved_tickets, resolution_pct FROM weekly_resolution_rate;

CREATE VIEW bi.weekly_fcr AS
SELECT week, channel, eligible_tickets, fcr_pct FROM weekly_fcr;

CREATE VIEW bi.weekly_escalation_rate AS
SELECT week, channel, tickets, escalation_pct FROM weekly_escalation_rate;

CREATE VIEW bi.weekly_reopen_rate AS
SELECT week, channel, resolved_tickets, reopen_pct FROM weekly_reopen_rate;

CREATE VIEW bi.weekly_replies_per_ticket AS
SELECT week, channel, resolved_tickets, replies, replies_per_ticket FROM weekly_replies_per_ticket;

CREATE VIEW bi.weekly_aht AS
SELECT week, channel, handled_calls,
       date_part('epoch', aht) / 60  AS aht_minutes
FROM weekly_aht;

CREATE VIEW bi.weekly_abandonment AS
SELECT week, channel, offered_calls, abandoned_calls, abandonment_pct FROM weekly_abandonment;

CREATE VIEW bi.weekly_csat AS
SELECT week, channel, responses, csat_pct, csat_ci_low, csat_ci_high FROM weekly_csat;

CREATE VIEW bi.weekly_nps AS
SELECT week, channel, responses, nps, nps_margin FROM weekly_nps;

CREATE VIEW bi.weekly_ces AS
SELECT week, channel, responses, ces FROM weekly_ces;

CREATE VIEW bi.weekly_channel_mix AS
SELECT week, channel, contacts, share_pct FROM weekly_channel_mix;

CREATE VIEW bi.first_response_business_weekly AS
SELECT week, channel, answered,
       date_part('epoch', business_first_response_median) / 60  AS business_first_response_median_minutes,
       date_part('epoch', business_first_response_p90) / 60     AS business_first_response_p90_minutes,
       date_part('epoch', business_first_response_mean) / 60    AS business_first_response_mean_minutes
FROM first_response_business_weekly;

CREATE VIEW bi.sla_attainment_weekly AS
SELECT week, channel, tickets, counted_tickets, met_tickets, sla_attainment_pct FROM sla_attainment_weekly;

-- Staffing per half hour of the week: the half hour as text ('08:30'),
-- counts as bigint, the AHT in minutes.
CREATE VIEW bi.staffing_half_hourly AS
SELECT isodow::bigint AS isodow, to_char(half_hour, 'HH24:MI') AS half_hour, weeks::bigint AS weeks,
       offered_calls, calls_per_half_hour,
       date_part('epoch', aht) / 60  AS aht_minutes,
       erlangs, agents::bigint AS agents, service_level_pct, occupancy_pct,
       scheduled_agents::bigint AS scheduled_agents
FROM staffing_half_hourly;

CREATE VIEW bi.monthly_customer_retention AS
SELECT month, customers_at_start, customers_at_end, new_customers, customers_lost, retention_pct, churn_pct
FROM monthly_customer_retention;

CREATE VIEW bi.monthly_cost_per_ticket AS
SELECT month, cost, tickets, cost_per_ticket FROM monthly_cost_per_ticket;

CREATE VIEW bi.status_times_weekly AS
SELECT week, channel, resolved_tickets,
       date_part('epoch', requester_wait_median) / 3600           AS requester_wait_median_hours,
       date_part('epoch', requester_wait_p90) / 3600              AS requester_wait_p90_hours,
       date_part('epoch', agent_work_median) / 3600               AS agent_work_median_hours,
       date_part('epoch', on_hold_mean) / 3600                    AS on_hold_mean_hours,
       date_part('epoch', business_requester_wait_median) / 3600  AS business_requester_wait_median_hours,
       date_part('epoch', business_agent_work_median) / 3600      AS business_agent_work_median_hours,
       date_part('epoch', business_on_hold_mean) / 3600           AS business_on_hold_mean_hours
FROM status_times_weekly;

CREATE VIEW bi.reopens_from_history_weekly AS
SELECT week, channel, resolved_tickets, reopened_tickets, reopen_pct, total_reopens::bigint AS total_reopens
FROM reopens_from_history_weekly;

CREATE VIEW bi.backlog_from_history_weekly AS
SELECT week, channel, unsolved, waiting_on_agent, waiting_on_customer, on_hold FROM backlog_from_history_weekly;

CREATE VIEW bi.requester_wait_sla_weekly AS
SELECT week, channel, tickets, counted_tickets, met_tickets, sla_attainment_pct FROM requester_wait_sla_weekly;

-- The stored daily summaries read as numbers, one row per day and channel:
-- what a BI tool charts by day, where selecting daily_metrics itself would
-- give it summaries' text forms.
CREATE VIEW bi.daily_metrics AS
SELECT day, channel,
       tickets::bigint                                          AS tickets,
       median_seconds(first_response) / 60                      AS first_response_median_minutes,
       percentile_seconds(first_response, 0.9) / 60             AS first_response_p90_minutes,
       median_seconds(first_response_business) / 60             AS business_first_response_median_minutes,
       percentile_seconds(first_response_business, 0.9) / 60    AS business_first_response_p90_minutes,
       rate(sla_met)                                            AS sla_attainment_pct,
       rate(escalated)                                          AS escalation_pct,
       rate(fcr)                                                AS fcr_pct,
       rate(reopened)                                           AS reopen_pct,
       responses(nps_scores)                                    AS nps_responses,
       nps(nps_scores)                                          AS nps,
       csat(csat_ratings)                                       AS csat_pct,
       ces(ces_scores)                                          AS ces,
       mean_seconds(handle_time) / 60                           AS aht_minutes,
       rate(abandoned)                                          AS abandonment_pct
FROM daily_metrics;

CREATE VIEW bi.weekly_rollup AS
SELECT week, channel, tickets,
       date_part('epoch', first_response_median) / 60           AS first_response_median_minutes,
       date_part('epoch', first_response_p90) / 60              AS first_response_p90_minutes,
       date_part('epoch', business_first_response_median) / 60  AS business_first_response_median_minutes,
       date_part('epoch', business_first_response_p90) / 60     AS business_first_response_p90_minutes,
       sla_attainment_pct, escalation_pct, fcr_pct, reopen_pct, nps_responses, nps, csat_pct, ces,
       date_part('epoch', aht) / 60                             AS aht_minutes,
       abandonment_pct
FROM weekly_rollup;

CREATE VIEW bi.monthly_rollup AS
SELECT month, channel, tickets,
       date_part('epoch', first_response_median) / 60           AS first_response_median_minutes,
       date_part('epoch', first_response_p90) / 60              AS first_response_p90_minutes,
       date_part('epoch', business_first_response_median) / 60  AS business_first_response_median_minutes,
       date_part('epoch', business_first_response_p90) / 60     AS business_first_response_p90_minutes,
       sla_attainment_pct, escalation_pct, fcr_pct, reopen_pct, nps_responses, nps, csat_pct, ces,
       date_part('epoch', aht) / 60                             AS aht_minutes,
       abandonment_pct
FROM monthly_rollup;
