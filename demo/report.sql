-- csmetrics demo report: reads the cookbook views (demo/cookbook.sql) over the
-- export that generate.sql loaded.

\set QUIET on
\pset null '-'
\pset footer off
-- generate.sql laid out the year in UTC; read weeks, months and days the same way.
SET timezone = 'UTC';

\echo
\echo '== Support metrics by month and channel, 2025 (monthly_rollup, from daily summaries) =='
\echo '   first reply: median, in wall-clock time and in the team''s business hours (bh); sla: first'
\echo '   reply within 4 business hours; fcr, reopen, csat, abandoned: percent; nps -100..100'
\echo '   (n = answers); ces 1-7, higher is easier; aht: talk + hold + wrap-up of phone calls'
\echo
SELECT to_char(month, 'YYYY-MM')                    AS month,
       channel,
       tickets,
       date_trunc('second', first_response_median)  AS "first reply",
       date_trunc('second', business_first_response_median) AS "first reply bh",
       round(sla_attainment_pct::numeric, 1)        AS sla,
       round(fcr_pct::numeric, 1)                   AS fcr,
       round(reopen_pct::numeric, 1)                AS reopen,
       round(nps::numeric, 1)                       AS nps,
       nps_responses                                AS "nps n",
       round(csat_pct::numeric, 1)                  AS csat,
       round(ces::numeric, 2)                       AS ces,
       date_trunc('second', aht)                    AS aht,
       round(abandonment_pct::numeric, 1)           AS abandoned
FROM monthly_rollup
WHERE month BETWEEN date '2025-01-01' AND date '2025-12-01'
ORDER BY month, channel;

\echo
\echo '== December, week by week: intake (tickets created in the week) =='
\echo '   open at end: backlog when the week closes; share: of the week''s customer contacts'
\echo
SELECT week, channel,
       v.tickets,
       b.open_tickets                                     AS "open at end",
       date_trunc('second', f.first_response_median)      AS "first reply median",
       date_trunc('second', f.first_response_p90)         AS "first reply p90",
       round(r.resolution_pct::numeric, 1)                AS "resolved %",
       round(e.escalation_pct::numeric, 1)                AS "escalated %",
       round(m.share_pct::numeric, 1)                     AS "share %"
FROM weekly_ticket_volume v
JOIN weekly_backlog b USING (week, channel)
JOIN weekly_first_response f USING (week, channel)
JOIN weekly_resolution_rate r USING (week, channel)
JOIN weekly_escalation_rate e USING (week, channel)
JOIN weekly_channel_mix m USING (week, channel)
WHERE week >= date '2025-12-01'
ORDER BY week, channel;

\echo
\echo '== December, week by week: outcomes (tickets resolved, surveys sent in the week) =='
\echo '   csat with its 95% interval; nps with its 95% margin of error'
\echo
SELECT week, channel,
       t.resolved_tickets                                  AS resolved,
       date_trunc('minute', t.resolution_median)           AS "resolution median",
       date_trunc('minute', t.resolution_p90)              AS "resolution p90",
       round(f.fcr_pct::numeric, 1)                        AS fcr,
       round(o.reopen_pct::numeric, 1)                     AS reopen,
       round(p.replies_per_ticket::numeric, 2)             AS "replies/ticket",
       format('%s [%s, %s]', round(c.csat_pct::numeric, 1), round(c.csat_ci_low::numeric, 1),
              round(c.csat_ci_high::numeric, 1))           AS "csat [95% ci]",
       format('%s ± %s', round(n.nps::numeric, 1), round(n.nps_margin::numeric, 1)) AS nps
FROM weekly_resolution_time t
JOIN weekly_fcr f USING (week, channel)
JOIN weekly_reopen_rate o USING (week, channel)
JOIN weekly_replies_per_ticket p USING (week, channel)
LEFT JOIN weekly_csat c USING (week, channel)
LEFT JOIN weekly_nps n USING (week, channel)
WHERE week BETWEEN date '2025-12-01' AND date '2025-12-29'
ORDER BY week, channel;

\echo
\echo '== December, week by week: replies and calls =='
\echo
SELECT week, channel,
       r.replies,
       date_trunc('second', r.average_reply_time)   AS "average reply",
       date_trunc('second', r.median_reply_time)    AS "median reply",
       a.handled_calls                              AS "calls handled",
       date_trunc('second', a.aht)                  AS aht,
       round(x.abandonment_pct::numeric, 1)         AS "abandoned %",
       round(e.ces::numeric, 2)                     AS ces
FROM weekly_reply_time r
LEFT JOIN weekly_aht a USING (week, channel)
LEFT JOIN weekly_abandonment x USING (week, channel)
LEFT JOIN weekly_ces e USING (week, channel)
WHERE week BETWEEN date '2025-12-01' AND date '2025-12-29'
ORDER BY week, channel;

\echo
\echo '== December, week by week: from the status history (ticket_status_history) =='
\echo '   wait: requester wait (new, open, on-hold), work: agent work time (new, open), hold: mean'
\echo '   on-hold time, of the tickets resolved in the week, medians; bh: in the team''s business'
\echo '   hours; reopen %: resolved tickets reopened at least once; backlog: unsolved at the end'
\echo '   of the week (status_at); sla %: first solved within 8 business hours of requester wait'
\echo '   (the clock pauses while pending), by week of creation'
\echo
SELECT week, channel,
       date_trunc('second', st.requester_wait_median)          AS wait,
       date_trunc('second', st.business_requester_wait_median) AS "wait bh",
       date_trunc('second', st.agent_work_median)              AS work,
       date_trunc('second', st.business_agent_work_median)     AS "work bh",
       date_trunc('second', st.on_hold_mean)                   AS hold,
       date_trunc('second', st.business_on_hold_mean)          AS "hold bh",
       round(ro.reopen_pct::numeric, 1)                        AS "reopen %",
       bl.unsolved                                             AS backlog,
       round(sla.sla_attainment_pct::numeric, 1)               AS "sla %"
FROM status_times_weekly st
JOIN reopens_from_history_weekly ro USING (week, channel)
JOIN backlog_from_history_weekly bl USING (week, channel)
JOIN requester_wait_sla_weekly sla USING (week, channel)
WHERE week >= date '2025-12-01'
ORDER BY week, channel;

\echo
\echo '   The history agrees with the tickets table: the status at the export and whether the'
\echo '   ticket was ever reopened.'
\echo
SELECT count(*) AS tickets,
       count(*) FILTER (WHERE status_at(h.history, '2026-01-01 00:00+00') = t.status) AS "same status",
       count(*) FILTER (WHERE (reopens(h.history) > 0) = t.reopened)                 AS "same reopened"
FROM tickets t
JOIN (SELECT ticket_id, status_agg(changed_at, status) AS history
      FROM ticket_status_history GROUP BY ticket_id) h ON h.ticket_id = t.id;

\echo
\echo '== Customers and cost per month =='
\echo
SELECT to_char(month, 'YYYY-MM')              AS month,
       r.customers_at_start                   AS "customers (start)",
       r.new_customers                        AS new,
       r.customers_lost                       AS lost,
       round(r.retention_pct::numeric, 2)     AS "retention %",
       round(r.churn_pct::numeric, 2)         AS "churn %",
       c.cost,
       c.tickets,
       c.cost_per_ticket                      AS "cost/ticket"
FROM monthly_customer_retention r
JOIN monthly_cost_per_ticket c USING (month)
ORDER BY month;

\echo
\echo '== Daily summaries: months of history stay cheap =='
\echo '   monthly_rollup reads one row per day and channel; the one-step query reads every'
\echo '   ticket, survey and call. Every (month, channel) answer must be equal.'
\echo
SELECT 'daily_metrics' AS "table", count(*) AS rows,
       pg_size_pretty(pg_total_relation_size('daily_metrics')) AS size
FROM daily_metrics
UNION ALL
SELECT 'tickets + surveys + calls',
       (SELECT count(*) FROM tickets) + (SELECT count(*) FROM surveys) + (SELECT count(*) FROM calls),
       pg_size_pretty(pg_total_relation_size('tickets') + pg_total_relation_size('surveys')
                      + pg_total_relation_size('calls'));

-- The same monthly metrics from the raw rows, each on its own event date.
WITH created AS (
    SELECT date_trunc('month', created_at)::date AS month, channel,
           count(*) AS tickets,
           median(duration_agg(first_reply_at - created_at)) AS first_response_median,
           median(duration_agg(business_duration(created_at, first_reply_at, c.calendar)))
               AS business_first_response_median,
           rate(rate_agg(CASE WHEN first_reply_at IS NOT NULL THEN first_reply_at <= d.due
                              WHEN d.due < now() THEN false END)) AS sla_attainment_pct,
           rate(rate_agg(escalated)) AS escalation_pct
    FROM tickets t
    LEFT JOIN team_calendars c USING (team)
    CROSS JOIN LATERAL (SELECT business_add(t.created_at, interval '4 hours', c.calendar) AS due) AS d
    GROUP BY 1, 2
), resolved AS (
    SELECT date_trunc('month', resolved_at)::date AS month, channel,
           fcr_rate(contacts = 1 AND NOT reopened, NOT escalated) AS fcr_pct,
           rate(rate_agg(reopened)) AS reopen_pct
    FROM tickets WHERE resolved_at IS NOT NULL GROUP BY 1, 2
), surveyed AS (
    SELECT date_trunc('month', s.sent_at)::date AS month, t.channel,
           nps(nps_agg(s.nps_score)) AS nps, csat(csat_agg(s.csat_rating)) AS csat_pct,
           ces(ces_agg(s.ces_score)) AS ces
    FROM surveys s JOIN tickets t ON t.id = s.ticket_id GROUP BY 1, 2
), called AS (
    SELECT date_trunc('month', c.started_at)::date AS month, t.channel,
           aht(c.talk, c.hold, c.wrap_up) AS aht, rate(rate_agg(c.abandoned)) AS abandonment_pct
    FROM calls c JOIN tickets t ON t.id = c.ticket_id GROUP BY 1, 2
), one_step AS (
    SELECT * FROM created
    FULL JOIN resolved USING (month, channel)
    FULL JOIN surveyed USING (month, channel)
    FULL JOIN called USING (month, channel)
)
SELECT count(*) AS "month x channel",
       count(*) FILTER (WHERE (r.tickets, r.first_response_median, r.business_first_response_median,
                               r.sla_attainment_pct, r.escalation_pct, r.fcr_pct, r.reopen_pct,
                               r.nps, r.csat_pct, r.ces, r.aht, r.abandonment_pct)
                              IS NOT DISTINCT FROM
                              (o.tickets, o.first_response_median, o.business_first_response_median,
                               o.sla_attainment_pct, o.escalation_pct, o.fcr_pct, o.reopen_pct,
                               o.nps, o.csat_pct, o.ces, o.aht, o.abandonment_pct))
           AS "equal to one-step"
FROM monthly_rollup r
FULL JOIN one_step o USING (month, channel);

\echo
\echo '== Staffing the phone queue (staffing_half_hourly, Erlang C): agents per half hour, 2025 average =='
\echo '   agents answering 80% of calls within 20 s, at most 85% busy; scheduled: with 30% shrinkage'
\echo
SELECT to_char(half_hour, 'HH24:MI')                       AS "UTC",
       max(agents) FILTER (WHERE isodow = 1)               AS mon,
       max(agents) FILTER (WHERE isodow = 2)               AS tue,
       max(agents) FILTER (WHERE isodow = 3)               AS wed,
       max(agents) FILTER (WHERE isodow = 4)               AS thu,
       max(agents) FILTER (WHERE isodow = 5)               AS fri,
       max(agents) FILTER (WHERE isodow = 6)               AS sat,
       max(agents) FILTER (WHERE isodow = 7)               AS sun,
       round(avg(calls_per_half_hour) FILTER (WHERE isodow <= 5)::numeric, 1) AS "mon-fri calls",
       max(scheduled_agents) FILTER (WHERE isodow <= 5)    AS "mon-fri scheduled"
FROM staffing_half_hourly
WHERE half_hour BETWEEN time '06:00' AND time '21:30'
GROUP BY half_hour
ORDER BY half_hour;
