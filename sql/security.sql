-- Trusted install by a non-superuser database owner, and install scripts
-- that a hostile search_path cannot redirect (after contrib/seg's test).

CREATE ROLE regress_csm_owner;
CREATE ROLE regress_csm_hostile;
CREATE DATABASE regress_csm_security OWNER regress_csm_owner;
\c regress_csm_security
GRANT CREATE ON DATABASE regress_csm_security TO regress_csm_hostile;

-- A hostile user plants lookalikes of built-ins in a schema that comes
-- first on the installer's search_path.
SET ROLE regress_csm_hostile;
CREATE SCHEMA hostile;
GRANT USAGE ON SCHEMA hostile TO PUBLIC;
CREATE FUNCTION hostile.int4(text) RETURNS integer LANGUAGE sql AS $$ SELECT 1 / 0 $$;
CREATE FUNCTION hostile.float8(bigint) RETURNS double precision LANGUAGE sql AS $$ SELECT 1 / 0 $$;
CREATE FUNCTION hostile.nps(integer) RETURNS double precision LANGUAGE sql AS $$ SELECT 1 / 0 $$;
RESET ROLE;

-- The database owner installs it without superuser.
SET ROLE regress_csm_owner;
CREATE SCHEMA csm;
SET search_path = hostile, csm, public;
CREATE EXTENSION csmetrics SCHEMA csm;
SELECT nps(nps_agg(s)) FROM unnest(ARRAY[10, 9, 0]) s;
RESET search_path;

-- Every support function of every aggregate is the extension's own.
SELECT a.aggfnoid::regprocedure AS aggregate
FROM pg_aggregate a
WHERE a.aggfnoid IN (SELECT objid FROM pg_depend WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'csmetrics'))
  AND EXISTS (SELECT 1 FROM pg_proc p
              WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn)
                AND p.pronamespace <> 'csm'::regnamespace);
-- Operators estimate with pg_catalog's selectivity functions.
SELECT o.oid::regoperator, o.oprrest, o.oprjoin
FROM pg_operator o WHERE o.oprnamespace = 'csm'::regnamespace ORDER BY 1::text;
-- Nothing is SECURITY DEFINER, every function is PARALLEL SAFE, and
-- every object has a comment.
SELECT count(*) AS security_definer FROM pg_proc WHERE pronamespace = 'csm'::regnamespace AND prosecdef;
SELECT count(*) AS not_parallel_safe FROM pg_proc WHERE pronamespace = 'csm'::regnamespace AND proparallel <> 's';
SELECT p.oid::regprocedure AS uncommented FROM pg_proc p
WHERE p.pronamespace = 'csm'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT t.typname AS uncommented FROM pg_type t
WHERE t.typnamespace = 'csm'::regnamespace AND t.typtype = 'b' AND t.typcategory <> 'A' AND obj_description(t.oid, 'pg_type') IS NULL;
-- Objects belong to the installing owner; no relation is created.
SELECT count(*) AS relations FROM pg_class WHERE relnamespace = 'csm'::regnamespace;

-- The database owner plants exact-type lookalikes in public for the calls
-- the documentation writes with literals, which in 0.1 reached the
-- extension's functions only through implicit casts (an exact match in any
-- schema on the path wins over a cast).  They return sentinels (-666, 666
-- days, the epoch, false); with the extension's exact overloads and its
-- schema first on the path, every call below gets the extension's answer.
CREATE FUNCTION public.churn_rate(integer, integer) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.retention_rate(integer, integer, integer) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.percentile(csm.duration_summary, numeric) RETURNS interval LANGUAGE sql AS $$ SELECT interval '666 days' $$;
CREATE FUNCTION public.percentile(csm.duration_summary, integer) RETURNS interval LANGUAGE sql AS $$ SELECT interval '666 days' $$;
CREATE FUNCTION public.percentile(csm.duration_summary, text) RETURNS interval LANGUAGE sql AS $$ SELECT interval '666 days' $$;
CREATE FUNCTION public.percentile(csm.duration_summary, numeric[]) RETURNS interval[] LANGUAGE sql AS $$ SELECT ARRAY[interval '666 days'] $$;
CREATE FUNCTION public.percentile(csm.duration_summary, integer[]) RETURNS interval[] LANGUAGE sql AS $$ SELECT ARRAY[interval '666 days'] $$;
CREATE FUNCTION public.ci_low(csm.nps_summary, numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.nps_margin(csm.nps_summary, numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.ci_high(csm.csat_summary, numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.ci_low(csm.ces_summary, numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.ci_high(csm.rate_summary, numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT -666::float8 $$;
CREATE FUNCTION public.ci_low(csm.duration_summary, numeric) RETURNS interval LANGUAGE sql AS $$ SELECT interval '666 days' $$;
CREATE FUNCTION public.business_duration(timestamptz, timestamptz, text) RETURNS interval LANGUAGE sql AS $$ SELECT interval '666 days' $$;
CREATE FUNCTION public.business_add(timestamptz, text, csm.business_calendar) RETURNS timestamptz LANGUAGE sql AS $$ SELECT timestamptz 'epoch' $$;
CREATE FUNCTION public.business_add(timestamptz, interval, text) RETURNS timestamptz LANGUAGE sql AS $$ SELECT timestamptz 'epoch' $$;
CREATE FUNCTION public.business_add(timestamptz, text, text) RETURNS timestamptz LANGUAGE sql AS $$ SELECT timestamptz 'epoch' $$;
CREATE FUNCTION public.is_business_time(timestamptz, text) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
SET search_path = csm, public;
SET timezone = 'UTC';
SELECT churn_rate(10, 2), retention_rate(100, 95, 5);
SELECT percentile(s, 0.9) AS p90, percentile(s, 1) AS p100, percentile(s, '0.5') AS p50_text,
       percentile(s, ARRAY[0, 1]) AS p0_p100, percentile(s, ARRAY[0.5, 1.0]) AS p50_p100, ci_low(s, 0.99) AS mean_low_99
FROM (SELECT duration_agg(d) AS s FROM unnest(ARRAY[interval '1 min', '2 min', '4 min']) d) x;
SELECT round(ci_low(n, 0.99)::numeric, 4) AS nps_low, round(nps_margin(n, 0.99)::numeric, 4) AS nps_margin,
       round(ci_high(c, 0.99)::numeric, 4) AS csat_high, round(ci_low(e, 0.99)::numeric, 4) AS ces_low,
       round(ci_high(r, 0.99)::numeric, 4) AS rate_high
FROM (SELECT 'nps v1 promoters=50 passives=30 detractors=20'::nps_summary AS n,
             'csat v1 scale=5 counts=1,2,3,4,10'::csat_summary AS c,
             'ces v1 scale=7 counts=1,2,3,4,5,6,7'::ces_summary AS e,
             'rate v1 hits=10 trials=100'::rate_summary AS r) x;
SELECT business_duration(timestamptz '2025-03-07 12:00+00', timestamptz '2025-03-10 12:00+00', 'mon-fri 09:00-17:00') AS waited,
       business_add(timestamptz '2025-03-07 16:55+00', '10 minutes', 'mon-fri 09:00-17:00'::business_calendar) AS due,
       business_add(timestamptz '2025-03-07 16:55+00', interval '10 minutes', 'mon-fri 09:00-17:00') AS due_interval,
       business_add(timestamptz '2025-03-07 16:55+00', '10 minutes', 'mon-fri 09:00-17:00') AS due_texts,
       is_business_time(timestamptz '2025-03-07 12:00+00', 'mon-fri 09:00-17:00') AS open;
-- With public first on the path, the owner's functions win: the advice in
-- docs/hardening.md is to put the extension's schema first (or qualify).
SET search_path = public, csm;
SELECT churn_rate(10, 2) AS public_first;
RESET timezone;
RESET search_path;
RESET ROLE;

\c contrib_regression
DROP DATABASE regress_csm_security;
DROP ROLE regress_csm_owner;
DROP ROLE regress_csm_hostile;
