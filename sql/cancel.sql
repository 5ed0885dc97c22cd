-- Long statements stop at statement_timeout: the aggregates and rollup run
-- inside the executor's loop, which checks for interrupts, and the
-- business-hours loops check as well.
SET statement_timeout = '300ms';
SELECT nps(nps_agg((i % 11)::int)) FROM generate_series(1, 1000000000) i;
SELECT median(rollup(s)) FROM generate_series(1, 1000000000) i,
       (SELECT duration_agg(x * interval '1 minute') AS s FROM generate_series(1, 50) x) d;
SELECT count(business_duration('2000-01-01', '2000-01-01'::timestamptz + i * interval '1 hour', 'mon-fri 09:00-17:00; tz Europe/Berlin'))
FROM generate_series(1, 1000000000) i;
RESET statement_timeout;
SELECT 'still connected' AS status;
