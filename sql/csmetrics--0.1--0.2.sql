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

CREATE FUNCTION @extschema@.median_seconds(summary @extschema@.duration_summary) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.median($1));
COMMENT ON FUNCTION @extschema@.median_seconds(@extschema@.duration_summary) IS 'median() in seconds; NULL without durations';

CREATE FUNCTION @extschema@.percentile_seconds(summary @extschema@.duration_summary, q double precision) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.percentile($1, q));
COMMENT ON FUNCTION @extschema@.percentile_seconds(@extschema@.duration_summary, double precision) IS 'percentile(summary, q) in seconds; NULL without durations';

CREATE FUNCTION @extschema@.mean_seconds(summary @extschema@.duration_summary) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.date_part('epoch', @extschema@.mean($1));
COMMENT ON FUNCTION @extschema@.mean_seconds(@extschema@.duration_summary) IS 'mean() in seconds; NULL without durations';

-- ==== exact-type overloads ====
-- Calls written with literals (a calendar or an interval as text, a level or
-- a fraction as numeric, counts as integers) reached the functions above only
-- through implicit casts, so an exact-match function created in another
-- schema on the search_path (by the database owner, say) was chosen instead.
-- These overloads make the extension's own function the exact match; each
-- casts its arguments and calls the original (SQL-standard bodies, bound at
-- creation and inlined by the planner, so a constant calendar is still
-- parsed once per query).
CREATE FUNCTION @extschema@.business_duration(start pg_catalog.timestamptz, finish pg_catalog.timestamptz, calendar pg_catalog.text) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.business_duration($1, $2, $3::@extschema@.business_calendar);
COMMENT ON FUNCTION @extschema@.business_duration(pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.text) IS 'business_duration with the calendar written as text';
-- The working time as text is read in C with IntervalStyle fixed, so these two
-- stay immutable like business_add (a cast to interval would be stable).
CREATE FUNCTION @extschema@.business_add(start pg_catalog.timestamptz, working pg_catalog.text, calendar @extschema@.business_calendar) RETURNS pg_catalog.timestamptz
	AS 'MODULE_PATHNAME', 'business_add_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_add(pg_catalog.timestamptz, pg_catalog.text, @extschema@.business_calendar) IS 'business_add with the working time written as text';
CREATE FUNCTION @extschema@.business_add(start pg_catalog.timestamptz, working pg_catalog.interval, calendar pg_catalog.text) RETURNS pg_catalog.timestamptz
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.business_add($1, $2, $3::@extschema@.business_calendar);
COMMENT ON FUNCTION @extschema@.business_add(pg_catalog.timestamptz, pg_catalog.interval, pg_catalog.text) IS 'business_add with the calendar written as text';
CREATE FUNCTION @extschema@.business_add(start pg_catalog.timestamptz, working pg_catalog.text, calendar pg_catalog.text) RETURNS pg_catalog.timestamptz
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.business_add($1, $2, $3::@extschema@.business_calendar);
COMMENT ON FUNCTION @extschema@.business_add(pg_catalog.timestamptz, pg_catalog.text, pg_catalog.text) IS 'business_add with the working time and the calendar written as text';
CREATE FUNCTION @extschema@.is_business_time(at pg_catalog.timestamptz, calendar pg_catalog.text) RETURNS pg_catalog.bool
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.is_business_time($1, $2::@extschema@.business_calendar);
COMMENT ON FUNCTION @extschema@.is_business_time(pg_catalog.timestamptz, pg_catalog.text) IS 'is_business_time with the calendar written as text';
CREATE FUNCTION @extschema@.percentile(summary @extschema@.duration_summary, q pg_catalog.numeric) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.percentile($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, pg_catalog.numeric) IS 'percentile with the fraction as numeric, as in percentile(s, 0.9)';
CREATE FUNCTION @extschema@.percentile(summary @extschema@.duration_summary, q pg_catalog.int4) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.percentile($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, pg_catalog.int4) IS 'percentile with the fraction as integer, as in percentile(s, 1)';
CREATE FUNCTION @extschema@.percentile(summary @extschema@.duration_summary, q pg_catalog.text) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.percentile($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, pg_catalog.text) IS 'percentile with the fraction as text, as in percentile(s, ''0.9'')';
CREATE FUNCTION @extschema@.percentile(summary @extschema@.duration_summary, q pg_catalog.numeric[]) RETURNS pg_catalog.interval[]
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.percentile($1, $2::pg_catalog.float8[]);
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, pg_catalog.numeric[]) IS 'percentiles with the fractions as numeric[], as in percentile(s, ARRAY[0.5, 0.9])';
CREATE FUNCTION @extschema@.percentile(summary @extschema@.duration_summary, q pg_catalog.int4[]) RETURNS pg_catalog.interval[]
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.percentile($1, $2::pg_catalog.float8[]);
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.duration_summary, pg_catalog.int4[]) IS 'percentiles with the fractions as integer[], as in percentile(s, ARRAY[0, 1])';
CREATE FUNCTION @extschema@.ci_low(summary @extschema@.nps_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_low($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.nps_summary, pg_catalog.numeric) IS 'ci_low with the confidence level as numeric, as in ci_low(s, 0.99)';
CREATE FUNCTION @extschema@.ci_high(summary @extschema@.nps_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_high($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.nps_summary, pg_catalog.numeric) IS 'ci_high with the confidence level as numeric, as in ci_high(s, 0.99)';
CREATE FUNCTION @extschema@.nps_margin(summary @extschema@.nps_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.nps_margin($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.nps_margin(@extschema@.nps_summary, pg_catalog.numeric) IS 'nps_margin with the confidence level as numeric, as in nps_margin(s, 0.99)';
CREATE FUNCTION @extschema@.ci_low(summary @extschema@.csat_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_low($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.csat_summary, pg_catalog.numeric) IS 'ci_low with the confidence level as numeric, as in ci_low(s, 0.99)';
CREATE FUNCTION @extschema@.ci_high(summary @extschema@.csat_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_high($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.csat_summary, pg_catalog.numeric) IS 'ci_high with the confidence level as numeric, as in ci_high(s, 0.99)';
CREATE FUNCTION @extschema@.ci_low(summary @extschema@.ces_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_low($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.ces_summary, pg_catalog.numeric) IS 'ci_low with the confidence level as numeric, as in ci_low(s, 0.99)';
CREATE FUNCTION @extschema@.ci_high(summary @extschema@.ces_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_high($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.ces_summary, pg_catalog.numeric) IS 'ci_high with the confidence level as numeric, as in ci_high(s, 0.99)';
CREATE FUNCTION @extschema@.ci_low(summary @extschema@.rate_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_low($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.rate_summary, pg_catalog.numeric) IS 'ci_low with the confidence level as numeric, as in ci_low(s, 0.99)';
CREATE FUNCTION @extschema@.ci_high(summary @extschema@.rate_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_high($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.rate_summary, pg_catalog.numeric) IS 'ci_high with the confidence level as numeric, as in ci_high(s, 0.99)';
CREATE FUNCTION @extschema@.ci_low(summary @extschema@.duration_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_low($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_low(@extschema@.duration_summary, pg_catalog.numeric) IS 'ci_low with the confidence level as numeric, as in ci_low(s, 0.99)';
CREATE FUNCTION @extschema@.ci_high(summary @extschema@.duration_summary, confidence pg_catalog.numeric) RETURNS pg_catalog.interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.ci_high($1, $2::pg_catalog.float8);
COMMENT ON FUNCTION @extschema@.ci_high(@extschema@.duration_summary, pg_catalog.numeric) IS 'ci_high with the confidence level as numeric, as in ci_high(s, 0.99)';
CREATE FUNCTION @extschema@.churn_rate(customers_at_start pg_catalog.int4, customers_lost pg_catalog.int4) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.churn_rate($1::pg_catalog.int8, $2::pg_catalog.int8);
COMMENT ON FUNCTION @extschema@.churn_rate(pg_catalog.int4, pg_catalog.int4) IS 'churn_rate with integer counts, as in churn_rate(10, 2)';
CREATE FUNCTION @extschema@.retention_rate(customers_at_start pg_catalog.int4, customers_at_end pg_catalog.int4, new_customers pg_catalog.int4) RETURNS pg_catalog.float8
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.retention_rate($1::pg_catalog.int8, $2::pg_catalog.int8, $3::pg_catalog.int8);
COMMENT ON FUNCTION @extschema@.retention_rate(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS 'retention_rate with integer counts, as in retention_rate(100, 95, 5)';

-- ==== staffing (Erlang C) ====
-- Agents a queue needs, and how a queue with a given number of agents
-- performs, from its arrivals per period and mean handle time (src/staffing.c).
-- The functions that compute take double precision arrivals and levels; the
-- others, in SQL, cast integer, bigint and numeric arguments to them, so that
-- a call written with a count(*), an integer or a decimal literal has an
-- exact match in this extension and no lookalike elsewhere on the
-- search_path can be a better one.  The bodies are SQL-standard, bound to
-- these functions at creation, and inlined by the planner.

CREATE FUNCTION @extschema@.erlang_c(agents integer, arrivals double precision, handle_time interval, period interval) RETURNS double precision
	AS 'MODULE_PATHNAME', 'staffing_erlang_c' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c(integer, double precision, interval, interval) IS 'Erlang C: percentage of contacts that wait (0-100); 100 when traffic reaches the agents (an unstable queue)';
CREATE FUNCTION @extschema@.erlang_c(agents integer, arrivals integer, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.erlang_c(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.erlang_c(integer, integer, interval, interval) IS 'erlang_c for integer arrivals, as double precision';
CREATE FUNCTION @extschema@.erlang_c(agents integer, arrivals bigint, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.erlang_c(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.erlang_c(integer, bigint, interval, interval) IS 'erlang_c for bigint arrivals, as double precision';
CREATE FUNCTION @extschema@.erlang_c(agents integer, arrivals numeric, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.erlang_c(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.erlang_c(integer, numeric, interval, interval) IS 'erlang_c for numeric arrivals, as double precision';

CREATE FUNCTION @extschema@.service_level(agents integer, arrivals double precision, handle_time interval, period interval, answer_within interval) RETURNS double precision
	AS 'MODULE_PATHNAME', 'staffing_service_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.service_level(integer, double precision, interval, interval, interval) IS 'Erlang C service level: percentage of contacts answered within answer_within (0-100); 0 for an unstable queue';
CREATE FUNCTION @extschema@.service_level(agents integer, arrivals integer, handle_time interval, period interval, answer_within interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.service_level(agents, arrivals::double precision, handle_time, period, answer_within);
COMMENT ON FUNCTION @extschema@.service_level(integer, integer, interval, interval, interval) IS 'service_level for integer arrivals, as double precision';
CREATE FUNCTION @extschema@.service_level(agents integer, arrivals bigint, handle_time interval, period interval, answer_within interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.service_level(agents, arrivals::double precision, handle_time, period, answer_within);
COMMENT ON FUNCTION @extschema@.service_level(integer, bigint, interval, interval, interval) IS 'service_level for bigint arrivals, as double precision';
CREATE FUNCTION @extschema@.service_level(agents integer, arrivals numeric, handle_time interval, period interval, answer_within interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.service_level(agents, arrivals::double precision, handle_time, period, answer_within);
COMMENT ON FUNCTION @extschema@.service_level(integer, numeric, interval, interval, interval) IS 'service_level for numeric arrivals, as double precision';

CREATE FUNCTION @extschema@.average_speed_of_answer(agents integer, arrivals double precision, handle_time interval, period interval) RETURNS interval
	AS 'MODULE_PATHNAME', 'staffing_average_speed_of_answer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.average_speed_of_answer(integer, double precision, interval, interval) IS 'Erlang C average speed of answer: mean wait of all contacts, to the microsecond; NULL for an unstable queue';
CREATE FUNCTION @extschema@.average_speed_of_answer(agents integer, arrivals integer, handle_time interval, period interval) RETURNS interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.average_speed_of_answer(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.average_speed_of_answer(integer, integer, interval, interval) IS 'average_speed_of_answer for integer arrivals, as double precision';
CREATE FUNCTION @extschema@.average_speed_of_answer(agents integer, arrivals bigint, handle_time interval, period interval) RETURNS interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.average_speed_of_answer(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.average_speed_of_answer(integer, bigint, interval, interval) IS 'average_speed_of_answer for bigint arrivals, as double precision';
CREATE FUNCTION @extschema@.average_speed_of_answer(agents integer, arrivals numeric, handle_time interval, period interval) RETURNS interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.average_speed_of_answer(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.average_speed_of_answer(integer, numeric, interval, interval) IS 'average_speed_of_answer for numeric arrivals, as double precision';

CREATE FUNCTION @extschema@.occupancy(agents integer, arrivals double precision, handle_time interval, period interval) RETURNS double precision
	AS 'MODULE_PATHNAME', 'staffing_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy(integer, double precision, interval, interval) IS 'Erlang C occupancy: traffic / agents x 100, at most 100; NULL without agents';
CREATE FUNCTION @extschema@.occupancy(agents integer, arrivals integer, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.occupancy(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.occupancy(integer, integer, interval, interval) IS 'occupancy for integer arrivals, as double precision';
CREATE FUNCTION @extschema@.occupancy(agents integer, arrivals bigint, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.occupancy(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.occupancy(integer, bigint, interval, interval) IS 'occupancy for bigint arrivals, as double precision';
CREATE FUNCTION @extschema@.occupancy(agents integer, arrivals numeric, handle_time interval, period interval) RETURNS double precision
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.occupancy(agents, arrivals::double precision, handle_time, period);
COMMENT ON FUNCTION @extschema@.occupancy(integer, numeric, interval, interval) IS 'occupancy for numeric arrivals, as double precision';

CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'staffing_agents_needed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, double precision) IS 'Erlang C staffing: the fewest agents whose service level within answer_within is at least target_level (0 to below 100); 0 without arrivals';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, double precision) IS 'agents_needed for integer arrivals and double precision target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, double precision) IS 'agents_needed for bigint arrivals and double precision target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, double precision) IS 'agents_needed for numeric arrivals and double precision target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, integer) IS 'agents_needed for double precision arrivals and integer target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, integer) IS 'agents_needed for integer arrivals and integer target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, integer) IS 'agents_needed for bigint arrivals and integer target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, integer) IS 'agents_needed for numeric arrivals and integer target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, numeric) IS 'agents_needed for double precision arrivals and numeric target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, numeric) IS 'agents_needed for integer arrivals and numeric target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, numeric) IS 'agents_needed for bigint arrivals and numeric target, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, numeric) IS 'agents_needed for numeric arrivals and numeric target, as double precision';

CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level double precision, max_occupancy double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'staffing_agents_needed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, double precision, double precision) IS 'Erlang C staffing: the fewest agents whose service level within answer_within is at least target_level and whose occupancy is at most max_occupancy';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level double precision, max_occupancy double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level, max_occupancy);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, double precision, double precision) IS 'agents_needed for integer arrivals and double precision levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level double precision, max_occupancy double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level, max_occupancy);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, double precision, double precision) IS 'agents_needed for bigint arrivals and double precision levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level double precision, max_occupancy double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level, max_occupancy);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, double precision, double precision) IS 'agents_needed for numeric arrivals and double precision levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level integer, max_occupancy integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, integer, integer) IS 'agents_needed for double precision arrivals and integer levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level integer, max_occupancy integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, integer, integer) IS 'agents_needed for integer arrivals and integer levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level integer, max_occupancy integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, integer, integer) IS 'agents_needed for bigint arrivals and integer levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level integer, max_occupancy integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, integer, integer) IS 'agents_needed for numeric arrivals and integer levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals double precision, handle_time interval, period interval, answer_within interval, target_level numeric, max_occupancy numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(double precision, interval, interval, interval, numeric, numeric) IS 'agents_needed for double precision arrivals and numeric levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals integer, handle_time interval, period interval, answer_within interval, target_level numeric, max_occupancy numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(integer, interval, interval, interval, numeric, numeric) IS 'agents_needed for integer arrivals and numeric levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals bigint, handle_time interval, period interval, answer_within interval, target_level numeric, max_occupancy numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(bigint, interval, interval, interval, numeric, numeric) IS 'agents_needed for bigint arrivals and numeric levels, as double precision';
CREATE FUNCTION @extschema@.agents_needed(arrivals numeric, handle_time interval, period interval, answer_within interval, target_level numeric, max_occupancy numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.agents_needed(arrivals::double precision, handle_time, period, answer_within, target_level::double precision, max_occupancy::double precision);
COMMENT ON FUNCTION @extschema@.agents_needed(numeric, interval, interval, interval, numeric, numeric) IS 'agents_needed for numeric arrivals and numeric levels, as double precision';

CREATE FUNCTION @extschema@.scheduled_agents(agents integer, shrinkage double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'staffing_scheduled_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.scheduled_agents(integer, double precision) IS 'agents to schedule so that agents remain on contacts after shrinkage percent (0 to below 100) of paid time: agents / (1 - shrinkage / 100), rounded up';
CREATE FUNCTION @extschema@.scheduled_agents(agents integer, shrinkage integer) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.scheduled_agents(agents, shrinkage::double precision);
COMMENT ON FUNCTION @extschema@.scheduled_agents(integer, integer) IS 'scheduled_agents for integer shrinkage, as double precision';
CREATE FUNCTION @extschema@.scheduled_agents(agents integer, shrinkage numeric) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.scheduled_agents(agents, shrinkage::double precision);
COMMENT ON FUNCTION @extschema@.scheduled_agents(integer, numeric) IS 'scheduled_agents for numeric shrinkage, as double precision';

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
