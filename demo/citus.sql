-- csmetrics cookbook on Citus: distributes the tables of demo/cookbook.sql.
--
-- Run it on the Citus coordinator after cookbook.sql, with or without data
-- loaded (docs/scale-out.md, "The cookbook on Citus"). csmetrics must be
-- installed (make install) on every node; CREATE EXTENSION csmetrics on the
-- coordinator creates it on the workers too.
--
-- tickets and the tables about one ticket (ticket_replies, surveys, calls,
-- ticket_status_history) are distributed by ticket id and colocated, so that
-- their joins run on the workers; the small tables (customers, team_calendars,
-- support_costs, reporting_settings) become reference tables, copied to every
-- node; daily_metrics stays on the coordinator. The views and
-- refresh_daily_metrics are kept as they are.

-- Citus distributes a table only when no local table holds a foreign key to
-- it: drop the foreign keys to tickets and customers, and add them back
-- once both sides are distributed (Citus checks them on the workers).
ALTER TABLE ticket_replies DROP CONSTRAINT ticket_replies_ticket_id_fkey;
ALTER TABLE surveys DROP CONSTRAINT surveys_ticket_id_fkey;
ALTER TABLE calls DROP CONSTRAINT calls_ticket_id_fkey;
ALTER TABLE ticket_status_history DROP CONSTRAINT ticket_status_history_ticket_id_fkey;
ALTER TABLE tickets DROP CONSTRAINT tickets_customer_id_fkey;

SELECT create_reference_table('customers');
SELECT create_reference_table('team_calendars');
SELECT create_reference_table('support_costs');
SELECT create_reference_table('reporting_settings');
SELECT create_distributed_table('tickets', 'id');
SELECT create_distributed_table('ticket_replies', 'ticket_id', colocate_with => 'tickets');
SELECT create_distributed_table('surveys', 'ticket_id', colocate_with => 'tickets');
SELECT create_distributed_table('calls', 'ticket_id', colocate_with => 'tickets');
SELECT create_distributed_table('ticket_status_history', 'ticket_id', colocate_with => 'tickets');

ALTER TABLE tickets ADD CONSTRAINT tickets_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers;
ALTER TABLE ticket_replies ADD CONSTRAINT ticket_replies_ticket_id_fkey
    FOREIGN KEY (ticket_id) REFERENCES tickets;
ALTER TABLE surveys ADD CONSTRAINT surveys_ticket_id_fkey
    FOREIGN KEY (ticket_id) REFERENCES tickets;
ALTER TABLE calls ADD CONSTRAINT calls_ticket_id_fkey
    FOREIGN KEY (ticket_id) REFERENCES tickets;
ALTER TABLE ticket_status_history ADD CONSTRAINT ticket_status_history_ticket_id_fkey
    FOREIGN KEY (ticket_id) REFERENCES tickets;
