-- A week of four tickets for the client test (2025-03-03 is a Monday).
INSERT INTO customers (id, signed_up, cancelled) VALUES
    (1, '2025-01-01', NULL),
    (2, '2025-02-01', '2025-03-15');

INSERT INTO tickets (id, channel, team, customer_id, created_at, first_reply_at, resolved_at,
                     reopened, escalated, status, contacts) VALUES
    (1, 'email', 'billing',   1, '2025-03-03 09:00+00', '2025-03-03 10:00+00',    '2025-03-04 21:07:30+00', false, false, 'closed', 1),
    (2, 'phone', 'billing',   2, '2025-03-03 11:00+00', '2025-03-03 11:00:30+00', '2025-03-03 11:20+00',    false, false, 'closed', 1),
    (3, 'phone', 'technical', 1, '2025-03-04 14:00+00', '2025-03-04 14:01+00',    '2025-03-04 14:30+00',    false, false, 'closed', 1),
    (4, 'email', 'accounts',  2, '2025-03-05 08:00+00', NULL,                     NULL,                     false, false, 'new',    1);

INSERT INTO ticket_replies (ticket_id, customer_message_at, agent_reply_at) VALUES
    (1, '2025-03-03 09:00+00', '2025-03-03 10:00+00'),
    (2, '2025-03-03 11:00+00', '2025-03-03 11:00:30+00'),
    (3, '2025-03-04 14:00+00', '2025-03-04 14:01+00'),
    (4, '2025-03-05 08:00+00', NULL);

INSERT INTO surveys (ticket_id, sent_at, nps_score, csat_rating, ces_score) VALUES
    (1, '2025-03-04 21:30+00', 10, 5, 7),
    (2, '2025-03-03 11:30+00',  9, 4, 6),
    (3, '2025-03-04 15:00+00',  3, 2, 2);

-- Handle times 10 min and 9 min 12 s: AHT 9 min 36 s. One call of three abandoned.
INSERT INTO calls (ticket_id, started_at, talk, hold, wrap_up, abandoned) VALUES
    (2, '2025-03-03 11:00+00', '8 min', '1 min',    '1 min', false),
    (3, '2025-03-04 13:55+00', NULL,    NULL,       NULL,    true),
    (3, '2025-03-04 14:00+00', '7 min', '00:01:12', '1 min', false);

INSERT INTO support_costs (month, cost) VALUES ('2025-03-01', 1000.00);
