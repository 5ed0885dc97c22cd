-- csmetrics 0.1: install script.
-- Every reference to one of this extension's objects is qualified with
-- @extschema@ and built-in types are keywords or pg_catalog-qualified, so a
-- hostile search_path cannot redirect anything created here.

\echo Use "CREATE EXTENSION csmetrics" to load this file. \quit

-- ----------------------------------------------------------------
-- nps_summary
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.nps_summary;

CREATE FUNCTION @extschema@.nps_summary_in(pg_catalog.cstring) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_out(@extschema@.nps_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_recv(pg_catalog.internal) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_send(@extschema@.nps_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.nps_summary (
	INPUT = @extschema@.nps_summary_in,
	OUTPUT = @extschema@.nps_summary_out,
	RECEIVE = @extschema@.nps_summary_recv,
	SEND = @extschema@.nps_summary_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.nps_summary IS 'Net Promoter Score answers counted as promoters (9-10), passives (7-8) and detractors (0-6); text form "nps v1 ..."';

CREATE FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary,
	FUNCTION = @extschema@.nps_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary,
	FUNCTION = @extschema@.nps_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.nps_summary_in(pg_catalog.cstring) IS 'text input of nps_summary';
COMMENT ON FUNCTION @extschema@.nps_summary_out(@extschema@.nps_summary) IS 'canonical text output of nps_summary';
COMMENT ON FUNCTION @extschema@.nps_summary_recv(pg_catalog.internal) IS 'binary input of nps_summary';
COMMENT ON FUNCTION @extschema@.nps_summary_send(@extschema@.nps_summary) IS 'binary output of nps_summary';
COMMENT ON FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) IS 'equality of nps_summary';
COMMENT ON FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) IS 'inequality of nps_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.nps_summary, @extschema@.nps_summary) IS 'whether two nps_summary values hold the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.nps_summary, @extschema@.nps_summary) IS 'whether two nps_summary values differ';

CREATE FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) IS 'hash of nps_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.nps_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.nps_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.nps_summary, @extschema@.nps_summary),
	FUNCTION 1 @extschema@.nps_summary_hash(@extschema@.nps_summary);
COMMENT ON OPERATOR CLASS @extschema@.nps_summary_hash_ops USING hash IS 'lets nps_summary values be grouped, deduplicated and hash-joined';

-- ----------------------------------------------------------------
-- csat_summary
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.csat_summary;

CREATE FUNCTION @extschema@.csat_summary_in(pg_catalog.cstring) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_out(@extschema@.csat_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_recv(pg_catalog.internal) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_send(@extschema@.csat_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'rating_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.csat_summary (
	INPUT = @extschema@.csat_summary_in,
	OUTPUT = @extschema@.csat_summary_out,
	RECEIVE = @extschema@.csat_summary_recv,
	SEND = @extschema@.csat_summary_send,
	INTERNALLENGTH = 88,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.csat_summary IS 'customer satisfaction answers counted per rating on a 2- to 10-point scale; text form "csat v1 ..."';

CREATE FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'rating_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'rating_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary,
	FUNCTION = @extschema@.csat_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary,
	FUNCTION = @extschema@.csat_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.csat_summary_in(pg_catalog.cstring) IS 'text input of csat_summary';
COMMENT ON FUNCTION @extschema@.csat_summary_out(@extschema@.csat_summary) IS 'canonical text output of csat_summary';
COMMENT ON FUNCTION @extschema@.csat_summary_recv(pg_catalog.internal) IS 'binary input of csat_summary';
COMMENT ON FUNCTION @extschema@.csat_summary_send(@extschema@.csat_summary) IS 'binary output of csat_summary';
COMMENT ON FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) IS 'equality of csat_summary';
COMMENT ON FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) IS 'inequality of csat_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.csat_summary, @extschema@.csat_summary) IS 'whether two csat_summary values hold the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.csat_summary, @extschema@.csat_summary) IS 'whether two csat_summary values differ';

CREATE FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) RETURNS integer
	AS 'MODULE_PATHNAME', 'rating_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) IS 'hash of csat_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.csat_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.csat_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.csat_summary, @extschema@.csat_summary),
	FUNCTION 1 @extschema@.csat_summary_hash(@extschema@.csat_summary);
COMMENT ON OPERATOR CLASS @extschema@.csat_summary_hash_ops USING hash IS 'lets csat_summary values be grouped, deduplicated and hash-joined';

-- ----------------------------------------------------------------
-- ces_summary
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.ces_summary;

CREATE FUNCTION @extschema@.ces_summary_in(pg_catalog.cstring) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_out(@extschema@.ces_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_recv(pg_catalog.internal) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_send(@extschema@.ces_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'rating_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ces_summary (
	INPUT = @extschema@.ces_summary_in,
	OUTPUT = @extschema@.ces_summary_out,
	RECEIVE = @extschema@.ces_summary_recv,
	SEND = @extschema@.ces_summary_send,
	INTERNALLENGTH = 88,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.ces_summary IS 'Customer Effort Score answers counted per score on a 2- to 10-point scale; text form "ces v1 ..."';

CREATE FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'rating_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'rating_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary,
	FUNCTION = @extschema@.ces_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary,
	FUNCTION = @extschema@.ces_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.ces_summary_in(pg_catalog.cstring) IS 'text input of ces_summary';
COMMENT ON FUNCTION @extschema@.ces_summary_out(@extschema@.ces_summary) IS 'canonical text output of ces_summary';
COMMENT ON FUNCTION @extschema@.ces_summary_recv(pg_catalog.internal) IS 'binary input of ces_summary';
COMMENT ON FUNCTION @extschema@.ces_summary_send(@extschema@.ces_summary) IS 'binary output of ces_summary';
COMMENT ON FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) IS 'equality of ces_summary';
COMMENT ON FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) IS 'inequality of ces_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.ces_summary, @extschema@.ces_summary) IS 'whether two ces_summary values hold the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.ces_summary, @extschema@.ces_summary) IS 'whether two ces_summary values differ';

CREATE FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) RETURNS integer
	AS 'MODULE_PATHNAME', 'rating_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) IS 'hash of ces_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.ces_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.ces_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.ces_summary, @extschema@.ces_summary),
	FUNCTION 1 @extschema@.ces_summary_hash(@extschema@.ces_summary);
COMMENT ON OPERATOR CLASS @extschema@.ces_summary_hash_ops USING hash IS 'lets ces_summary values be grouped, deduplicated and hash-joined';

-- ----------------------------------------------------------------
-- rate_summary
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.rate_summary;

CREATE FUNCTION @extschema@.rate_summary_in(pg_catalog.cstring) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rate_summary_out(@extschema@.rate_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rate_summary_recv(pg_catalog.internal) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rate_summary_send(@extschema@.rate_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.rate_summary (
	INPUT = @extschema@.rate_summary_in,
	OUTPUT = @extschema@.rate_summary_out,
	RECEIVE = @extschema@.rate_summary_recv,
	SEND = @extschema@.rate_summary_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.rate_summary IS 'hits out of trials, for any proportion such as first contact resolution; text form "rate v1 ..."';

CREATE FUNCTION @extschema@.rate_summary_eq(@extschema@.rate_summary, @extschema@.rate_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.rate_summary_ne(@extschema@.rate_summary, @extschema@.rate_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.rate_summary, RIGHTARG = @extschema@.rate_summary,
	FUNCTION = @extschema@.rate_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.rate_summary, RIGHTARG = @extschema@.rate_summary,
	FUNCTION = @extschema@.rate_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.rate_summary_in(pg_catalog.cstring) IS 'text input of rate_summary';
COMMENT ON FUNCTION @extschema@.rate_summary_out(@extschema@.rate_summary) IS 'canonical text output of rate_summary';
COMMENT ON FUNCTION @extschema@.rate_summary_recv(pg_catalog.internal) IS 'binary input of rate_summary';
COMMENT ON FUNCTION @extschema@.rate_summary_send(@extschema@.rate_summary) IS 'binary output of rate_summary';
COMMENT ON FUNCTION @extschema@.rate_summary_eq(@extschema@.rate_summary, @extschema@.rate_summary) IS 'equality of rate_summary';
COMMENT ON FUNCTION @extschema@.rate_summary_ne(@extschema@.rate_summary, @extschema@.rate_summary) IS 'inequality of rate_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.rate_summary, @extschema@.rate_summary) IS 'whether two rate_summary values hold the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.rate_summary, @extschema@.rate_summary) IS 'whether two rate_summary values differ';

CREATE FUNCTION @extschema@.rate_summary_hash(@extschema@.rate_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_summary_hash(@extschema@.rate_summary) IS 'hash of rate_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.rate_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.rate_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.rate_summary, @extschema@.rate_summary),
	FUNCTION 1 @extschema@.rate_summary_hash(@extschema@.rate_summary);
COMMENT ON OPERATOR CLASS @extschema@.rate_summary_hash_ops USING hash IS 'lets rate_summary values be grouped, deduplicated and hash-joined';

-- ----------------------------------------------------------------
-- aht_summary
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.aht_summary;

CREATE FUNCTION @extschema@.aht_summary_in(pg_catalog.cstring) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aht_summary_out(@extschema@.aht_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aht_summary_recv(pg_catalog.internal) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aht_summary_send(@extschema@.aht_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.aht_summary (
	INPUT = @extschema@.aht_summary_in,
	OUTPUT = @extschema@.aht_summary_out,
	RECEIVE = @extschema@.aht_summary_recv,
	SEND = @extschema@.aht_summary_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.aht_summary IS 'contacts and their total handle time in microseconds, the state of aht; text form "aht v1 ..."';

CREATE FUNCTION @extschema@.aht_summary_eq(@extschema@.aht_summary, @extschema@.aht_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.aht_summary_ne(@extschema@.aht_summary, @extschema@.aht_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.aht_summary, RIGHTARG = @extschema@.aht_summary,
	FUNCTION = @extschema@.aht_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.aht_summary, RIGHTARG = @extschema@.aht_summary,
	FUNCTION = @extschema@.aht_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.aht_summary_in(pg_catalog.cstring) IS 'text input of aht_summary';
COMMENT ON FUNCTION @extschema@.aht_summary_out(@extschema@.aht_summary) IS 'canonical text output of aht_summary';
COMMENT ON FUNCTION @extschema@.aht_summary_recv(pg_catalog.internal) IS 'binary input of aht_summary';
COMMENT ON FUNCTION @extschema@.aht_summary_send(@extschema@.aht_summary) IS 'binary output of aht_summary';
COMMENT ON FUNCTION @extschema@.aht_summary_eq(@extschema@.aht_summary, @extschema@.aht_summary) IS 'equality of aht_summary';
COMMENT ON FUNCTION @extschema@.aht_summary_ne(@extschema@.aht_summary, @extschema@.aht_summary) IS 'inequality of aht_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.aht_summary, @extschema@.aht_summary) IS 'whether two aht_summary values hold the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.aht_summary, @extschema@.aht_summary) IS 'whether two aht_summary values differ';

CREATE FUNCTION @extschema@.aht_summary_hash(@extschema@.aht_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_summary_hash(@extschema@.aht_summary) IS 'hash of aht_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.aht_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.aht_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.aht_summary, @extschema@.aht_summary),
	FUNCTION 1 @extschema@.aht_summary_hash(@extschema@.aht_summary);
COMMENT ON OPERATOR CLASS @extschema@.aht_summary_hash_ops USING hash IS 'lets aht_summary values be grouped, deduplicated and hash-joined';

-- ----------------------------------------------------------------
-- NPS
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.nps_agg_trans(@extschema@.nps_summary, integer) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_agg_trans(@extschema@.nps_summary, integer) IS 'nps_agg transition: counts one 0-10 answer';
CREATE FUNCTION @extschema@.nps_agg_inv(@extschema@.nps_summary, integer) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_agg_inv(@extschema@.nps_summary, integer) IS 'nps_agg inverse transition: removes one answer when a window frame slides';
CREATE FUNCTION @extschema@.nps_rollup_trans(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_rollup_trans(@extschema@.nps_summary, @extschema@.nps_summary) IS 'adds two nps_summary values: rollup transition and combine function';
CREATE FUNCTION @extschema@.nps_rollup_inv(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS @extschema@.nps_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_rollup_inv(@extschema@.nps_summary, @extschema@.nps_summary) IS 'rollup inverse transition: subtracts a summary when a window frame slides';

CREATE AGGREGATE @extschema@.nps_agg(integer) (
	SFUNC = @extschema@.nps_agg_trans,
	STYPE = @extschema@.nps_summary,
	COMBINEFUNC = @extschema@.nps_rollup_trans,
	INITCOND = 'nps v1 promoters=0 passives=0 detractors=0',
	MSFUNC = @extschema@.nps_agg_trans,
	MINVFUNC = @extschema@.nps_agg_inv,
	MSTYPE = @extschema@.nps_summary,
	MINITCOND = 'nps v1 promoters=0 passives=0 detractors=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(integer) IS 'summarizes 0-10 "how likely are you to recommend us" answers; read it with nps()';

CREATE AGGREGATE @extschema@.rollup(@extschema@.nps_summary) (
	SFUNC = @extschema@.nps_rollup_trans,
	STYPE = @extschema@.nps_summary,
	COMBINEFUNC = @extschema@.nps_rollup_trans,
	INITCOND = 'nps v1 promoters=0 passives=0 detractors=0',
	MSFUNC = @extschema@.nps_rollup_trans,
	MINVFUNC = @extschema@.nps_rollup_inv,
	MSTYPE = @extschema@.nps_summary,
	MINITCOND = 'nps v1 promoters=0 passives=0 detractors=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.nps_summary) IS 'merges stored nps_summary values exactly';

CREATE FUNCTION @extschema@.nps(@extschema@.nps_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'nps_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps(@extschema@.nps_summary) IS 'Net Promoter Score: % promoters (9-10) minus % detractors (0-6), from -100 to 100; NULL without answers';
CREATE FUNCTION @extschema@.promoters(@extschema@.nps_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'nps_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoters(@extschema@.nps_summary) IS 'number of answers 9 or 10';
CREATE FUNCTION @extschema@.passives(@extschema@.nps_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'nps_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passives(@extschema@.nps_summary) IS 'number of answers 7 or 8';
CREATE FUNCTION @extschema@.detractors(@extschema@.nps_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'nps_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractors(@extschema@.nps_summary) IS 'number of answers 0 to 6';
CREATE FUNCTION @extschema@.responses(@extschema@.nps_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'nps_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.nps_summary) IS 'number of answers';

-- ----------------------------------------------------------------
-- CSAT
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.csat_agg_trans(@extschema@.csat_summary, integer, integer) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_trans(@extschema@.csat_summary, integer, integer) IS 'csat_agg transition: counts one rating on the given scale';
CREATE FUNCTION @extschema@.csat_agg_inv(@extschema@.csat_summary, integer, integer) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_inv(@extschema@.csat_summary, integer, integer) IS 'csat_agg inverse transition: removes one rating when a window frame slides';
CREATE FUNCTION @extschema@.csat_agg_5pt_trans(@extschema@.csat_summary, integer) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_5pt_trans(@extschema@.csat_summary, integer) IS 'csat_agg transition: counts one rating on a 5-point scale';
CREATE FUNCTION @extschema@.csat_agg_5pt_inv(@extschema@.csat_summary, integer) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_5pt_inv(@extschema@.csat_summary, integer) IS 'csat_agg inverse transition: removes one 5-point rating when a window frame slides';
CREATE FUNCTION @extschema@.csat_agg_bool_trans(@extschema@.csat_summary, boolean) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_bool_trans(@extschema@.csat_summary, boolean) IS 'csat_agg transition: counts one thumbs up (true) or down (false) as 2 or 1 on a 2-point scale';
CREATE FUNCTION @extschema@.csat_agg_bool_inv(@extschema@.csat_summary, boolean) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_agg_bool_inv(@extschema@.csat_summary, boolean) IS 'csat_agg inverse transition: removes one thumbs answer when a window frame slides';
CREATE FUNCTION @extschema@.csat_rollup_trans(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_rollup_trans(@extschema@.csat_summary, @extschema@.csat_summary) IS 'adds two csat_summary values on the same scale: rollup transition and combine function';
CREATE FUNCTION @extschema@.csat_rollup_inv(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS @extschema@.csat_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_rollup_inv(@extschema@.csat_summary, @extschema@.csat_summary) IS 'rollup inverse transition: subtracts a summary when a window frame slides';

CREATE AGGREGATE @extschema@.csat_agg(rating integer, scale integer) (
	SFUNC = @extschema@.csat_agg_trans,
	STYPE = @extschema@.csat_summary,
	COMBINEFUNC = @extschema@.csat_rollup_trans,
	INITCOND = 'csat v1 scale=0 counts=',
	MSFUNC = @extschema@.csat_agg_trans,
	MINVFUNC = @extschema@.csat_agg_inv,
	MSTYPE = @extschema@.csat_summary,
	MINITCOND = 'csat v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer, integer) IS 'summarizes ratings from 1 to scale (2 to 10); read it with csat()';

CREATE AGGREGATE @extschema@.csat_agg(rating integer) (
	SFUNC = @extschema@.csat_agg_5pt_trans,
	STYPE = @extschema@.csat_summary,
	COMBINEFUNC = @extschema@.csat_rollup_trans,
	INITCOND = 'csat v1 scale=0 counts=',
	MSFUNC = @extschema@.csat_agg_5pt_trans,
	MINVFUNC = @extschema@.csat_agg_5pt_inv,
	MSTYPE = @extschema@.csat_summary,
	MINITCOND = 'csat v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer) IS 'summarizes ratings on the usual 1-5 scale; read it with csat()';

CREATE AGGREGATE @extschema@.csat_agg(satisfied boolean) (
	SFUNC = @extschema@.csat_agg_bool_trans,
	STYPE = @extschema@.csat_summary,
	COMBINEFUNC = @extschema@.csat_rollup_trans,
	INITCOND = 'csat v1 scale=0 counts=',
	MSFUNC = @extschema@.csat_agg_bool_trans,
	MINVFUNC = @extschema@.csat_agg_bool_inv,
	MSTYPE = @extschema@.csat_summary,
	MINITCOND = 'csat v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(boolean) IS 'summarizes thumbs up (true) / down (false) answers as a 2-point scale';

CREATE AGGREGATE @extschema@.rollup(@extschema@.csat_summary) (
	SFUNC = @extschema@.csat_rollup_trans,
	STYPE = @extschema@.csat_summary,
	COMBINEFUNC = @extschema@.csat_rollup_trans,
	INITCOND = 'csat v1 scale=0 counts=',
	MSFUNC = @extschema@.csat_rollup_trans,
	MINVFUNC = @extschema@.csat_rollup_inv,
	MSTYPE = @extschema@.csat_summary,
	MINITCOND = 'csat v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.csat_summary) IS 'merges stored csat_summary values of one scale exactly';

CREATE FUNCTION @extschema@.csat(@extschema@.csat_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'csat_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.csat_summary) IS '% satisfied: top two ratings on scales of 5 or more points, the top rating on 2- to 4-point scales; NULL without answers';
CREATE FUNCTION @extschema@.csat(@extschema@.csat_summary, satisfied_from integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'csat_score_from' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.csat_summary, integer) IS '% of answers rating satisfied_from or higher; NULL without answers';
CREATE FUNCTION @extschema@.csat_mean(@extschema@.csat_summary) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_mean(@extschema@.csat_summary) IS 'mean rating; NULL without answers';
CREATE FUNCTION @extschema@.csat_composite(@extschema@.csat_summary) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_composite(@extschema@.csat_summary) IS 'composite CSAT: mean rating rescaled so the lowest rating is 0 and the highest 100; NULL without answers';
CREATE FUNCTION @extschema@.responses(@extschema@.csat_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'csat_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.csat_summary) IS 'number of answers';
CREATE FUNCTION @extschema@.satisfied(@extschema@.csat_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'csat_satisfied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfied(@extschema@.csat_summary) IS 'number of satisfied answers, by the default threshold of csat()';
CREATE FUNCTION @extschema@.rating_count(@extschema@.csat_summary, rating integer) RETURNS bigint
	AS 'MODULE_PATHNAME', 'csat_rating_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_count(@extschema@.csat_summary, integer) IS 'number of answers with exactly this rating';

-- ----------------------------------------------------------------
-- Rates: rate_agg and fcr_rate
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.rate_summary, boolean) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.rate_summary, boolean) IS 'rate_agg and fcr_rate transition: counts one trial, a hit if true';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.rate_summary, boolean) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.rate_summary, boolean) IS 'rate_agg and fcr_rate inverse transition: removes one trial when a window frame slides';
CREATE FUNCTION @extschema@.rate_eligible_trans(@extschema@.rate_summary, boolean, boolean) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_eligible_trans(@extschema@.rate_summary, boolean, boolean) IS 'fcr_rate transition: counts one trial if eligible is true';
CREATE FUNCTION @extschema@.rate_eligible_inv(@extschema@.rate_summary, boolean, boolean) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_eligible_inv(@extschema@.rate_summary, boolean, boolean) IS 'fcr_rate inverse transition: removes one eligible trial when a window frame slides';
CREATE FUNCTION @extschema@.rate_rollup_trans(@extschema@.rate_summary, @extschema@.rate_summary) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_rollup_trans(@extschema@.rate_summary, @extschema@.rate_summary) IS 'adds two rate_summary values: rollup transition and combine function';
CREATE FUNCTION @extschema@.rate_rollup_inv(@extschema@.rate_summary, @extschema@.rate_summary) RETURNS @extschema@.rate_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_rollup_inv(@extschema@.rate_summary, @extschema@.rate_summary) IS 'rollup inverse transition: subtracts a summary when a window frame slides';
CREATE FUNCTION @extschema@.rate(@extschema@.rate_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'rate_percent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate(@extschema@.rate_summary) IS 'hits as a percentage of trials; NULL without trials';
CREATE FUNCTION @extschema@.hits(@extschema@.rate_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'rate_hits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hits(@extschema@.rate_summary) IS 'number of trials that were true';
CREATE FUNCTION @extschema@.trials(@extschema@.rate_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'rate_trials' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trials(@extschema@.rate_summary) IS 'number of trials counted';

CREATE AGGREGATE @extschema@.rate_agg(hit boolean) (
	SFUNC = @extschema@.rate_agg_trans,
	STYPE = @extschema@.rate_summary,
	COMBINEFUNC = @extschema@.rate_rollup_trans,
	INITCOND = 'rate v1 hits=0 trials=0',
	MSFUNC = @extschema@.rate_agg_trans,
	MINVFUNC = @extschema@.rate_agg_inv,
	MSTYPE = @extschema@.rate_summary,
	MINITCOND = 'rate v1 hits=0 trials=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rate_agg(boolean) IS 'summarizes a yes/no outcome (escalated, reopened, SLA met); read it with rate()';

CREATE AGGREGATE @extschema@.rollup(@extschema@.rate_summary) (
	SFUNC = @extschema@.rate_rollup_trans,
	STYPE = @extschema@.rate_summary,
	COMBINEFUNC = @extschema@.rate_rollup_trans,
	INITCOND = 'rate v1 hits=0 trials=0',
	MSFUNC = @extschema@.rate_rollup_trans,
	MINVFUNC = @extschema@.rate_rollup_inv,
	MSTYPE = @extschema@.rate_summary,
	MINITCOND = 'rate v1 hits=0 trials=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.rate_summary) IS 'merges stored rate_summary values exactly';

CREATE AGGREGATE @extschema@.fcr_rate(resolved_on_first_contact boolean) (
	SFUNC = @extschema@.rate_agg_trans,
	STYPE = @extschema@.rate_summary,
	FINALFUNC = @extschema@.rate,
	COMBINEFUNC = @extschema@.rate_rollup_trans,
	INITCOND = 'rate v1 hits=0 trials=0',
	MSFUNC = @extschema@.rate_agg_trans,
	MINVFUNC = @extschema@.rate_agg_inv,
	MSTYPE = @extschema@.rate_summary,
	MFINALFUNC = @extschema@.rate,
	MINITCOND = 'rate v1 hits=0 trials=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.fcr_rate(boolean) IS 'first contact resolution: % of non-NULL rows that are true';

CREATE AGGREGATE @extschema@.fcr_rate(resolved_on_first_contact boolean, eligible boolean) (
	SFUNC = @extschema@.rate_eligible_trans,
	STYPE = @extschema@.rate_summary,
	FINALFUNC = @extschema@.rate,
	COMBINEFUNC = @extschema@.rate_rollup_trans,
	INITCOND = 'rate v1 hits=0 trials=0',
	MSFUNC = @extschema@.rate_eligible_trans,
	MINVFUNC = @extschema@.rate_eligible_inv,
	MSTYPE = @extschema@.rate_summary,
	MFINALFUNC = @extschema@.rate,
	MINITCOND = 'rate v1 hits=0 trials=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.fcr_rate(boolean, boolean) IS 'first contact resolution: FCR tickets / FCR-eligible tickets x 100, over rows where eligible is true';

-- ----------------------------------------------------------------
-- AHT
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.aht_interval_trans(@extschema@.aht_summary, interval) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_interval_trans(@extschema@.aht_summary, interval) IS 'aht transition: counts one contact of the given handle time';
CREATE FUNCTION @extschema@.aht_interval_inv(@extschema@.aht_summary, interval) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_interval_inv(@extschema@.aht_summary, interval) IS 'aht inverse transition: removes one contact when a window frame slides';
CREATE FUNCTION @extschema@.aht_parts_trans(@extschema@.aht_summary, interval, interval, interval) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_parts_trans(@extschema@.aht_summary, interval, interval, interval) IS 'aht transition: counts one contact of talk + hold + after-call work';
CREATE FUNCTION @extschema@.aht_parts_inv(@extschema@.aht_summary, interval, interval, interval) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_parts_inv(@extschema@.aht_summary, interval, interval, interval) IS 'aht inverse transition: removes one contact of talk + hold + after-call work';
CREATE FUNCTION @extschema@.aht_seconds_trans(@extschema@.aht_summary, double precision) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_seconds_trans(@extschema@.aht_summary, double precision) IS 'aht transition: counts one contact of the given seconds, to the microsecond';
CREATE FUNCTION @extschema@.aht_seconds_inv(@extschema@.aht_summary, double precision) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_seconds_inv(@extschema@.aht_summary, double precision) IS 'aht inverse transition: removes one contact given in seconds';
CREATE FUNCTION @extschema@.aht_combine(@extschema@.aht_summary, @extschema@.aht_summary) RETURNS @extschema@.aht_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_combine(@extschema@.aht_summary, @extschema@.aht_summary) IS 'aht combine function: adds two aht_summary values';
CREATE FUNCTION @extschema@.aht_mean_interval(@extschema@.aht_summary) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_mean_interval(@extschema@.aht_summary) IS 'aht final function: mean handle time, rounded to the microsecond; NULL without contacts';
CREATE FUNCTION @extschema@.aht_mean_seconds(@extschema@.aht_summary) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_mean_seconds(@extschema@.aht_summary) IS 'aht final function: mean handle time in seconds; NULL without contacts';

CREATE AGGREGATE @extschema@.aht(handle_time interval) (
	SFUNC = @extschema@.aht_interval_trans,
	STYPE = @extschema@.aht_summary,
	FINALFUNC = @extschema@.aht_mean_interval,
	COMBINEFUNC = @extschema@.aht_combine,
	INITCOND = 'aht v1 contacts=0 total_us=0',
	MSFUNC = @extschema@.aht_interval_trans,
	MINVFUNC = @extschema@.aht_interval_inv,
	MSTYPE = @extschema@.aht_summary,
	MFINALFUNC = @extschema@.aht_mean_interval,
	MINITCOND = 'aht v1 contacts=0 total_us=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aht(interval) IS 'average handle time: mean of the handle times';

CREATE AGGREGATE @extschema@.aht(talk interval, hold interval, wrap_up interval) (
	SFUNC = @extschema@.aht_parts_trans,
	STYPE = @extschema@.aht_summary,
	FINALFUNC = @extschema@.aht_mean_interval,
	COMBINEFUNC = @extschema@.aht_combine,
	INITCOND = 'aht v1 contacts=0 total_us=0',
	MSFUNC = @extschema@.aht_parts_trans,
	MINVFUNC = @extschema@.aht_parts_inv,
	MSTYPE = @extschema@.aht_summary,
	MFINALFUNC = @extschema@.aht_mean_interval,
	MINITCOND = 'aht v1 contacts=0 total_us=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aht(interval, interval, interval) IS 'average handle time: (talk + hold + after-call work) / contacts';

CREATE AGGREGATE @extschema@.aht(seconds double precision) (
	SFUNC = @extschema@.aht_seconds_trans,
	STYPE = @extschema@.aht_summary,
	FINALFUNC = @extschema@.aht_mean_seconds,
	COMBINEFUNC = @extschema@.aht_combine,
	INITCOND = 'aht v1 contacts=0 total_us=0',
	MSFUNC = @extschema@.aht_seconds_trans,
	MINVFUNC = @extschema@.aht_seconds_inv,
	MSTYPE = @extschema@.aht_summary,
	MFINALFUNC = @extschema@.aht_mean_seconds,
	MINITCOND = 'aht v1 contacts=0 total_us=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aht(double precision) IS 'average handle time in seconds, for tables that store seconds';

-- ----------------------------------------------------------------
-- duration_summary: response, resolution and handle times
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.duration_summary;

CREATE FUNCTION @extschema@.duration_summary_in(pg_catalog.cstring) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_summary_out(@extschema@.duration_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_summary_recv(pg_catalog.internal) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_summary_send(@extschema@.duration_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.duration_summary (
	INPUT = @extschema@.duration_summary_in,
	OUTPUT = @extschema@.duration_summary_out,
	RECEIVE = @extschema@.duration_summary_recv,
	SEND = @extschema@.duration_summary_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.duration_summary IS 'durations with exact count, sum, minimum and maximum and percentiles within 1%; text form "duration v1 ..."';

CREATE FUNCTION @extschema@.duration_summary_eq(@extschema@.duration_summary, @extschema@.duration_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.duration_summary_ne(@extschema@.duration_summary, @extschema@.duration_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.duration_summary, RIGHTARG = @extschema@.duration_summary,
	FUNCTION = @extschema@.duration_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.duration_summary, RIGHTARG = @extschema@.duration_summary,
	FUNCTION = @extschema@.duration_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.duration_summary_in(pg_catalog.cstring) IS 'text input of duration_summary';
COMMENT ON FUNCTION @extschema@.duration_summary_out(@extschema@.duration_summary) IS 'canonical text output of duration_summary';
COMMENT ON FUNCTION @extschema@.duration_summary_recv(pg_catalog.internal) IS 'binary input of duration_summary';
COMMENT ON FUNCTION @extschema@.duration_summary_send(@extschema@.duration_summary) IS 'binary output of duration_summary';
COMMENT ON FUNCTION @extschema@.duration_summary_eq(@extschema@.duration_summary, @extschema@.duration_summary) IS 'equality of duration_summary';
COMMENT ON FUNCTION @extschema@.duration_summary_ne(@extschema@.duration_summary, @extschema@.duration_summary) IS 'inequality of duration_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.duration_summary, @extschema@.duration_summary) IS 'whether two duration_summary values hold the same durations';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.duration_summary, @extschema@.duration_summary) IS 'whether two duration_summary values differ';

CREATE FUNCTION @extschema@.duration_summary_hash(@extschema@.duration_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_summary_hash(@extschema@.duration_summary) IS 'hash of duration_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.duration_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.duration_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.duration_summary, @extschema@.duration_summary),
	FUNCTION 1 @extschema@.duration_summary_hash(@extschema@.duration_summary);
COMMENT ON OPERATOR CLASS @extschema@.duration_summary_hash_ops USING hash IS 'lets duration_summary values be grouped, deduplicated and hash-joined';

CREATE FUNCTION @extschema@.duration_agg_trans(@extschema@.duration_summary, interval) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_agg_trans(@extschema@.duration_summary, interval) IS 'duration_agg transition: counts one duration';
CREATE FUNCTION @extschema@.duration_agg_seconds_trans(@extschema@.duration_summary, double precision) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_agg_seconds_trans(@extschema@.duration_summary, double precision) IS 'duration_agg transition: counts one duration in seconds, to the microsecond';
CREATE FUNCTION @extschema@.duration_rollup_trans(@extschema@.duration_summary, @extschema@.duration_summary) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_rollup_trans(@extschema@.duration_summary, @extschema@.duration_summary) IS 'adds two duration_summary values: rollup transition and combine function';
CREATE FUNCTION @extschema@.duration_agg_final(@extschema@.duration_summary) RETURNS @extschema@.duration_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_agg_final(@extschema@.duration_summary) IS 'duration_agg and rollup final function: the summary in its smaller form';

CREATE AGGREGATE @extschema@.duration_agg(d interval) (
	SFUNC = @extschema@.duration_agg_trans,
	STYPE = @extschema@.duration_summary,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.duration_agg(interval) IS 'summarizes durations (response, resolution, handle times); read it with median(), percentile(), mean()';

CREATE AGGREGATE @extschema@.duration_agg(seconds double precision) (
	SFUNC = @extschema@.duration_agg_seconds_trans,
	STYPE = @extschema@.duration_summary,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.duration_agg(double precision) IS 'summarizes durations given in seconds, counted to the microsecond';

CREATE AGGREGATE @extschema@.rollup(@extschema@.duration_summary) (
	SFUNC = @extschema@.duration_rollup_trans,
	STYPE = @extschema@.duration_summary,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.duration_summary) IS 'merges stored duration_summary values exactly';

CREATE FUNCTION @extschema@.duration_count(@extschema@.duration_summary) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_count(@extschema@.duration_summary) IS 'number of durations';
CREATE FUNCTION @extschema@.total_duration(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_duration(@extschema@.duration_summary) IS 'exact sum of the durations; NULL without durations';
CREATE FUNCTION @extschema@.mean(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean(@extschema@.duration_summary) IS 'exact mean duration, rounded to the microsecond; NULL without durations';
CREATE FUNCTION @extschema@.min_duration(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.min_duration(@extschema@.duration_summary) IS 'exact shortest duration; NULL without durations';
CREATE FUNCTION @extschema@.max_duration(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_duration(@extschema@.duration_summary) IS 'exact longest duration; NULL without durations';
CREATE FUNCTION @extschema@.stddev(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stddev(@extschema@.duration_summary) IS 'sample standard deviation of the durations; NULL with fewer than two';
CREATE FUNCTION @extschema@.median(@extschema@.duration_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median(@extschema@.duration_summary) IS 'median duration (as percentile_disc(0.5)), within 1%; NULL without durations';
CREATE FUNCTION @extschema@.percentile(@extschema@.duration_summary, q double precision) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, double precision) IS 'q-quantile (as percentile_disc(q)) within 1%; NULL without durations';
CREATE FUNCTION @extschema@.percentile(@extschema@.duration_summary, q double precision[]) RETURNS interval[]
	AS 'MODULE_PATHNAME', 'duration_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, double precision[]) IS 'several quantiles at once, one per fraction';

-- ----------------------------------------------------------------
-- CES
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.ces_agg_trans(@extschema@.ces_summary, integer, integer) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_agg_trans(@extschema@.ces_summary, integer, integer) IS 'ces_agg transition: counts one score on the given scale';
CREATE FUNCTION @extschema@.ces_agg_inv(@extschema@.ces_summary, integer, integer) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_agg_inv(@extschema@.ces_summary, integer, integer) IS 'ces_agg inverse transition: removes one score when a window frame slides';
CREATE FUNCTION @extschema@.ces_agg_7pt_trans(@extschema@.ces_summary, integer) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_agg_7pt_trans(@extschema@.ces_summary, integer) IS 'ces_agg transition: counts one score on a 7-point scale';
CREATE FUNCTION @extschema@.ces_agg_7pt_inv(@extschema@.ces_summary, integer) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_agg_7pt_inv(@extschema@.ces_summary, integer) IS 'ces_agg inverse transition: removes one 7-point score when a window frame slides';
CREATE FUNCTION @extschema@.ces_rollup_trans(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_rollup_trans(@extschema@.ces_summary, @extschema@.ces_summary) IS 'adds two ces_summary values on the same scale: rollup transition and combine function';
CREATE FUNCTION @extschema@.ces_rollup_inv(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS @extschema@.ces_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_rollup_inv(@extschema@.ces_summary, @extschema@.ces_summary) IS 'rollup inverse transition: subtracts a summary when a window frame slides';

CREATE AGGREGATE @extschema@.ces_agg(score integer, scale integer) (
	SFUNC = @extschema@.ces_agg_trans,
	STYPE = @extschema@.ces_summary,
	COMBINEFUNC = @extschema@.ces_rollup_trans,
	INITCOND = 'ces v1 scale=0 counts=',
	MSFUNC = @extschema@.ces_agg_trans,
	MINVFUNC = @extschema@.ces_agg_inv,
	MSTYPE = @extschema@.ces_summary,
	MINITCOND = 'ces v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(integer, integer) IS 'summarizes Customer Effort Score answers from 1 to scale (2 to 10); read it with ces()';

CREATE AGGREGATE @extschema@.ces_agg(score integer) (
	SFUNC = @extschema@.ces_agg_7pt_trans,
	STYPE = @extschema@.ces_summary,
	COMBINEFUNC = @extschema@.ces_rollup_trans,
	INITCOND = 'ces v1 scale=0 counts=',
	MSFUNC = @extschema@.ces_agg_7pt_trans,
	MINVFUNC = @extschema@.ces_agg_7pt_inv,
	MSTYPE = @extschema@.ces_summary,
	MINITCOND = 'ces v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(integer) IS 'summarizes Customer Effort Score answers on the usual 1-7 scale; read it with ces()';

CREATE AGGREGATE @extschema@.rollup(@extschema@.ces_summary) (
	SFUNC = @extschema@.ces_rollup_trans,
	STYPE = @extschema@.ces_summary,
	COMBINEFUNC = @extschema@.ces_rollup_trans,
	INITCOND = 'ces v1 scale=0 counts=',
	MSFUNC = @extschema@.ces_rollup_trans,
	MINVFUNC = @extschema@.ces_rollup_inv,
	MSTYPE = @extschema@.ces_summary,
	MINITCOND = 'ces v1 scale=0 counts=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ces_summary) IS 'merges stored ces_summary values of one scale exactly';

CREATE FUNCTION @extschema@.ces(@extschema@.ces_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ces_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ces_summary) IS 'Customer Effort Score: the mean answer (higher is easier); NULL without answers';
CREATE FUNCTION @extschema@.responses(@extschema@.ces_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ces_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.ces_summary) IS 'number of answers';

-- ----------------------------------------------------------------
-- Confidence intervals and significance
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.nps_margin(@extschema@.nps_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_margin(@extschema@.nps_summary, double precision) IS 'margin of error of NPS in points: z times the standard error from the trinomial variance';
CREATE FUNCTION @extschema@.ci_low(@extschema@.nps_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'nps_ci_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.nps_summary, double precision) IS 'lower bound of NPS: nps minus nps_margin, at least -100; NULL when undefined';
CREATE FUNCTION @extschema@.ci_high(@extschema@.nps_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'nps_ci_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.nps_summary, double precision) IS 'upper bound of NPS: nps plus nps_margin, at most 100; NULL when undefined';
CREATE FUNCTION @extschema@.p_value(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'nps_p_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.nps_summary, @extschema@.nps_summary) IS 'two-sided p-value of the difference: difference of NPS over the combined standard error';
CREATE FUNCTION @extschema@.ci_low(@extschema@.csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'csat_ci_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.csat_summary, double precision) IS 'lower bound of csat() %, Wilson score interval; NULL when undefined';
CREATE FUNCTION @extschema@.ci_high(@extschema@.csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'csat_ci_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.csat_summary, double precision) IS 'upper bound of csat() %, Wilson score interval; NULL when undefined';
CREATE FUNCTION @extschema@.p_value(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'csat_p_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.csat_summary, @extschema@.csat_summary) IS 'two-sided p-value of the difference: two-proportion z-test on csat()';
CREATE FUNCTION @extschema@.ci_low(@extschema@.ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ces_ci_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.ces_summary, double precision) IS 'lower bound of the mean CES score, Student-t interval; NULL when undefined';
CREATE FUNCTION @extschema@.ci_high(@extschema@.ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ces_ci_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.ces_summary, double precision) IS 'upper bound of the mean CES score, Student-t interval; NULL when undefined';
CREATE FUNCTION @extschema@.p_value(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ces_p_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.ces_summary, @extschema@.ces_summary) IS 'two-sided p-value of the difference: Welch''s t-test on the mean scores';
CREATE FUNCTION @extschema@.ci_low(@extschema@.rate_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'rate_ci_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.rate_summary, double precision) IS 'lower bound of rate() %, Wilson score interval; NULL when undefined';
CREATE FUNCTION @extschema@.ci_high(@extschema@.rate_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'rate_ci_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.rate_summary, double precision) IS 'upper bound of rate() %, Wilson score interval; NULL when undefined';
CREATE FUNCTION @extschema@.p_value(@extschema@.rate_summary, @extschema@.rate_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'rate_p_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.rate_summary, @extschema@.rate_summary) IS 'two-sided p-value of the difference: two-proportion z-test on rate()';
CREATE FUNCTION @extschema@.ci_low(@extschema@.duration_summary, confidence double precision DEFAULT 0.95) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_ci_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.duration_summary, double precision) IS 'lower bound of the mean duration, Student-t interval; NULL when undefined';
CREATE FUNCTION @extschema@.ci_high(@extschema@.duration_summary, confidence double precision DEFAULT 0.95) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_ci_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.duration_summary, double precision) IS 'upper bound of the mean duration, Student-t interval; NULL when undefined';
CREATE FUNCTION @extschema@.p_value(@extschema@.duration_summary, @extschema@.duration_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'duration_p_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.duration_summary, @extschema@.duration_summary) IS 'two-sided p-value of the difference: Welch''s t-test on the mean durations';

-- ----------------------------------------------------------------
-- Retention and churn
-- ----------------------------------------------------------------

CREATE FUNCTION @extschema@.retention_rate(customers_at_start bigint, customers_at_end bigint, new_customers bigint) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_rate(bigint, bigint, bigint) IS 'customer retention: (customers at end - new customers) / customers at start x 100; NULL without customers at the start';
CREATE FUNCTION @extschema@.churn_rate(customers_at_start bigint, customers_lost bigint) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_rate(bigint, bigint) IS 'customer churn: customers lost / customers at start x 100; NULL without customers at the start';

-- ----------------------------------------------------------------
-- Business hours
-- ----------------------------------------------------------------

CREATE TYPE @extschema@.business_calendar;

CREATE FUNCTION @extschema@.business_calendar_in(pg_catalog.cstring) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_in(pg_catalog.cstring) IS 'text input of business_calendar';
CREATE FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) IS 'canonical text output of business_calendar';
CREATE FUNCTION @extschema@.business_calendar_recv(pg_catalog.internal) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_recv(pg_catalog.internal) IS 'binary input of business_calendar';
CREATE FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) IS 'binary output of business_calendar';

CREATE TYPE @extschema@.business_calendar (
	INPUT = @extschema@.business_calendar_in,
	OUTPUT = @extschema@.business_calendar_out,
	RECEIVE = @extschema@.business_calendar_recv,
	SEND = @extschema@.business_calendar_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.business_calendar IS 'weekly working hours in a time zone with holidays, e.g. ''mon-fri 09:00-17:00; tz Europe/Berlin; holidays 2025-12-25''';

CREATE FUNCTION @extschema@.business_duration(start timestamptz, finish timestamptz, calendar @extschema@.business_calendar) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_duration(timestamptz, timestamptz, @extschema@.business_calendar) IS 'working time between two instants under the calendar';
CREATE FUNCTION @extschema@.business_add(start timestamptz, working interval, calendar @extschema@.business_calendar) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_add(timestamptz, interval, @extschema@.business_calendar) IS 'the first instant by which that much working time has passed since start (SLA due times)';
CREATE FUNCTION @extschema@.is_business_time(at timestamptz, calendar @extschema@.business_calendar) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_business_time(timestamptz, @extschema@.business_calendar) IS 'whether the instant falls within working hours';
