/*-------------------------------------------------------------------------
 *
 * rate.c
 *	  rate_summary: hits out of trials for any proportion (first contact
 *	  resolution, escalation, reopen, SLA attainment), its aggregates
 *	  (rate_agg, fcr_rate, rollup) and accessors.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"

#include "csmetrics.h"

#define RATE_TYPNAME "rate_summary"

typedef struct RateSummary
{
	int32		version;		/* CSMETRICS_FORMAT_VERSION */
	int32		flags;			/* reserved, always zero */
	int64		hits;			/* trials that were true */
	int64		trials;			/* non-NULL (and eligible) rows */
} RateSummary;

#define PG_GETARG_RATE(n) ((RateSummary *) PG_GETARG_POINTER(n))

PG_FUNCTION_INFO_V1(rate_summary_in);
PG_FUNCTION_INFO_V1(rate_summary_out);
PG_FUNCTION_INFO_V1(rate_summary_recv);
PG_FUNCTION_INFO_V1(rate_summary_send);
PG_FUNCTION_INFO_V1(rate_summary_eq);
PG_FUNCTION_INFO_V1(rate_summary_ne);
PG_FUNCTION_INFO_V1(rate_summary_hash);
PG_FUNCTION_INFO_V1(rate_agg_trans);
PG_FUNCTION_INFO_V1(rate_eligible_trans);
PG_FUNCTION_INFO_V1(rate_agg_inv);
PG_FUNCTION_INFO_V1(rate_eligible_inv);
PG_FUNCTION_INFO_V1(rate_rollup_trans);
PG_FUNCTION_INFO_V1(rate_rollup_inv);
PG_FUNCTION_INFO_V1(rate_ci_low);
PG_FUNCTION_INFO_V1(rate_ci_high);
PG_FUNCTION_INFO_V1(rate_p_value);
PG_FUNCTION_INFO_V1(rate_percent);
PG_FUNCTION_INFO_V1(rate_hits);
PG_FUNCTION_INFO_V1(rate_trials);

/* A new summary with the given counts. */
static RateSummary *
rate_make(int64 hits, int64 trials)
{
	RateSummary *summary = palloc0(sizeof(RateSummary));

	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->hits = hits;
	summary->trials = trials;
	return summary;
}

/* Why counts read from outside cannot form a summary, or NULL if they can. */
static const char *
rate_invalid_reason(const RateSummary *summary)
{
	if (summary->hits > summary->trials)
		return "Hits cannot exceed trials.";
	return NULL;
}

/* rate_summary_in(cstring): parse "rate v1 hits=H trials=T". */
Datum
rate_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	RateSummary *summary;
	const char *reason;
	int64		hits;
	int64		trials;

	summary_parse_begin(&parser, RATE_TYPNAME, "rate", input, fcinfo->context);
	hits = summary_parse_count(&parser, "hits");
	trials = summary_parse_count(&parser, "trials");
	summary_parse_end(&parser);

	summary = rate_make(hits, trials);
	if ((reason = rate_invalid_reason(summary)) != NULL)
		summary_parse_reject(&parser, reason);
	if (parser.failed)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(summary);
}

/* rate_summary_out(rate_summary): the canonical text form. */
Datum
rate_summary_out(PG_FUNCTION_ARGS)
{
	RateSummary *summary = PG_GETARG_RATE(0);
	StringInfoData buf;

	summary_text_begin(&buf, "rate");
	summary_text_count(&buf, "hits", summary->hits);
	summary_text_count(&buf, "trials", summary->trials);
	PG_RETURN_CSTRING(buf.data);
}

/* rate_summary_recv(internal): version byte, then hits and trials. */
Datum
rate_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RateSummary *summary;
	const char *reason;
	int64		hits;
	int64		trials;

	summary_recv_version(buf, RATE_TYPNAME);
	summary_recv_expect_length(buf, 2 * sizeof(int64), RATE_TYPNAME);
	hits = summary_recv_count(buf, RATE_TYPNAME);
	trials = summary_recv_count(buf, RATE_TYPNAME);

	summary = rate_make(hits, trials);
	if ((reason = rate_invalid_reason(summary)) != NULL)
		summary_reject_binary(RATE_TYPNAME, reason);
	PG_RETURN_POINTER(summary);
}

/* rate_summary_send(rate_summary): the binary form read by rate_summary_recv. */
Datum
rate_summary_send(PG_FUNCTION_ARGS)
{
	RateSummary *summary = PG_GETARG_RATE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint64(&buf, summary->hits);
	pq_sendint64(&buf, summary->trials);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries hold the same counts. */
static bool
rate_equal(const RateSummary *a, const RateSummary *b)
{
	return a->hits == b->hits && a->trials == b->trials;
}

/* rate_summary = rate_summary */
Datum
rate_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rate_equal(PG_GETARG_RATE(0), PG_GETARG_RATE(1)));
}

/* rate_summary <> rate_summary */
Datum
rate_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!rate_equal(PG_GETARG_RATE(0), PG_GETARG_RATE(1)));
}

/* rate_summary_hash(rate_summary): equal summaries have equal bytes, so hash those. */
Datum
rate_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(summary_hash_bytes(PG_GETARG_POINTER(0), sizeof(RateSummary)));
}

/* rate_agg and fcr_rate transition: count one trial. */
Datum
rate_agg_trans(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));

	/* hits <= trials, so checking trials covers both. */
	summary_add_count(&state->trials, 1, RATE_TYPNAME);
	state->hits += PG_GETARG_BOOL(1);
	PG_RETURN_POINTER(state);
}

/* fcr_rate(hit, eligible) transition: count the trial only if eligible. */
Datum
rate_eligible_trans(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));

	if (PG_GETARG_BOOL(2))
	{
		summary_add_count(&state->trials, 1, RATE_TYPNAME);
		state->hits += PG_GETARG_BOOL(1);
	}
	PG_RETURN_POINTER(state);
}

/* Subtract trials counted before; the result must stay consistent. */
static void
rate_subtract(RateSummary *state, int64 hits, int64 trials)
{
	if (state->trials < trials || state->hits < hits ||
		state->trials - trials < state->hits - hits)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove trials that rate_summary does not hold")));
	state->trials -= trials;
	state->hits -= hits;
}

/* rate_agg and fcr_rate inverse transition, for window frames. */
Datum
rate_agg_inv(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));

	rate_subtract(state, PG_GETARG_BOOL(1), 1);
	PG_RETURN_POINTER(state);
}

/* fcr_rate(hit, eligible) inverse transition. */
Datum
rate_eligible_inv(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));

	if (PG_GETARG_BOOL(2))
		rate_subtract(state, PG_GETARG_BOOL(1), 1);
	PG_RETURN_POINTER(state);
}

/* rollup transition and combine: add another summary's counts. */
Datum
rate_rollup_trans(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));
	RateSummary *other = PG_GETARG_RATE(1);

	/* hits <= trials, so checking trials covers both. */
	summary_add_count(&state->trials, other->trials, RATE_TYPNAME);
	state->hits += other->hits;
	PG_RETURN_POINTER(state);
}

/* rollup inverse transition: subtract a summary added before. */
Datum
rate_rollup_inv(PG_FUNCTION_ARGS)
{
	RateSummary *state = summary_state_for_update(fcinfo, sizeof(RateSummary));
	RateSummary *other = PG_GETARG_RATE(1);

	rate_subtract(state, other->hits, other->trials);
	PG_RETURN_POINTER(state);
}

/* rate(rate_summary): hits as a % of trials, NULL without trials. */
Datum
rate_percent(PG_FUNCTION_ARGS)
{
	RateSummary *summary = PG_GETARG_RATE(0);

	if (summary->trials == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) summary->hits / (double) summary->trials);
}

/* hits(rate_summary) */
Datum
rate_hits(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RATE(0)->hits);
}

/* trials(rate_summary) */
Datum
rate_trials(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RATE(0)->trials);
}

/* Wilson bounds of rate(), in %; false without trials. */
static bool
rate_wilson(const RateSummary *summary, float8 confidence, double *low, double *high)
{
	double		z = stats_z(confidence);

	if (summary->trials == 0)
		return false;
	stats_wilson(summary->hits, summary->trials, z, low, high);
	*low *= 100.0;
	*high *= 100.0;
	return true;
}

/* ci_low(rate_summary, confidence): lower Wilson bound of rate(), in %. */
Datum
rate_ci_low(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!rate_wilson(PG_GETARG_RATE(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(low);
}

/* ci_high(rate_summary, confidence): upper Wilson bound of rate(), in %. */
Datum
rate_ci_high(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!rate_wilson(PG_GETARG_RATE(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(high);
}

/* p_value(rate_summary, rate_summary): two-proportion z-test. */
Datum
rate_p_value(PG_FUNCTION_ARGS)
{
	RateSummary *a = PG_GETARG_RATE(0);
	RateSummary *b = PG_GETARG_RATE(1);

	if (a->trials == 0 || b->trials == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stats_two_proportion_p(a->hits, a->trials, b->hits, b->trials));
}
