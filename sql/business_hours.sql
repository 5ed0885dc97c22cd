-- Business hours: working time between instants, checked against a brute
-- force in plain SQL that converts every 15-minute slot to local time with
-- AT TIME ZONE (all hours, offsets and span ends lie on a 15-minute grid,
-- so counting slots is exact), across DST changes both ways, half- and
-- quarter-hour offsets, holidays, year ends and spans of several years.
SET timezone = 'UTC';
SET intervalstyle = postgres;

-- The issue's example: Friday 17:55 to Monday 09:05 is 10 working minutes.
SELECT business_duration('2025-03-07 17:55 Europe/Berlin', '2025-03-10 09:05 Europe/Berlin',
                         'mon-fri 09:00-18:00; tz Europe/Berlin') AS waited;
SELECT business_add('2025-03-07 17:55 Europe/Berlin', '10 minutes', 'mon-fri 09:00-18:00; tz Europe/Berlin') AS due,
       business_add('2025-03-07 17:55 Europe/Berlin', '5 minutes', 'mon-fri 09:00-18:00; tz Europe/Berlin') AS due_friday;
SELECT business_duration(t, t, 'mon-fri 09:00-17:00') AS same_instant, business_add(t, '0', 'mon-fri 09:00-17:00') = t AS add_zero
FROM (SELECT timestamptz '2025-06-01 12:00+00' AS t) x;
SELECT is_business_time('2025-03-07 17:59:59.999999 Europe/Berlin', c) AS before_close,
       is_business_time('2025-03-07 18:00 Europe/Berlin', c) AS at_close,
       is_business_time('2025-03-10 09:00 Europe/Berlin', c) AS at_open
FROM (SELECT 'mon-fri 09:00-18:00; tz Europe/Berlin'::business_calendar AS c) x;

-- Canonical text: days grouped, ranges sorted and merged, zone as
-- PostgreSQL names it, holidays sorted without repeats; it round-trips.
SELECT 'MON-FRI 13:00-17:00 09:00-12:00; Sat 10:00-14:00; tz europe/berlin; holidays 2025-12-26 2025-12-25 2025-12-26'::business_calendar;
SELECT 'mon,wed,fri 09:00-12:00 12:00-13:00; tue,thu,sun 08:00-09:00 ;'::business_calendar;
SELECT 'sat-sun 00:00-24:00; mon 22:00-24:00; tue-fri 00:00-02:00 22:00-24:00'::business_calendar;
SELECT c::text::business_calendar::text = c::text AS round_trips
FROM (SELECT 'mon-fri 09:00-17:00; sat 10:00-12:00; tz Asia/Kolkata; holidays 2025-01-26'::business_calendar AS c) x;

-- Reference calendars; the last one is a night shift crossing midnight.
CREATE TABLE ref_calendar (cal int PRIMARY KEY, tz text, calendar business_calendar);
CREATE TABLE ref_hours (cal int, isodow int, start_t time, end_t time);
CREATE TABLE ref_holiday (cal int, day date);
INSERT INTO ref_calendar VALUES
 (1, 'Europe/Berlin', 'mon-fri 09:00-12:00 13:00-17:00; sat 10:00-14:00; tz Europe/Berlin; holidays 2025-12-25 2025-12-26 2026-01-01'),
 (2, 'America/New_York', 'mon-sun 00:00-03:30 22:00-24:00; tz America/New_York; holidays 2025-07-04'),
 (3, 'Asia/Kolkata', 'mon-fri 09:30-18:15; tz Asia/Kolkata; holidays 2025-01-26 2025-08-15'),
 (4, 'Australia/Adelaide', 'mon-fri 08:45-17:15; sun 01:00-04:00; tz Australia/Adelaide'),
 (5, 'Asia/Kathmandu', 'tue-sat 10:00-17:00; tz Asia/Kathmandu'),
 (6, 'UTC', 'mon 22:00-24:00; tue-fri 00:00-06:00 22:00-24:00; sat 00:00-06:00; holidays 2025-12-31');
INSERT INTO ref_hours
SELECT 1, d, time '09:00', time '12:00' FROM generate_series(1, 5) d UNION ALL
SELECT 1, d, time '13:00', time '17:00' FROM generate_series(1, 5) d UNION ALL
SELECT 1, 6, time '10:00', time '14:00' UNION ALL
SELECT 2, d, time '00:00', time '03:30' FROM generate_series(1, 7) d UNION ALL
SELECT 2, d, time '22:00', time '24:00' FROM generate_series(1, 7) d UNION ALL
SELECT 3, d, time '09:30', time '18:15' FROM generate_series(1, 5) d UNION ALL
SELECT 4, d, time '08:45', time '17:15' FROM generate_series(1, 5) d UNION ALL
SELECT 4, 7, time '01:00', time '04:00' UNION ALL
SELECT 5, d, time '10:00', time '17:00' FROM generate_series(2, 6) d UNION ALL
SELECT 6, d, time '22:00', time '24:00' FROM generate_series(1, 5) d UNION ALL
SELECT 6, d, time '00:00', time '06:00' FROM generate_series(2, 6) d;
INSERT INTO ref_holiday VALUES (1, '2025-12-25'), (1, '2025-12-26'), (1, '2026-01-01'), (2, '2025-07-04'),
                               (3, '2025-01-26'), (3, '2025-08-15'), (6, '2025-12-31');

-- Whether the 15-minute slot starting at m is working time.
CREATE FUNCTION slot_is_working(cal int, m timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM ref_calendar c JOIN ref_hours h USING (cal)
        WHERE c.cal = $1
          AND h.isodow = extract(isodow FROM $2 AT TIME ZONE c.tz)
          AND ($2 AT TIME ZONE c.tz)::time >= h.start_t
          AND ($2 AT TIME ZONE c.tz)::time < h.end_t
          AND ($2 AT TIME ZONE c.tz)::date NOT IN (SELECT day FROM ref_holiday x WHERE x.cal = $1))
$$;

-- Spans: generated ones from hours to a month long, ones across each
-- zone's DST changes and the year end, and two-year ones.
CREATE TABLE spans AS
SELECT cal, k AS span,
       timestamptz '2024-12-15 00:00+00' + (abs(hashint4(cal * 1000 + k)) % 40000) * interval '15 minutes' AS s,
       (abs(hashint4(cal * 7777 + k)) % 3000) * interval '15 minutes' AS len
FROM ref_calendar, generate_series(1, 40) k
UNION ALL
SELECT cal, 100 + k, s, len FROM ref_calendar,
LATERAL (VALUES (1, timestamptz '2025-03-29 12:00+00', interval '3 days'),      -- Europe spring forward
                (2, timestamptz '2025-10-24 12:00+00', interval '4 days'),      -- Europe fall back
                (3, timestamptz '2025-03-07 00:00+00', interval '4 days'),      -- US spring forward
                (4, timestamptz '2025-10-31 00:00+00', interval '5 days'),      -- US fall back
                (5, timestamptz '2025-04-04 00:00+00', interval '3 days'),      -- Adelaide DST ends
                (6, timestamptz '2025-10-03 00:00+00', interval '3 days'),      -- Adelaide DST starts
                (7, timestamptz '2025-12-30 06:00+00', interval '4 days 6 hours'), -- year end
                (8, timestamptz '2024-06-03 08:15+00', interval '730 days')     -- two years
       ) v(k, s, len);
-- Every slot of every span in local time, then the working ones by joins
-- (the same rule as slot_is_working, set-based so that it stays fast).
CREATE TABLE slots AS
SELECT sp.cal, sp.span, m, (m AT TIME ZONE c.tz) AS local
FROM spans sp JOIN ref_calendar c USING (cal),
     generate_series(sp.s, sp.s + sp.len - interval '15 minutes', interval '15 minutes') m;
CREATE TABLE brute AS
SELECT sp.cal, sp.span, sp.s, sp.s + sp.len AS f, count(w.m) * interval '15 minutes' AS expected
FROM spans sp
LEFT JOIN (
    SELECT sl.cal, sl.span, sl.m
    FROM slots sl
    JOIN ref_hours h ON h.cal = sl.cal AND h.isodow = extract(isodow FROM sl.local)
                    AND sl.local::time >= h.start_t AND sl.local::time < h.end_t
    WHERE NOT EXISTS (SELECT 1 FROM ref_holiday x WHERE x.cal = sl.cal AND x.day = sl.local::date)
) w ON w.cal = sp.cal AND w.span = sp.span
GROUP BY sp.cal, sp.span, sp.s, sp.len;

SELECT c.cal, c.tz, count(*) AS spans,
       count(*) FILTER (WHERE business_duration(b.s, b.f, c.calendar) = b.expected) AS matching,
       max(b.f - b.s) AS longest_span
FROM brute b JOIN ref_calendar c USING (cal) GROUP BY c.cal, c.tz ORDER BY c.cal;
-- Any mismatch, shown in full.
SELECT b.cal, b.span, b.s, b.f, b.expected, business_duration(b.s, b.f, c.calendar) AS got
FROM brute b JOIN ref_calendar c USING (cal)
WHERE business_duration(b.s, b.f, c.calendar) <> b.expected ORDER BY 1, 2;

-- A DST day is shorter or longer: New York's 00:00-03:30 loses an hour on
-- 2025-03-09 and gains one on 2025-11-02.
SELECT business_duration('2025-03-09 00:00 America/New_York', '2025-03-09 12:00 America/New_York', calendar) AS spring,
       business_duration('2025-11-02 00:00 America/New_York', '2025-11-02 12:00 America/New_York', calendar) AS fall
FROM ref_calendar WHERE cal = 2;

-- business_add lands on the first instant with that much working time:
-- business_duration(s, business_add(s, w)) = w, one microsecond earlier is
-- less, and business_add(s, business_duration(s, f)) is at or before f.
SELECT c.cal, count(*) AS checked,
       count(*) FILTER (WHERE business_duration(b.s, a, c.calendar) = b.expected) AS exact,
       count(*) FILTER (WHERE b.expected = '0' OR business_duration(b.s, a - interval '1 microsecond', c.calendar) < b.expected) AS first,
       count(*) FILTER (WHERE a <= b.f) AS not_after_finish
FROM brute b JOIN ref_calendar c USING (cal)
CROSS JOIN LATERAL (SELECT business_add(b.s, b.expected, c.calendar) AS a) x
GROUP BY c.cal ORDER BY c.cal;
SELECT c.cal, count(*) AS checked,
       count(*) FILTER (WHERE business_duration(sp.s, a, c.calendar) = w) AS exact,
       count(*) FILTER (WHERE business_duration(sp.s, a - interval '1 microsecond', c.calendar) < w) AS first,
       count(*) FILTER (WHERE slot_is_working(c.cal, a - interval '15 minutes')) AS ends_in_working_slot
FROM spans sp JOIN ref_calendar c USING (cal)
CROSS JOIN LATERAL (SELECT (1 + abs(hashint4(sp.span * 31 + sp.cal)) % 400) * interval '15 minutes' AS w) ww
CROSS JOIN LATERAL (SELECT business_add(sp.s, w, c.calendar) AS a) x
GROUP BY c.cal ORDER BY c.cal;

-- is_business_time agrees with the brute force on every slot of a month.
SELECT c.cal, count(*) AS slots,
       count(*) FILTER (WHERE is_business_time(m, c.calendar) = slot_is_working(c.cal, m)) AS matching
FROM ref_calendar c, generate_series(timestamptz '2025-09-25', '2025-11-05', interval '15 minutes') m
GROUP BY c.cal ORDER BY c.cal;

-- Ten years answer at once (closed form per UTC-offset period).
SELECT business_duration('2015-01-01 America/New_York', '2025-01-01 America/New_York', 'mon-fri 09:00-17:00; tz America/New_York') AS ten_years,
       (SELECT count(*) FROM generate_series(date '2015-01-01', '2024-12-31', '1 day') d WHERE extract(isodow FROM d) < 6) * interval '8 hours' AS reference;
SELECT business_add('2025-01-01', '10000 hours', 'mon-fri 09:00-17:00; tz Europe/Berlin') AS in_five_years;

-- NULL in, NULL out.
SELECT business_duration(NULL, now(), 'mon 09:00-10:00'), business_add(now(), NULL, 'mon 09:00-10:00'),
       is_business_time(now(), NULL);

-- Working time written as an untyped literal reaches the text overload; it is
-- immutable like business_add itself, so it folds to a constant and serves
-- in a generated column.  It is read with IntervalStyle postgres whatever
-- the session's: '-1 30:00:00' is 6 hours there, negative in sql_standard.
SELECT p.oid::regprocedure AS overload, p.provolatile
FROM pg_proc p WHERE p.proname = 'business_add' ORDER BY p.oid::regprocedure::text COLLATE "C";
EXPLAIN (VERBOSE, COSTS OFF) SELECT business_add('2025-03-07 16:55+00', '10 minutes', 'mon-fri 09:00-17:00');
CREATE TABLE sla_targets (created timestamptz, due timestamptz GENERATED ALWAYS AS (business_add(created, '4 hours', 'mon-fri 09:00-17:00')) STORED);
INSERT INTO sla_targets SELECT timestamptz '2025-03-07 15:00+00' + i * interval '7 hours' FROM generate_series(0, 4) i;
SELECT created, due, due = business_add(created, interval '4 hours', 'mon-fri 09:00-17:00'::business_calendar) AS equal
FROM sla_targets ORDER BY created;
DROP TABLE sla_targets;
SET IntervalStyle = sql_standard;
SELECT business_add('2025-03-07 09:00+00', '-1 30:00:00', 'mon-fri 09:00-17:00') AS six_hours_later;
SELECT business_add('2025-03-07 09:00+00', '-1 30:00:00'::interval, 'mon-fri 09:00-17:00');
SELECT business_add('2025-03-07 09:00+00', 'soon', 'mon-fri 09:00-17:00');
\set VERBOSITY sqlstate
SELECT business_add('2025-03-07 09:00+00', 'soon', 'mon-fri 09:00-17:00');
\set VERBOSITY default
SHOW IntervalStyle;
SET IntervalStyle = postgres;

-- Errors: malformed literals (22P02 with a detail), unknown zone (22023),
-- finish before start and negative or infinite inputs (class 22).
\set VERBOSITY default
SELECT ''::business_calendar;
SELECT 'tz UTC'::business_calendar;
SELECT 'mon-fri'::business_calendar;
SELECT 'mon-fri 9:00-17:00'::business_calendar;
SELECT 'mon-fri 09:00-17:60'::business_calendar;
SELECT 'mon-fri 24:00-24:00'::business_calendar;
SELECT 'mon-fri 17:00-09:00'::business_calendar;
SELECT 'mon-fri 09:00-13:00 12:00-17:00'::business_calendar;
SELECT 'mon-fri 09:00-17:00; fri 18:00-19:00'::business_calendar;
SELECT 'mon,mon 09:00-17:00'::business_calendar;
SELECT 'fri-mon 09:00-17:00'::business_calendar;
SELECT 'monday 09:00-17:00'::business_calendar;
SELECT 'mon-fri 09:00-17:00; tz'::business_calendar;
SELECT 'mon-fri 09:00-17:00; tz UTC; tz UTC'::business_calendar;
SELECT 'mon-fri 09:00-17:00; tz Mars/Olympus_Mons'::business_calendar;
SELECT 'mon-fri 09:00-17:00; holidays 2025-02-30'::business_calendar;
SELECT 'mon-fri 09:00-17:00; holidays 25-12-2025'::business_calendar;
SELECT 'mon-fri 09:00-17:00; holidays 0000-12-25'::business_calendar;
SELECT 'mon, 09:00-17:00'::business_calendar;
SELECT 'mon-fri 09:00-17:00; holidays 2025-12-25; holidays 2025-12-26'::business_calendar;
-- A tz clause without a zone name once read and wrote 8 bytes past the
-- token array (one copy of the input was parsed, the other indexed); keywords
-- and day names are read in any case from the one input.
\set VERBOSITY sqlstate
SELECT 'mon 09:00-10:00; tz'::business_calendar;
SELECT 'mon 09:00-10:00;TZ  ;'::business_calendar;
\set VERBOSITY default
SELECT 'Mon 09:00-10:00; HOLIDAYS 2025-12-25; Tz Europe/Berlin'::business_calendar;
SELECT 'MONDAY 09:00-10:00'::business_calendar;
SELECT business_duration('2025-01-02', '2025-01-01', 'mon-fri 09:00-17:00');
SELECT business_duration('-infinity', '2025-01-01', 'mon-fri 09:00-17:00');
SELECT business_add('2025-01-01', '-1 hour', 'mon-fri 09:00-17:00');
SELECT business_add('infinity', '1 hour', 'mon-fri 09:00-17:00');
SELECT business_add('2025-01-01', '2000000000 hours', 'mon 09:00-09:01');
SELECT is_business_time('infinity', 'mon-fri 09:00-17:00');
-- A round-the-clock calendar over the whole timestamp range passes the
-- largest interval: an error, never a wrapped number.
SELECT business_duration('4713-11-24 00:00+00 BC', '294276-12-31 00:00+00', 'mon-sun 00:00-24:00');
SELECT business_add('200000-01-01 00:00+00', '100000 years', 'mon-sun 00:00-24:00');
RESET timezone;

-- Far beyond the zone's table of transitions, daylight saving goes on:
-- working time walked from 2025 agrees with PostgreSQL's own AT TIME ZONE
-- in the year 2780 and beyond.
SET timezone = 'UTC';
SELECT y, business_duration('2025-01-01', f, c) - business_duration('2025-01-01', s, c) AS walked,
       business_duration(s, f, c) AS direct,
       (SELECT count(*) FILTER (WHERE (m AT TIME ZONE 'America/New_York')::time >= '09:00'
                                  AND (m AT TIME ZONE 'America/New_York')::time < '17:00') * interval '15 minutes'
        FROM generate_series(s, f - interval '15 minutes', interval '15 minutes') m) AS brute
FROM unnest(ARRAY[2500, 2780, 3100]) y,
LATERAL (SELECT make_timestamptz(y, 6, 28, 0, 0, 0, 'UTC') AS s, make_timestamptz(y, 7, 3, 13, 30, 0, 'UTC') AS f,
                'mon-sun 09:00-17:00; tz America/New_York'::business_calendar AS c) x;
