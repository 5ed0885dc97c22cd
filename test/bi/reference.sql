-- The answers the JDBC and ODBC clients must read from schema bi, computed by
-- psql from the cookbook's interval views (durations as extract(epoch ...),
-- exact numerics) and, for the daily rows, from the stored summaries through
-- the interval accessors. Run in a session whose time zone is none of the
-- clients': the reporting zone, not the session's, decides the weeks.
--
--   psql -X -q -A -F $'\t' -P footer=off -P null='\N' -f reference.sql
SET timezone = 'Pacific/Kiritimati';
SET datestyle = 'ISO, YMD';

\echo == bi.backlog_from_history_weekly
SELECT week, channel, unsolved, waiting_on_agent, waiting_on_customer, on_hold
FROM backlog_from_history_weekly ORDER BY 1, 2;

\echo == bi.daily_metrics
SELECT day, channel, tickets,
       extract(epoch FROM median(first_response)) / 60                AS first_response_median_minutes,
       extract(epoch FROM percentile(first_response, 0.9)) / 60       AS first_response_p90_minutes,
       extract(epoch FROM median(first_response_business)) / 60       AS business_first_response_median_minutes,
       extract(epoch FROM percentile(first_response_business, 0.9)) / 60 AS business_first_response_p90_minutes,
       rate(sla_met) AS sla_attainment_pct, rate(escalated) AS escalation_pct, rate(fcr) AS fcr_pct,
       rate(reopened) AS reopen_pct, responses(nps_scores) AS nps_responses, nps(nps_scores) AS nps,
       csat(csat_ratings) AS csat_pct, ces(ces_scores) AS ces,
       extract(epoch FROM mean(handle_time)) / 60                     AS aht_minutes,
       rate(abandoned) AS abandonment_pct
FROM daily_metrics ORDER BY 1, 2;

\echo == bi.first_response_business_weekly
SELECT week, channel, answered,
       extract(epoch FROM business_first_response_median) / 60 AS business_first_response_median_minutes,
       extract(epoch FROM business_first_response_p90) / 60    AS business_first_response_p90_minutes,
       extract(epoch FROM business_first_response_mean) / 60   AS business_first_response_mean_minutes
FROM first_response_business_weekly ORDER BY 1, 2;

\echo == bi.monthly_cost_per_ticket
SELECT month, cost, tickets, cost_per_ticket FROM monthly_cost_per_ticket ORDER BY 1, 2;

\echo == bi.monthly_customer_retention
SELECT month, customers_at_start, customers_at_end, new_customers, customers_lost, retention_pct, churn_pct
FROM monthly_customer_retention ORDER BY 1, 2;

\echo == bi.monthly_rollup
SELECT month, channel, tickets,
       extract(epoch FROM first_response_median) / 60          AS first_response_median_minutes,
       extract(epoch FROM first_response_p90) / 60             AS first_response_p90_minutes,
       extract(epoch FROM business_first_response_median) / 60 AS business_first_response_median_minutes,
       extract(epoch FROM business_first_response_p90) / 60    AS business_first_response_p90_minutes,
       sla_attainment_pct, escalation_pct, fcr_pct, reopen_pct, nps_responses, nps, csat_pct, ces,
       extract(epoch FROM aht) / 60                            AS aht_minutes,
       abandonment_pct
FROM monthly_rollup ORDER BY 1, 2;

\echo == bi.reopens_from_history_weekly
SELECT week, channel, resolved_tickets, reopened_tickets, reopen_pct, total_reopens
FROM reopens_from_history_weekly ORDER BY 1, 2;

\echo == bi.requester_wait_sla_weekly
SELECT week, channel, tickets, counted_tickets, met_tickets, sla_attainment_pct
FROM requester_wait_sla_weekly ORDER BY 1, 2;

\echo == bi.sla_attainment_weekly
SELECT week, channel, tickets, counted_tickets, met_tickets, sla_attainment_pct
FROM sla_attainment_weekly ORDER BY 1, 2;

\echo == bi.staffing_half_hourly
SELECT isodow, to_char(half_hour, 'HH24:MI') AS half_hour, weeks, offered_calls, calls_per_half_hour,
       extract(epoch FROM aht) / 60 AS aht_minutes,
       erlangs, agents, service_level_pct, occupancy_pct, scheduled_agents
FROM staffing_half_hourly ORDER BY 1, 2;

\echo == bi.status_times_weekly
SELECT week, channel, resolved_tickets,
       extract(epoch FROM requester_wait_median) / 3600          AS requester_wait_median_hours,
       extract(epoch FROM requester_wait_p90) / 3600             AS requester_wait_p90_hours,
       extract(epoch FROM agent_work_median) / 3600              AS agent_work_median_hours,
       extract(epoch FROM on_hold_mean) / 3600                   AS on_hold_mean_hours,
       extract(epoch FROM business_requester_wait_median) / 3600 AS business_requester_wait_median_hours,
       extract(epoch FROM business_agent_work_median) / 3600     AS business_agent_work_median_hours,
       extract(epoch FROM business_on_hold_mean) / 3600          AS business_on_hold_mean_hours
FROM status_times_weekly ORDER BY 1, 2;

\echo == bi.weekly_abandonment
SELECT week, channel, offered_calls, abandoned_calls, abandonment_pct FROM weekly_abandonment ORDER BY 1, 2;

\echo == bi.weekly_aht
SELECT week, channel, handled_calls, extract(epoch FROM aht) / 60 AS aht_minutes FROM weekly_aht ORDER BY 1, 2;

\echo == bi.weekly_backlog
SELECT week, channel, open_tickets FROM weekly_backlog ORDER BY 1, 2;

\echo == bi.weekly_ces
SELECT week, channel, responses, ces FROM weekly_ces ORDER BY 1, 2;

\echo == bi.weekly_channel_mix
SELECT week, channel, contacts, share_pct FROM weekly_channel_mix ORDER BY 1, 2;

\echo == bi.weekly_csat
SELECT week, channel, responses, csat_pct, csat_ci_low, csat_ci_high FROM weekly_csat ORDER BY 1, 2;

\echo == bi.weekly_escalation_rate
SELECT week, channel, tickets, escalation_pct FROM weekly_escalation_rate ORDER BY 1, 2;

\echo == bi.weekly_fcr
SELECT week, channel, eligible_tickets, fcr_pct FROM weekly_fcr ORDER BY 1, 2;

\echo == bi.weekly_first_response
SELECT week, channel, answered,
       extract(epoch FROM first_response_median) / 60 AS first_response_median_minutes,
       extract(epoch FROM first_response_p90) / 60    AS first_response_p90_minutes,
       extract(epoch FROM first_response_mean) / 60   AS first_response_mean_minutes
FROM weekly_first_response ORDER BY 1, 2;

\echo == bi.weekly_nps
SELECT week, channel, responses, nps, nps_margin FROM weekly_nps ORDER BY 1, 2;

\echo == bi.weekly_reopen_rate
SELECT week, channel, resolved_tickets, reopen_pct FROM weekly_reopen_rate ORDER BY 1, 2;

\echo == bi.weekly_replies_per_ticket
SELECT week, channel, resolved_tickets, replies, replies_per_ticket FROM weekly_replies_per_ticket ORDER BY 1, 2;

\echo == bi.weekly_reply_time
SELECT week, channel, replies,
       extract(epoch FROM average_reply_time) / 60 AS average_reply_time_minutes,
       extract(epoch FROM median_reply_time) / 60  AS median_reply_time_minutes
FROM weekly_reply_time ORDER BY 1, 2;

\echo == bi.weekly_resolution_rate
SELECT week, channel, tickets, resolved_tickets, resolution_pct FROM weekly_resolution_rate ORDER BY 1, 2;

\echo == bi.weekly_resolution_time
SELECT week, channel, resolved_tickets,
       extract(epoch FROM resolution_median) / 3600 AS resolution_median_hours,
       extract(epoch FROM resolution_p90) / 3600    AS resolution_p90_hours,
       extract(epoch FROM resolution_mean) / 3600   AS resolution_mean_hours
FROM weekly_resolution_time ORDER BY 1, 2;

\echo == bi.weekly_rollup
SELECT week, channel, tickets,
       extract(epoch FROM first_response_median) / 60          AS first_response_median_minutes,
       extract(epoch FROM first_response_p90) / 60             AS first_response_p90_minutes,
       extract(epoch FROM business_first_response_median) / 60 AS business_first_response_median_minutes,
       extract(epoch FROM business_first_response_p90) / 60    AS business_first_response_p90_minutes,
       sla_attainment_pct, escalation_pct, fcr_pct, reopen_pct, nps_responses, nps, csat_pct, ces,
       extract(epoch FROM aht) / 60                            AS aht_minutes,
       abandonment_pct
FROM weekly_rollup ORDER BY 1, 2;

\echo == bi.weekly_ticket_volume
SELECT week, channel, tickets FROM weekly_ticket_volume ORDER BY 1, 2;
