-- Soft input errors (PostgreSQL 16 and later; the Makefile runs this suite
-- only there): every input function reports bad input through the
-- soft-error mechanism, so pg_input_is_valid answers instead of raising and
-- pg_input_error_info gives exactly the error a cast raises.  The reference
-- is the hard error itself: hard_error() casts the literal and catches what
-- is raised.

CREATE FUNCTION hard_error(literal text, typ regtype,
                           OUT message text, OUT detail text, OUT code text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::%s', literal, typ);
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL,
                            code = RETURNED_SQLSTATE;
END $$;

-- One row per literal: valid ones, and every way the shared parser and each
-- type's checks reject one.  A new type adds its rows here.
CREATE TABLE cases (n serial, typ regtype, literal text);
INSERT INTO cases (typ, literal) VALUES
    ('nps_summary', 'nps v1 promoters=3 passives=2 detractors=1'),
    ('nps_summary', '  nps  v1 promoters=0	passives=0 detractors=0  '),
    ('nps_summary', 'nps v1 promoters=x passives=2 detractors=1'),
    ('nps_summary', 'nps v1 promoters=-3 passives=2 detractors=1'),
    ('nps_summary', 'nps v1 promoters=9223372036854775808 passives=2 detractors=1'),
    ('nps_summary', 'nps v1 promoters=9223372036854775807 passives=1 detractors=0'),
    ('nps_summary', 'nps v1 passives=2 promoters=3 detractors=1'),
    ('nps_summary', 'nps v1 promoters=3 passives=2 detractors=1 extra'),
    ('nps_summary', 'nps v2 promoters=3 passives=2 detractors=1'),
    ('nps_summary', 'nps v99999999999 promoters=3 passives=2 detractors=1'),
    ('nps_summary', 'nps 1 promoters=3 passives=2 detractors=1'),
    ('nps_summary', 'csat v1 scale=0 counts='),
    ('nps_summary', ''),
    ('csat_summary', 'csat v1 scale=5 counts=1,0,3,10,20'),
    ('csat_summary', 'csat v1 scale=0 counts='),
    ('csat_summary', 'csat v1 scale=11 counts=1,1,1,1,1,1,1,1,1,1,1'),
    ('csat_summary', 'csat v1 scale=5 counts=1,2,3'),
    ('csat_summary', 'csat v1 scale=10 counts=1,2,3,4,5,6,7,8,9,10,11'),
    ('csat_summary', 'csat v1 scale=2 counts=9223372036854775807,1'),
    ('csat_summary', 'csat v1 scale=2 counts=1,'),
    ('ces_summary', 'ces v1 scale=7 counts=0,1,0,0,1,1,1'),
    ('ces_summary', 'ces v1 scale=1 counts=5'),
    ('ces_summary', 'ces v1 scale=3 counts=5;0;9'),
    ('rate_summary', 'rate v1 hits=2 trials=5'),
    ('rate_summary', 'rate v1 hits=6 trials=5'),
    ('rate_summary', 'rate v1 hits=2'),
    ('aht_summary', 'aht v1 contacts=2 total_us=1000'),
    ('aht_summary', 'aht v1 contacts=0 total_us=1000'),
    ('aht_summary', 'aht v1 contacts=2 total_us=1e3'),
    ('duration_summary', 'duration v1 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=5:1,164:1'),
    ('duration_summary', 'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets='),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=340282366920938463463374607431768211456 min_us=5 max_us=5 buckets=5:1'),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5'),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=4000:1'),
    ('duration_summary', 'duration v1 count=2 sum_us=10 sumsq_us2=50 min_us=5 max_us=5 buckets=5:1,5:1'),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5:0'),
    ('duration_summary', 'duration v1 count=2 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=5:1'),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=24 min_us=5 max_us=5 buckets=5:1'),
    ('duration_summary', 'duration v1 count=1 sum_us=5 sumsq_us2=25 min_us=5 max_us=5 buckets=' || repeat('1:1,', 4000) || '1:1'),
    ('business_calendar', 'mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-12-25'),
    ('business_calendar', ''),
    ('business_calendar', 'mon-fri 9:00-17:00'),
    ('business_calendar', 'mon-fri 17:00-09:00'),
    ('business_calendar', 'mon-fri 09:00-13:00 12:00-17:00'),
    ('business_calendar', 'monday 09:00-17:00'),
    ('business_calendar', 'mon-fri 09:00-17:00; tz'),
    ('business_calendar', 'mon-fri 09:00-17:00; tz Mars/Olympus_Mons'),
    ('business_calendar', 'mon-fri 09:00-17:00; holidays 2025-02-30'),
    ('business_calendar', 'mon-fri 09:00-17:00; holidays 2025-12-25; holidays 2025-12-26'),
    ('status_summary', 'status v1 transitions=1740992400:"new",1740992700:"open"'),
    ('status_summary', 'status v1 transitions='),
    ('status_summary', 'status v1 transitions=1:open'),
    ('status_summary', 'status v1 transitions=1:"open'),
    ('status_summary', 'status v1 transitions=1:"a\b"'),
    ('status_summary', 'status v1 transitions=1.1234567:"a"'),
    ('status_summary', 'status v1 transitions=9224318016000:"a"'),
    ('status_summary', 'status v1 transitions=1:"a",'),
    ('status_summary', 'status v1 transitions=1"a"');

-- Each literal: whether it is valid, the soft error, and whether that is
-- exactly the hard error (message, detail and SQLSTATE; messages are shown
-- cut to 110 characters, compared whole).
SELECT c.n, c.typ, pg_input_is_valid(c.literal, c.typ::text) AS valid,
       e.sql_error_code, left(e.message, 110) AS message, e.detail, e.hint,
       (e.message, e.detail, e.sql_error_code) IS NOT DISTINCT FROM (h.message, h.detail, h.code)
           AS same_as_hard_error
FROM cases c, LATERAL pg_input_error_info(c.literal, c.typ::text) e, LATERAL hard_error(c.literal, c.typ) h
ORDER BY c.n;

-- Every type has valid and invalid cases; every answer matches the hard error.
SELECT t.typname,
       count(c.n) FILTER (WHERE pg_input_is_valid(c.literal, c.typ::text)) AS valid,
       count(c.n) FILTER (WHERE NOT pg_input_is_valid(c.literal, c.typ::text)) AS invalid,
       bool_and((e.message, e.detail, e.sql_error_code) IS NOT DISTINCT FROM (h.message, h.detail, h.code))
           AS all_same_as_hard_error
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
                AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'csmetrics')
LEFT JOIN cases c ON c.typ = t.oid
LEFT JOIN LATERAL pg_input_error_info(c.literal, c.typ::text) e ON true
LEFT JOIN LATERAL hard_error(c.literal, c.typ) h ON true
WHERE t.typtype = 'b' AND t.typcategory <> 'A'
GROUP BY t.typname
ORDER BY t.typname;

-- A soft error leaves nothing behind: the next input in the same query and
-- session parses normally.
SELECT pg_input_is_valid('nps v1 promoters=x', 'nps_summary') AS first,
       'nps v1 promoters=1 passives=0 detractors=0'::nps_summary AS second;

