-- status_summary: ticket status histories.  Every accessor is checked
-- against plain SQL on generated histories (lead()/lag() windows for
-- calendar time, business_duration summed per segment for working time
-- across a DST change and a holiday, a minute-by-minute walk for SLA due
-- times), then round trips, parallel plans, a 100,000-transition ticket and
-- every error.
-- A schema of its own: other suites in this database have their own tables.
CREATE SCHEMA status_history;
SET search_path = status_history, public;
SET timezone = 'UTC';
SET intervalstyle = postgres;

-- The canonical text: seconds since 1970 UTC, status names in double
-- quotes; sorted by time, ties by status name in byte order.
SELECT status_agg(t, st) AS history
FROM (VALUES ('2025-03-03 09:00+00'::timestamptz, 'new'), ('2025-03-03 09:30:00.25+00', 'pending'),
             ('2025-03-03 09:05+00', 'open'), ('2025-03-03 09:30:00.25+00', 'open'),
             (NULL, 'solved'), ('2025-03-04 10:00+00', NULL)) v(t, st);
-- Names are any text: quotes, backslashes, '=', commas, spaces, non-ASCII, empty.
SELECT s, s::text::status_summary = s AS round_trips, status_at(s, '1970-01-01 00:00:03') AS third
FROM (SELECT status_agg(t, st) AS s
      FROM (VALUES (timestamptz '1970-01-01 00:00:01+00', 'on "hold"'), ('1970-01-01 00:00:02+00', 'a\b = c, d'),
                   ('1970-01-01 00:00:03+00', 'wartet – Kunde'), ('1969-12-31 23:59:59.5+00', '')) v(t, st)) x;
SELECT 'status v1 transitions='::status_summary AS empty,
       '  status  v1  transitions=-1.5:"x",0.000001:"y"  '::status_summary AS lenient_spacing_any_order,
       'status v1 transitions=-210866803200:"first",9224318015999.999999:"last"'::status_summary AS extremes;

-- The issue's example ticket.
CREATE TABLE example AS
SELECT status_agg(t, st) AS s
FROM (VALUES ('2025-03-07 16:00+00'::timestamptz, 'new'), ('2025-03-07 16:30+00', 'open'),
             ('2025-03-07 17:00+00', 'pending'), ('2025-03-10 10:00+00', 'open'),
             ('2025-03-10 11:00+00', 'solved'), ('2025-03-11 09:00+00', 'open'),
             ('2025-03-11 09:30+00', 'solved'), ('2025-03-12 09:30+00', 'closed')) v(t, st);
SELECT time_in(s, 'pending') AS pending, time_in(s, ARRAY['new', 'open']) AS requester_wait,
       time_in(s, 'closed') AS closed_no_until, time_in(s, 'closed', timestamptz '2025-03-13 09:30+00') AS closed_until,
       time_in(s, 'open', timestamptz '2025-03-07 16:45+00') AS open_until_mid,
       time_in(s, 'new', timestamptz '2025-03-01') AS until_before_first,
       time_in(s, 'nope') AS unknown_status,
       time_in(s, 'pending', timestamptz '2025-03-08', timestamptz '2025-03-09') AS pending_saturday,
       time_in(s, ARRAY['open', NULL], NULL::timestamptz, NULL) AS open_unbounded
FROM example;
SELECT status_at(s, '2025-03-07 15:59:59.999999+00') AS before, status_at(s, '2025-03-07 16:00+00') AS at_first,
       status_at(s, '2025-03-09') AS sunday, status_at(s, 'infinity') AS at_infinity,
       first_entered(s, 'open') AS first_open, last_entered(s, 'open') AS last_open,
       times_entered(s, 'open') AS open_entries, first_entered(s, 'nope') AS never,
       times_entered(s, 'nope') AS never_count
FROM example;
SELECT reopens(s) AS zendesk_defaults, reopens(s, ARRAY['open'], ARRAY['closed']) AS closed_only,
       reopens(s, '{}', '{}') AS no_types
FROM example;
-- Business hours: the weekend and the night do not count.
SELECT time_in(s, 'pending', 'mon-fri 09:00-17:00'::business_calendar) AS pending_business,
       time_in(s, ARRAY['new', 'open'], 'mon-fri 09:00-17:00'::business_calendar, '2025-03-14') AS wait_business,
       sla_due(s, '1 hour', '{new,open}', 'mon-fri 09:00-17:00') AS first_hour_due,
       sla_due(s, '2 hours', '{new,open}', 'mon-fri 09:00-17:00') AS two_hours_due,
       sla_due(s, '10 hours', '{new,open}', 'mon-fri 09:00-17:00') AS not_yet,
       sla_due(s, '0', '{pending}', 'mon-fri 09:00-17:00') AS zero_target,
       sla_elapsed(s, '{new,open}', 'mon-fri 09:00-17:00', NULL) AS elapsed,
       sla_elapsed(s, '{new,open}', 'mon-fri 09:00-17:00', '2025-03-10 10:30+00') AS elapsed_mid
FROM example;
-- The clock runs on in a running last status.
SELECT sla_due(status_agg(t, st), '10 hours', '{open}', 'mon-fri 09:00-17:00') AS runs_on
FROM (VALUES ('2025-03-07 16:00+00'::timestamptz, 'open')) v(t, st);
-- No rows, or only NULLs: the empty history.
SELECT s, time_in(s, 'open') AS time_open, time_in(s, 'open', timestamptz '2025-01-01') AS with_until,
       status_at(s, now()) AS status_now, reopens(s), times_entered(s, 'open'),
       sla_due(s, '1 hour', '{open}', 'mon-fri 09:00-17:00') AS due
FROM (SELECT status_agg(t, st) AS s FROM (VALUES (NULL::timestamptz, NULL::text)) v(t, st)) x;
-- NULL summary, statuses or calendar give NULL; a NULL until is the last transition.
SELECT time_in(NULL::status_summary, 'open') IS NULL AS null_summary, time_in(s, NULL::text) IS NULL AS null_status,
       time_in(s, 'open', NULL::business_calendar) IS NULL AS null_calendar,
       time_in(s, 'open', NULL::timestamptz) = time_in(s, 'open') AS null_until
FROM example;
-- Unknown literals pick the text overload; ARRAY[...] or a cast picks text[].
SELECT time_in(s, '{new,open}') AS literal_is_one_name, time_in(s, '{new,open}'::text[]) AS array_cast FROM example;
-- As a plain function call, the transition functions return the sorted form.
SELECT status_agg_trans(status_agg_trans('status v1 transitions=', '2025-01-02', 'b'), '2025-01-01', 'a') AS plain_call,
       status_rollup_trans('status v1 transitions=5:"b"', 'status v1 transitions=1:"a",5:"a"') AS plain_rollup;

-- ----------------------------------------------------------------
-- Generated histories: 400 tickets of 1 to 9 changes on a 5-minute grid
-- over two weeks around the Berlin DST change (2025-03-30), inserted out
-- of order, with NULLs, instants shared by two statuses, exact duplicates
-- and a status that is neither open nor solved.
-- ----------------------------------------------------------------
CREATE TABLE hist (ticket int, changed_at timestamptz, status text);
INSERT INTO hist
SELECT t, timestamptz '2025-03-22 00:00+00' + (abs(hashint4(t * 100 + j)) % 4000) * interval '5 minutes',
       (ARRAY['new', 'open', 'pending', 'hold', 'solved', 'closed', 'escalated'])[1 + abs(hashint4(t * 7 + j * 13)) % 7]
FROM generate_series(1, 400) t, generate_series(1, 9) j
WHERE j <= 1 + abs(hashint4(t)) % 9
ORDER BY hashint4(t * 31 + j);
INSERT INTO hist SELECT ticket, changed_at, 'hold' FROM hist WHERE ticket % 17 = 0 AND status <> 'hold';
INSERT INTO hist SELECT ticket, changed_at, status FROM hist WHERE ticket % 23 = 0;
INSERT INTO hist SELECT ticket, NULL, 'open' FROM hist WHERE ticket % 11 = 0;
INSERT INTO hist SELECT ticket, changed_at + interval '1 hour', NULL FROM hist WHERE ticket % 13 = 0 AND changed_at IS NOT NULL;
SELECT count(*) AS rows, count(DISTINCT ticket) AS tickets,
       count(*) FILTER (WHERE status IS NULL OR changed_at IS NULL) AS null_rows
FROM hist;

CREATE TABLE summaries AS SELECT ticket, status_agg(changed_at, status) AS s FROM hist GROUP BY ticket;
-- Segments in the documented order: by time, ties by status name in byte order.
CREATE TABLE seg AS
SELECT ticket, status, changed_at AS seg_start, lead(changed_at) OVER w AS seg_end,
       lag(status) OVER w AS prev_status, row_number() OVER w AS n
FROM hist WHERE changed_at IS NOT NULL AND status IS NOT NULL
WINDOW w AS (PARTITION BY ticket ORDER BY changed_at, status COLLATE "C");
CREATE TABLE probe_status (status text);
INSERT INTO probe_status VALUES ('new'), ('open'), ('pending'), ('hold'), ('solved'), ('closed'), ('escalated'), ('nope');
CREATE TABLE probe_until (until timestamptz);
INSERT INTO probe_until VALUES (NULL), ('2025-03-01'), ('2025-03-25 12:00+00'), ('2025-03-30 01:00+00'), ('2025-04-20');

-- time_in(s, status [, until]) against lead() segments.
WITH ref AS (
    SELECT p.status, u.until, g.ticket,
           coalesce(sum(greatest(least(coalesce(seg_end, coalesce(u.until, seg_start)), coalesce(u.until, 'infinity')) - seg_start, interval '0'))
                    FILTER (WHERE g.status = p.status), interval '0') AS ref
    FROM probe_status p CROSS JOIN probe_until u JOIN seg g ON true
    GROUP BY 1, 2, 3
)
SELECT count(*) AS checked, count(*) FILTER (WHERE ref > interval '0') AS nonzero,
       count(*) FILTER (WHERE time_in(m.s, ref.status, ref.until) IS DISTINCT FROM ref.ref) AS mismatches
FROM ref JOIN summaries m USING (ticket);

-- time_in(s, statuses[], until) against the same segments.
WITH sets(statuses) AS (VALUES (ARRAY['new', 'open', 'hold']), (ARRAY['pending']), (ARRAY['solved', 'closed', 'nope']), (ARRAY[]::text[])),
ref AS (
    SELECT p.statuses, u.until, g.ticket,
           coalesce(sum(greatest(least(coalesce(seg_end, coalesce(u.until, seg_start)), coalesce(u.until, 'infinity')) - seg_start, interval '0'))
                    FILTER (WHERE g.status = ANY (p.statuses)), interval '0') AS ref
    FROM sets p CROSS JOIN probe_until u JOIN seg g ON true
    GROUP BY 1, 2, 3
)
SELECT count(*) AS checked, count(*) FILTER (WHERE ref > interval '0') AS nonzero,
       count(*) FILTER (WHERE time_in(m.s, ref.statuses, ref.until) IS DISTINCT FROM ref.ref) AS mismatches
FROM ref JOIN summaries m USING (ticket);

-- The window variant: clipped segments, and daily buckets add up to the whole.
WITH w(w_from, w_until) AS (VALUES (timestamptz '2025-03-24 10:00+00', timestamptz '2025-03-27 16:35+00'),
                                   ('2025-03-01', '2025-03-02'), ('2025-03-30 00:00+00', '2025-03-30 00:00+00')),
ref AS (
    SELECT w_from, w_until, g.ticket,
           coalesce(sum(greatest(least(coalesce(seg_end, w_until), w_until) - greatest(seg_start, w_from), interval '0'))
                    FILTER (WHERE g.status IN ('open', 'pending')), interval '0') AS ref
    FROM w JOIN seg g ON true GROUP BY 1, 2, 3
)
SELECT count(*) AS checked, count(*) FILTER (WHERE ref > interval '0') AS nonzero,
       count(*) FILTER (WHERE time_in(m.s, ARRAY['open', 'pending'], w_from, w_until) IS DISTINCT FROM ref.ref) AS mismatches
FROM ref JOIN summaries m USING (ticket);
SELECT count(*) AS tickets,
       count(*) FILTER (WHERE days <> time_in(s, 'open', timestamptz '2025-04-10')) AS buckets_disagree,
       count(*) FILTER (WHERE days_text <> time_in(s, 'open', NULL::timestamptz, timestamptz '2025-04-10')) AS text_window_disagrees
FROM (SELECT ticket, s,
             (SELECT sum(time_in(s, ARRAY['open'], d, d + interval '1 day'))
              FROM generate_series(timestamptz '2025-03-15', '2025-04-09', '1 day') d) AS days,
             (SELECT sum(time_in(s, 'open', d, d + interval '1 day'))
              FROM generate_series(timestamptz '2025-03-15', '2025-04-09', '1 day') d) AS days_text
      FROM summaries) x;

-- status_at at every transition, just before it, and at fixed instants,
-- against the last row at or before the instant in the documented order.
WITH probes AS (
    SELECT DISTINCT ticket, at FROM (
        SELECT ticket, seg_start AS at FROM seg
        UNION ALL SELECT ticket, seg_start - interval '1 microsecond' FROM seg
        UNION ALL SELECT ticket, i FROM (SELECT DISTINCT ticket FROM seg) t,
                  (VALUES (timestamptz '2025-03-25 12:00+00'), ('2025-04-30'), ('2025-01-01')) v(i)) p
), ref AS (
    SELECT p.ticket, p.at,
           (SELECT status FROM seg g WHERE g.ticket = p.ticket AND g.seg_start <= p.at ORDER BY n DESC LIMIT 1) AS ref
    FROM probes p
)
SELECT count(*) AS probes, count(ref) AS with_status,
       count(*) FILTER (WHERE status_at(s, at) IS DISTINCT FROM ref) AS mismatches
FROM ref JOIN summaries USING (ticket);

-- Entries: a change into the status from another one (or the first row).
WITH ref AS (
    SELECT p.status, t.ticket,
           count(g.*) FILTER (WHERE g.prev_status IS DISTINCT FROM g.status) AS entries,
           min(g.seg_start) FILTER (WHERE g.prev_status IS DISTINCT FROM g.status) AS first_at,
           max(g.seg_start) FILTER (WHERE g.prev_status IS DISTINCT FROM g.status) AS last_at
    FROM probe_status p CROSS JOIN (SELECT DISTINCT ticket FROM seg) t
    LEFT JOIN seg g ON g.ticket = t.ticket AND g.status = p.status
    GROUP BY 1, 2
)
SELECT count(*) AS checked, sum(entries) AS entries,
       count(*) FILTER (WHERE times_entered(s, status) <> entries
                           OR first_entered(s, status) IS DISTINCT FROM first_at
                           OR last_entered(s, status) IS DISTINCT FROM last_at) AS mismatches
FROM ref JOIN summaries USING (ticket);

-- Reopens: among the rows of either type, an open-type row right after a
-- solved-type one ('escalated' is neither and is skipped).
WITH typed AS (
    SELECT ticket, status, lag(status) OVER (PARTITION BY ticket ORDER BY n) AS prev
    FROM seg WHERE status IN ('new', 'open', 'pending', 'hold', 'on-hold', 'solved', 'closed')
), ref AS (
    SELECT t.ticket, count(*) FILTER (WHERE status IN ('new', 'open', 'pending', 'hold', 'on-hold') AND prev IN ('solved', 'closed')) AS ref,
           count(*) FILTER (WHERE status = 'open' AND prev = 'solved') AS ref_narrow
    FROM (SELECT DISTINCT ticket FROM seg) t LEFT JOIN typed USING (ticket) GROUP BY 1
), ref_narrow AS (
    SELECT t.ticket, count(*) FILTER (WHERE status = 'open' AND prev = 'solved') AS ref
    FROM (SELECT DISTINCT ticket FROM seg) t
    LEFT JOIN (SELECT ticket, status, lag(status) OVER (PARTITION BY ticket ORDER BY n) AS prev
               FROM seg WHERE status IN ('open', 'solved')) x USING (ticket) GROUP BY 1
)
SELECT count(*) AS tickets, sum(ref.ref) AS reopens, sum(n.ref) AS reopens_narrow,
       count(*) FILTER (WHERE reopens(s) <> ref.ref) AS mismatches,
       count(*) FILTER (WHERE reopens(s, '{open}', '{solved}') <> n.ref) AS narrow_mismatches
FROM ref JOIN ref_narrow n USING (ticket) JOIN summaries USING (ticket);

-- Business hours across the DST change and a holiday: business_duration
-- summed per segment.
CREATE TABLE cal (c business_calendar);
INSERT INTO cal VALUES ('mon-fri 09:00-12:00 13:00-17:30; sat 10:00-14:00; tz Europe/Berlin; holidays 2025-03-26 2025-04-01'),
                       ('mon-sun 00:00-24:00; tz America/New_York'),
                       ('mon-fri 08:00-20:00; tz Asia/Kolkata');
WITH ref AS (
    SELECT c.c::text AS cal, u.until, g.ticket,
           coalesce(sum(business_duration(seg_start, greatest(seg_start, least(coalesce(seg_end, coalesce(u.until, seg_start)), coalesce(u.until, 'infinity'))), c.c))
                    FILTER (WHERE g.status IN ('new', 'open', 'hold')), interval '0') AS ref
    FROM cal c CROSS JOIN probe_until u JOIN seg g ON true
    GROUP BY 1, 2, 3
)
SELECT count(*) AS checked, count(*) FILTER (WHERE ref > interval '0') AS nonzero,
       count(*) FILTER (WHERE time_in(s, ARRAY['new', 'open', 'hold'], cal::business_calendar, until) IS DISTINCT FROM ref) AS mismatches,
       count(*) FILTER (WHERE sla_elapsed(s, ARRAY['new', 'open', 'hold'], cal::business_calendar, until) IS DISTINCT FROM ref) AS elapsed_mismatches
FROM ref JOIN summaries USING (ticket);
WITH ref AS (
    SELECT g.ticket, coalesce(sum(business_duration(seg_start, coalesce(seg_end, seg_start), c.c)) FILTER (WHERE g.status = 'pending'), interval '0') AS ref
    FROM cal c JOIN seg g ON true WHERE c.c::text LIKE '%Berlin%' GROUP BY 1
)
SELECT count(*) AS checked, count(*) FILTER (WHERE time_in(s, 'pending', c) IS DISTINCT FROM ref) AS mismatches
FROM ref JOIN summaries USING (ticket), cal WHERE c::text LIKE '%Berlin%';

-- SLA due times against a minute-by-minute walk: the clock runs in a
-- minute when the ticket is in a running status and the minute is working
-- time; due is the end of the minute that reaches the target.
CREATE TABLE walk AS
SELECT g.ticket, m, g.status IN ('new', 'open', 'hold') AND is_business_time(m, c.c) AS counts
FROM (SELECT ticket, min(seg_start) AS first_at FROM seg WHERE ticket <= 40 GROUP BY 1) f
JOIN seg g USING (ticket)
CROSS JOIN cal c
CROSS JOIN LATERAL generate_series(g.seg_start, least(coalesce(g.seg_end, f.first_at + interval '25 days'), f.first_at + interval '25 days') - interval '1 minute', '1 minute') m
WHERE c.c::text LIKE '%Berlin%';
WITH run AS (
    SELECT ticket, m, sum(counts::int) OVER (PARTITION BY ticket ORDER BY m) AS worked FROM walk WHERE counts
), targets(target) AS (VALUES (interval '1 minute'), ('2 hours'), ('7 hours 35 minutes'), ('20 hours')),
ref AS (
    SELECT t.ticket, tg.target, r.m + interval '1 minute' AS ref
    FROM (SELECT DISTINCT ticket FROM walk) t CROSS JOIN targets tg
    LEFT JOIN run r ON r.ticket = t.ticket AND r.worked = extract(epoch FROM tg.target)::int / 60
)
SELECT count(*) AS checked, count(ref) AS reached,
       count(*) FILTER (WHERE sla_due(s, target, '{new,open,hold}', c) IS DISTINCT FROM ref) AS mismatches
FROM ref JOIN summaries USING (ticket), cal WHERE c::text LIKE '%Berlin%';

-- ----------------------------------------------------------------
-- Round trips, rollup, equality, grouping
-- ----------------------------------------------------------------
SELECT count(*) AS tickets, count(*) FILTER (WHERE s::text::status_summary = s) AS text_round_trips,
       count(*) FILTER (WHERE status_summary_hash(s::text::status_summary) = status_summary_hash(s)) AS hashes_agree
FROM summaries;
-- Histories split by row and merged again equal the whole, in any order.
WITH parts AS (
    SELECT ticket, hashint4(coalesce(extract(epoch FROM changed_at)::int, 0)) % 3 AS part, status_agg(changed_at, status) AS p
    FROM hist GROUP BY 1, 2
)
SELECT count(*) AS tickets, count(*) FILTER (WHERE r = s) AS rollup_equal
FROM (SELECT ticket, rollup(p) AS r FROM parts GROUP BY ticket) x JOIN summaries USING (ticket);
SELECT count(*) AS distinct_histories, sum(n) AS tickets FROM (SELECT s, count(*) AS n FROM summaries GROUP BY s) g;
SELECT 'status v1 transitions=1:"a",2:"b"'::status_summary = 'status v1 transitions=2:"b",1:"a"'::status_summary AS same,
       'status v1 transitions=1:"a",2:"b"'::status_summary <> 'status v1 transitions=1:"a",2:"c"'::status_summary AS differ,
       'status v1 transitions=1:"a",1:"a"'::status_summary = 'status v1 transitions=1:"a"'::status_summary AS duplicates_kept;

-- Binary COPY round trip and the binary form byte for byte.
SELECT '/tmp/csmetrics_status_' || pg_backend_pid() || '.bin' AS copy_file \gset
COPY summaries TO :'copy_file' (FORMAT binary);
CREATE TABLE restored (LIKE summaries);
COPY restored FROM :'copy_file' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE r.s = m.s) AS equal FROM restored r JOIN summaries m USING (ticket);
SELECT status_summary_send('status v1 transitions=0:"b",1:"a"') AS binary_form;

-- ----------------------------------------------------------------
-- Parallel plans: partial states in the working form are combined.
-- ----------------------------------------------------------------
CREATE TABLE big (at timestamptz, status text);
INSERT INTO big
SELECT timestamptz '2025-01-01 00:00+00' + i * interval '1 minute',
       (ARRAY['new', 'open', 'pending', 'solved'])[1 + i % 4]
FROM generate_series(1, 100000) i ORDER BY hashint4(i);
CREATE TABLE big_serial AS SELECT status_agg(at, status) AS s FROM big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT status_agg(at, status) FROM big;
SELECT p.s = b.s AS parallel_equal FROM (SELECT status_agg(at, status) AS s FROM big) p, big_serial b;
SELECT count(*) AS tickets, count(*) FILTER (WHERE p.s = m.s) AS parallel_equal
FROM (SELECT ticket, status_agg(changed_at, status) AS s FROM hist GROUP BY ticket) p JOIN summaries m USING (ticket);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- A ticket with 100,000 transitions, fed in shuffled order.
SELECT times_entered(s, 'open') AS open_entries, time_in(s, ARRAY['new', 'open', 'pending', 'solved']) AS total,
       time_in(s, 'open') AS open_time, reopens(s) AS reopens, status_at(s, '2025-02-01 00:00:30+00') AS at,
       length(s::text) AS text_length, s::text::status_summary = s AS round_trips,
       sla_due(s, '50 hours', '{open}', 'mon-fri 09:00-17:00') AS due,
       business_add('2025-01-01', '50 hours', 'mon-fri 09:00-17:00') < sla_due(s, '50 hours', '{open}', 'mon-fri 09:00-17:00') AS paused
FROM big_serial;
SELECT rollup(s) = (SELECT s FROM big_serial) AS rollup_of_halves
FROM (SELECT status_agg(at, status) AS s FROM big GROUP BY extract(minute FROM at)::int % 2) h;

-- A thousand distinct statuses: past eight names the aggregate's working
-- state looks them up in a hash table instead of scanning them.
CREATE TABLE many AS
SELECT i, timestamptz '2025-01-01 00:00+00' + i * interval '1 minute' AS at, 's' || (i % 1000) AS status
FROM generate_series(1, 5000) i ORDER BY hashint4(i);
WITH h AS (SELECT status_agg(at, status) AS s FROM many)
SELECT (SELECT sum(times_entered(s, 's' || k)) FROM generate_series(0, 999) k) AS entries,
       time_in(s, 's500') AS s500, time_in(s, ARRAY(SELECT 's' || k FROM generate_series(0, 999) k)) AS all_statuses,
       status_at(s, '2025-01-01 08:20:30+00') AS at_500_minutes, s::text::status_summary = s AS round_trips,
       (SELECT rollup(p) FROM (SELECT status_agg(at, status) AS p FROM many GROUP BY i % 3) parts) = s AS rollup_equal
FROM h;

-- ----------------------------------------------------------------
-- The aggregate's small working form: up to 8 transitions and 8 names in
-- 96 bytes, kept in canonical order as rows arrive, then the large form.
-- 528 tickets around each limit (1 to 12 changes among 1 to 11 names of 1
-- to 46 bytes), rows in random order (new names that sort before the ones
-- held), shared instants and duplicate rows, against the canonical text
-- built in plain SQL.  working_state() has no final function: it returns
-- the working form itself, as partial aggregation hands it on, to the
-- output, send, equality, hash, accessor and combine functions.  A small
-- form takes 128 bytes (125 in a tuple, with a short header), a large one
-- more.
-- ----------------------------------------------------------------
CREATE AGGREGATE working_state(timestamptz, text) (
    SFUNC = status_agg_trans, STYPE = status_summary, INITCOND = 'status v1 transitions='
);
CREATE TABLE edge_rows AS
SELECT t AS ticket, timestamptz '2025-01-01 00:00+00' + (abs(hashint4(t * 100 + j)) % 5) * interval '1 minute' AS at,
       chr(122 - abs(hashint4(t * 7 + j)) % (1 + (t / 12) % 11)) || repeat('x', (ARRAY[0, 4, 20, 45])[1 + (t / 132) % 4]) AS status
FROM generate_series(0, 527) t, generate_series(1, 1 + t % 12) j
ORDER BY hashint4(t * 31 + j);
INSERT INTO edge_rows SELECT DISTINCT ON (ticket) * FROM edge_rows WHERE ticket % 5 = 0 ORDER BY ticket, at DESC;
WITH ref AS (
    SELECT ticket, 'status v1 transitions=' || string_agg(extract(epoch FROM at)::bigint || ':"' || status || '"', ','
                                                          ORDER BY at, status COLLATE "C") AS ref
    FROM edge_rows GROUP BY ticket
), ours AS (
    SELECT ticket, status_agg(at, status) AS s, working_state(at, status) AS w,
           min(at) + interval '150 seconds' AS mid, min(status) AS some_status
    FROM edge_rows GROUP BY ticket
)
SELECT count(*) AS tickets, count(*) FILTER (WHERE pg_column_size(w) <= 128) AS small_forms,
       count(*) FILTER (WHERE s::text = ref) AS text_equal,
       count(*) FILTER (WHERE w::text = ref) AS working_text_equal,
       count(*) FILTER (WHERE status_summary_send(w) = status_summary_send(s)) AS working_send_equal,
       count(*) FILTER (WHERE w = s AND status_summary_hash(w) = status_summary_hash(s)) AS working_equal,
       count(*) FILTER (WHERE time_in(w, ARRAY['z', 'yxxxx', some_status]) = time_in(s, ARRAY['z', 'yxxxx', some_status])
                          AND time_in(w, some_status, mid) = time_in(s, some_status, mid)
                          AND status_at(w, mid) IS NOT DISTINCT FROM status_at(s, mid)
                          AND times_entered(w, some_status) = times_entered(s, some_status)) AS working_accessors_agree
FROM ref JOIN ours USING (ticket);
-- Combining working forms (small and large), as a parallel plan does.
SELECT count(*) AS tickets, count(*) FILTER (WHERE r = s) AS rollup_of_working_forms_equal
FROM (SELECT ticket, rollup(w) AS r
      FROM (SELECT ticket, working_state(at, status) AS w FROM edge_rows GROUP BY ticket, hashint4(extract(epoch FROM at)::int) % 3) p
      GROUP BY ticket) x
JOIN (SELECT ticket, status_agg(at, status) AS s FROM edge_rows GROUP BY ticket) y USING (ticket);
-- A first name of 88 bytes fits the small form (8 for its instant); one of
-- 89 goes to the large form at once.
SELECT pg_column_size(working_state(t, repeat('a', 88))) AS small_form_size,
       pg_column_size(working_state(t, repeat('a', 89))) > 128 AS large_at_once,
       status_agg(t, repeat('a', 89)) = ('status v1 transitions=1735689600:"' || repeat('a', 89) || '"')::status_summary AS long_name_kept
FROM (VALUES (timestamptz '2025-01-01 00:00+00')) v(t);
-- A plain call on a working form leaves it alone and returns the sorted form.
WITH x AS MATERIALIZED (
    SELECT working_state(t, st) AS w
    FROM (VALUES (timestamptz '2025-01-01 00:02+00', 'b'), ('2025-01-01 00:01+00', 'c')) v(t, st)
)
SELECT status_agg_trans(w, '2025-01-01 00:00+00', 'a') AS plain_call, w AS unchanged FROM x;

-- ----------------------------------------------------------------
-- Errors
-- ----------------------------------------------------------------
\set VERBOSITY default
-- Malformed literals: 22P02 with a detail saying what was wrong.
SELECT ''::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'nps v1 promoters=1 passives=0 detractors=0'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v2 transitions='::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=x:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1:open'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1:"open'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1:"op\en"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1.:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1.1234567:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=9224318016000:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=-210866803200.000001:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=99999999999999999999:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=--1:"a"'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1:"a",'::status_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'status v1 transitions=1:"a" extra'::status_summary;
\echo :LAST_ERROR_SQLSTATE
-- Infinite change times and bounds: 22008.
SELECT status_agg(t, 'open') FROM (VALUES (timestamptz 'infinity')) v(t);
\echo :LAST_ERROR_SQLSTATE
SELECT time_in(s, 'open', timestamptz 'infinity') FROM example;
\echo :LAST_ERROR_SQLSTATE
SELECT time_in(s, 'open', timestamptz '-infinity', timestamptz '2025-03-10') FROM example;
\echo :LAST_ERROR_SQLSTATE
SELECT sla_elapsed(s, '{open}', 'mon-fri 09:00-17:00', 'infinity') FROM example;
\echo :LAST_ERROR_SQLSTATE
SELECT time_in('status v1 transitions=-210866803200:"a",9224318015999.999999:"b"'::status_summary, 'a',
               timestamptz '294276-12-31 23:59:59.999999+00');
\echo :LAST_ERROR_SQLSTATE
-- A reversed window, a status of both types, a negative target: 22023, 22023, 22008.
SELECT time_in(s, 'open', timestamptz '2025-03-10', timestamptz '2025-03-09') FROM example;
\echo :LAST_ERROR_SQLSTATE
SELECT reopens(s, '{open,solved}', '{solved}') FROM example;
\echo :LAST_ERROR_SQLSTATE
SELECT sla_due(s, '-1 hour', '{open}', 'mon-fri 09:00-17:00') FROM example;
\echo :LAST_ERROR_SQLSTATE
-- Crafted binary values: 22P03 (22021 for bytes that are not text).
CREATE TABLE one_status (s status_summary);
COPY (SELECT '\x0100000001000000016200000001000000000000000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
SELECT * FROM one_status;
-- wrong version
COPY (SELECT '\x0200000001000000016200000001000000000000000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- empty
COPY (SELECT '\x'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a name count larger than the value
COPY (SELECT '\x0100000009'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a negative name length
COPY (SELECT '\x0100000001ffffffff'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- truncated before the transition count
COPY (SELECT '\x01000000010000000162'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a transition cut short, and one byte too many
COPY (SELECT '\x01000000010000000162000000010000000000000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
COPY (SELECT '\x010000000100000001620000000100000000000000000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a name index out of range
COPY (SELECT '\x0100000001000000016200000001000000000000000000000001'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- an infinite transition time
COPY (SELECT '\x01000000010000000162000000017fffffffffffffff00000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a name that is not valid UTF-8
COPY (SELECT '\x010000000100000001ff00000001000000000000000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_status FROM :'copy_file' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS accepted FROM one_status;
\set VERBOSITY terse
