-- csmetrics 0.1 -> 0.2.  A fresh install of 0.2 runs csmetrics--0.1.sql and
-- then this script (as contrib's hstore does), so an upgraded database and a
-- new one have the same objects by construction.
\echo Use "ALTER EXTENSION csmetrics UPDATE TO '0.2'" to load this file. \quit

-- ==== status history (issue 12) ====
-- status_summary: one ticket's status history; time in status, reopens,
-- backlog at an instant and SLA clocks that pause.

CREATE TYPE @extschema@.status_summary;

CREATE FUNCTION @extschema@.status_summary_in(pg_catalog.cstring) RETURNS @extschema@.status_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_summary_out(@extschema@.status_summary) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_summary_recv(pg_catalog.internal) RETURNS @extschema@.status_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_summary_send(@extschema@.status_summary) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.status_summary (
	INPUT = @extschema@.status_summary_in,
	OUTPUT = @extschema@.status_summary_out,
	RECEIVE = @extschema@.status_summary_recv,
	SEND = @extschema@.status_summary_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.status_summary IS 'one ticket''s status history: ordered (instant, status) transitions; text form "status v1 transitions=..."';
COMMENT ON FUNCTION @extschema@.status_summary_in(pg_catalog.cstring) IS 'text input of status_summary';
COMMENT ON FUNCTION @extschema@.status_summary_out(@extschema@.status_summary) IS 'canonical text output of status_summary';
COMMENT ON FUNCTION @extschema@.status_summary_recv(pg_catalog.internal) IS 'binary input of status_summary';
COMMENT ON FUNCTION @extschema@.status_summary_send(@extschema@.status_summary) IS 'binary output of status_summary';

CREATE FUNCTION @extschema@.status_summary_eq(@extschema@.status_summary, @extschema@.status_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_summary_ne(@extschema@.status_summary, @extschema@.status_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.status_summary, RIGHTARG = @extschema@.status_summary,
	FUNCTION = @extschema@.status_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.status_summary, RIGHTARG = @extschema@.status_summary,
	FUNCTION = @extschema@.status_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON FUNCTION @extschema@.status_summary_eq(@extschema@.status_summary, @extschema@.status_summary) IS 'equality of status_summary';
COMMENT ON FUNCTION @extschema@.status_summary_ne(@extschema@.status_summary, @extschema@.status_summary) IS 'inequality of status_summary';
COMMENT ON OPERATOR @extschema@.=(@extschema@.status_summary, @extschema@.status_summary) IS 'whether two status_summary values hold the same history';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.status_summary, @extschema@.status_summary) IS 'whether two status_summary values differ';

CREATE FUNCTION @extschema@.status_summary_hash(@extschema@.status_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_summary_hash(@extschema@.status_summary) IS 'hash of status_summary, for GROUP BY, DISTINCT and hash joins';
CREATE OPERATOR CLASS @extschema@.status_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.status_summary USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.status_summary, @extschema@.status_summary),
	FUNCTION 1 @extschema@.status_summary_hash(@extschema@.status_summary);
COMMENT ON OPERATOR CLASS @extschema@.status_summary_hash_ops USING hash IS 'lets status_summary values be grouped, deduplicated and hash-joined';

CREATE FUNCTION @extschema@.status_agg_trans(@extschema@.status_summary, timestamp with time zone, text) RETURNS @extschema@.status_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_agg_trans(@extschema@.status_summary, timestamp with time zone, text) IS 'status_agg transition: appends one status change';
CREATE FUNCTION @extschema@.status_rollup_trans(@extschema@.status_summary, @extschema@.status_summary) RETURNS @extschema@.status_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_rollup_trans(@extschema@.status_summary, @extschema@.status_summary) IS 'merges two histories of one ticket: rollup transition and combine function';
CREATE FUNCTION @extschema@.status_agg_final(@extschema@.status_summary) RETURNS @extschema@.status_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_agg_final(@extschema@.status_summary) IS 'status_agg and rollup final function: the history sorted, in its stored form';

CREATE AGGREGATE @extschema@.status_agg(changed_at timestamp with time zone, status text) (
	SFUNC = @extschema@.status_agg_trans,
	STYPE = @extschema@.status_summary,
	FINALFUNC = @extschema@.status_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.status_rollup_trans,
	INITCOND = 'status v1 transitions=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.status_agg(timestamp with time zone, text) IS 'one ticket''s status history from (changed_at, status) rows; read it with time_in(), status_at(), reopens(), sla_due()';

CREATE AGGREGATE @extschema@.rollup(@extschema@.status_summary) (
	SFUNC = @extschema@.status_rollup_trans,
	STYPE = @extschema@.status_summary,
	FINALFUNC = @extschema@.status_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.status_rollup_trans,
	INITCOND = 'status v1 transitions=',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.status_summary) IS 'merges histories of one ticket into one';

CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, status text, until timestamp with time zone DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text, timestamp with time zone) IS 'time spent in the status; the last status runs until `until` (NULL: it ends at the last transition)';
CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, statuses text[], until timestamp with time zone DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_any' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text[], timestamp with time zone) IS 'time spent in any of the statuses; the last status runs until `until` (NULL: it ends at the last transition)';
CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, status text, "from" timestamp with time zone, until timestamp with time zone) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_window' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text, timestamp with time zone, timestamp with time zone) IS 'time spent in the status within [from, until), so that buckets add up';
CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, statuses text[], "from" timestamp with time zone, until timestamp with time zone) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_window_any' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text[], timestamp with time zone, timestamp with time zone) IS 'time spent in any of the statuses within [from, until), so that buckets add up';
CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, status text, calendar @extschema@.business_calendar, until timestamp with time zone DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_business' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text, @extschema@.business_calendar, timestamp with time zone) IS 'working time spent in the status under a business calendar';
CREATE FUNCTION @extschema@.time_in(s @extschema@.status_summary, statuses text[], calendar @extschema@.business_calendar, until timestamp with time zone DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_business_any' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_in(@extschema@.status_summary, text[], @extschema@.business_calendar, timestamp with time zone) IS 'working time spent in any of the statuses under a business calendar';

CREATE FUNCTION @extschema@.status_at(s @extschema@.status_summary, at timestamp with time zone) RETURNS text
	AS 'MODULE_PATHNAME', 'status_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_at(@extschema@.status_summary, timestamp with time zone) IS 'the status at that instant; NULL before the first transition';
CREATE FUNCTION @extschema@.first_entered(s @extschema@.status_summary, status text) RETURNS timestamp with time zone
	AS 'MODULE_PATHNAME', 'status_first_entered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_entered(@extschema@.status_summary, text) IS 'when the ticket first entered the status; NULL if never';
CREATE FUNCTION @extschema@.last_entered(s @extschema@.status_summary, status text) RETURNS timestamp with time zone
	AS 'MODULE_PATHNAME', 'status_last_entered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.last_entered(@extschema@.status_summary, text) IS 'when the ticket last entered the status; NULL if never';
CREATE FUNCTION @extschema@.times_entered(s @extschema@.status_summary, status text) RETURNS bigint
	AS 'MODULE_PATHNAME', 'status_times_entered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.times_entered(@extschema@.status_summary, text) IS 'how many times the ticket entered the status from another status';
CREATE FUNCTION @extschema@.reopens(s @extschema@.status_summary,
		open_statuses text[] DEFAULT '{new,open,pending,hold,on-hold}',
		solved_statuses text[] DEFAULT '{solved,closed}') RETURNS bigint
	AS 'MODULE_PATHNAME', 'status_reopens' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reopens(@extschema@.status_summary, text[], text[]) IS 'entries into an open-type status after a solved-type one (Zendesk''s statuses by default)';
CREATE FUNCTION @extschema@.sla_due(s @extschema@.status_summary, target interval, running text[], calendar @extschema@.business_calendar) RETURNS timestamp with time zone
	AS 'MODULE_PATHNAME', 'status_sla_due' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_due(@extschema@.status_summary, interval, text[], @extschema@.business_calendar) IS 'when an SLA clock that runs only in the running statuses and in business hours reaches target; NULL while it has not';
CREATE FUNCTION @extschema@.sla_elapsed(s @extschema@.status_summary, running text[], calendar @extschema@.business_calendar, until timestamp with time zone) RETURNS interval
	AS 'MODULE_PATHNAME', 'status_time_in_business_any' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.status_summary, text[], @extschema@.business_calendar, timestamp with time zone) IS 'working time on an SLA clock that runs only in the running statuses, up to until (NULL: the last transition)';

-- ==== numeric duration accessors ====
-- The duration accessors read as a number of seconds, for clients that chart
-- numbers, not intervals (BI tools over JDBC and ODBC). Each is the interval
-- accessor converted by date_part('epoch', ...), so it agrees with it to the
-- microsecond whatever form the summary is stored in.

CREATE FUNCTION @extschema@.median_seconds(@extschema@.duration_summary) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.median($1));
COMMENT ON FUNCTION @extschema@.median_seconds(@extschema@.duration_summary) IS 'median() in seconds; NULL without durations';

CREATE FUNCTION @extschema@.percentile_seconds(@extschema@.duration_summary, q double precision) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.percentile($1, q));
COMMENT ON FUNCTION @extschema@.percentile_seconds(@extschema@.duration_summary, double precision) IS 'percentile(summary, q) in seconds; NULL without durations';

CREATE FUNCTION @extschema@.mean_seconds(@extschema@.duration_summary) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.mean($1));
COMMENT ON FUNCTION @extschema@.mean_seconds(@extschema@.duration_summary) IS 'mean() in seconds; NULL without durations';

-- ==== duration_summary version 2: compact summaries, bounded states ====
-- Summaries are written in format version 2 (a packed bucket list; version
-- 1 is still read), and an aggregate's state is at most 1.5 times the
-- summary it returns: no more than about 8 kB for any durations from 1 µs to
-- 10 years.  SSPACE tells the planner so: a hash aggregate's state grows in
-- place, which PostgreSQL does not see once the group exists, so its limit
-- on groups held in memory must come from this figure.  CREATE OR REPLACE
-- changes only this extension's own aggregates (PostgreSQL refuses to
-- replace an object the extension does not own); the arguments, state and
-- result types stay as they are.
CREATE OR REPLACE AGGREGATE @extschema@.duration_agg(d interval) (
	SFUNC = @extschema@.duration_agg_trans,
	STYPE = @extschema@.duration_summary,
	SSPACE = 8192,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.duration_agg(seconds double precision) (
	SFUNC = @extschema@.duration_agg_seconds_trans,
	STYPE = @extschema@.duration_summary,
	SSPACE = 8192,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rollup(@extschema@.duration_summary) (
	SFUNC = @extschema@.duration_rollup_trans,
	STYPE = @extschema@.duration_summary,
	SSPACE = 8192,
	FINALFUNC = @extschema@.duration_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_rollup_trans,
	INITCOND = 'duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=',
	PARALLEL = SAFE
);
COMMENT ON TYPE @extschema@.duration_summary IS 'durations with exact count, sum, minimum and maximum and percentiles within 1%; text form "duration v2 ..." (version 1 is still read)';
