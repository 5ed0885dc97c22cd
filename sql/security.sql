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
RESET ROLE;

\c contrib_regression
DROP DATABASE regress_csm_security;
DROP ROLE regress_csm_owner;
DROP ROLE regress_csm_hostile;
