-- Citus test, set-up on the coordinator (workers already added): the demo's
-- helpdesk export (demo/generate.sql, :tickets tickets) in the cookbook's
-- tables, still local; then one row per ticket with its survey answers and
-- first handled call, twice: tickets_local (an ordinary table: the
-- single-node answer) and tickets_dist (distributed by customer_id), and the
-- teams' calendars as a reference table and a local copy.

\set ON_ERROR_STOP on
SET client_min_messages = error;    -- Citus warns that generate.sql's pg_temp helpers stay local
SET timezone = 'UTC';

-- CREATE EXTENSION csmetrics (in generate.sql) on the coordinator only.
\i :repo/demo/generate.sql

SET client_min_messages = warning;
CREATE TABLE tickets_local AS
SELECT t.id, t.customer_id, t.channel, t.team, t.status, t.created_at, t.first_reply_at, t.resolved_at,
       t.reopened, t.escalated, t.contacts, s.nps_score, s.csat_rating, s.ces_score,
       c.talk, c.hold, c.wrap_up
FROM tickets t
LEFT JOIN surveys s ON s.ticket_id = t.id
LEFT JOIN LATERAL (SELECT talk, hold, wrap_up FROM calls
                   WHERE ticket_id = t.id AND NOT abandoned
                   ORDER BY started_at LIMIT 1) AS c ON true
ORDER BY t.id;
CREATE TABLE tickets_dist (LIKE tickets_local);
SELECT create_distributed_table('tickets_dist', 'customer_id') \g /dev/null
INSERT INTO tickets_dist SELECT * FROM tickets_local;

CREATE TABLE calendars_local AS TABLE team_calendars;
CREATE TABLE calendars_ref (LIKE calendars_local);
SELECT create_reference_table('calendars_ref') \g /dev/null
INSERT INTO calendars_ref SELECT * FROM calendars_local;
ANALYZE;
