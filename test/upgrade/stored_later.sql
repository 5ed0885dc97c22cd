-- Values of the types added after 0.1 (test/dump/stored.sql holds the 0.1
-- ones), for the server upgrade check: a table and a view of accessors.
SET client_min_messages = warning;

CREATE TABLE public.stored_later AS
SELECT t AS id,
       status_agg(timestamptz '2025-03-01 08:00+00' + (t * 37 + i * 53) * interval '1 minute',
                  (ARRAY['new', 'open', 'pending', 'open', 'solved', 'open', 'closed'])[1 + i % 7]) AS status_s
FROM generate_series(1, 20) t, generate_series(0, t % 9) i
GROUP BY t;

CREATE VIEW public.stored_later_answers AS
SELECT id, time_in(status_s, 'open', timestamptz '2025-03-05 00:00+00') AS open_time,
       time_in(status_s, ARRAY['open', 'pending'], timestamptz '2025-03-05 00:00+00') AS working_time,
       status_at(status_s, timestamptz '2025-03-01 12:00+00') AS status_at_noon,
       times_entered(status_s, 'open') AS opened, first_entered(status_s, 'open') AS first_open,
       last_entered(status_s, 'solved') AS last_solved
FROM public.stored_later;
