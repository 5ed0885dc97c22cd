/*-------------------------------------------------------------------------
 *
 * csat.c
 *	  csat_summary: customer satisfaction answers counted per rating on a
 *	  2- to 10-point scale (ratings.c), its aggregates (csat_agg, rollup),
 *	  accessors and confidence intervals.
 *
 * Satisfied means the top two ratings on scales of 5 or more points and the
 * top rating on 2- to 4-point scales, unless a threshold is given.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "ratings.h"

#define CSAT_DEFAULT_SCALE 5

static const RatingKind csat_kind = {"csat_summary", "csat", "CSAT", "rating", "Ratings"};

PG_FUNCTION_INFO_V1(csat_summary_in);
PG_FUNCTION_INFO_V1(csat_summary_out);
PG_FUNCTION_INFO_V1(csat_summary_recv);
PG_FUNCTION_INFO_V1(csat_agg_trans);
PG_FUNCTION_INFO_V1(csat_agg_inv);
PG_FUNCTION_INFO_V1(csat_agg_5pt_trans);
PG_FUNCTION_INFO_V1(csat_agg_5pt_inv);
PG_FUNCTION_INFO_V1(csat_agg_bool_trans);
PG_FUNCTION_INFO_V1(csat_agg_bool_inv);
PG_FUNCTION_INFO_V1(csat_rollup_trans);
PG_FUNCTION_INFO_V1(csat_rollup_inv);
PG_FUNCTION_INFO_V1(csat_score);
PG_FUNCTION_INFO_V1(csat_score_from);
PG_FUNCTION_INFO_V1(csat_mean);
PG_FUNCTION_INFO_V1(csat_composite);
PG_FUNCTION_INFO_V1(csat_responses);
PG_FUNCTION_INFO_V1(csat_satisfied);
PG_FUNCTION_INFO_V1(csat_rating_count);
PG_FUNCTION_INFO_V1(csat_ci_low);
PG_FUNCTION_INFO_V1(csat_ci_high);
PG_FUNCTION_INFO_V1(csat_p_value);

/* csat_summary_in(cstring): parse "csat v1 scale=S counts=C1,...,CS". */
Datum
csat_summary_in(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = rating_parse(&csat_kind, PG_GETARG_CSTRING(0), fcinfo->context);

	if (summary == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(summary);
}

/* csat_summary_out(csat_summary): the canonical text form. */
Datum
csat_summary_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(rating_format(&csat_kind, PG_GETARG_RATINGS(0)));
}

/* csat_summary_recv(internal): version byte, int32 scale, one int64 per rating. */
Datum
csat_summary_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(rating_receive(&csat_kind, (StringInfo) PG_GETARG_POINTER(0)));
}

/* The state argument, updated in place inside an aggregate. */
static RatingSummary *
csat_state(FunctionCallInfo fcinfo)
{
	return summary_state_for_update(fcinfo, sizeof(RatingSummary));
}

/* csat_agg(rating, scale) transition. */
Datum
csat_agg_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_count(&csat_kind, state, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

/* csat_agg(rating, scale) inverse transition, for window frames. */
Datum
csat_agg_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_uncount(&csat_kind, state, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

/* csat_agg(rating) transition: the common 5-point scale. */
Datum
csat_agg_5pt_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_count(&csat_kind, state, PG_GETARG_INT32(1), CSAT_DEFAULT_SCALE);
	PG_RETURN_POINTER(state);
}

/* csat_agg(rating) inverse transition. */
Datum
csat_agg_5pt_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_uncount(&csat_kind, state, PG_GETARG_INT32(1), CSAT_DEFAULT_SCALE);
	PG_RETURN_POINTER(state);
}

/* csat_agg(satisfied boolean) transition: a 2-point scale, true is the top. */
Datum
csat_agg_bool_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_count(&csat_kind, state, PG_GETARG_BOOL(1) ? 2 : 1, 2);
	PG_RETURN_POINTER(state);
}

/* csat_agg(satisfied boolean) inverse transition. */
Datum
csat_agg_bool_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_uncount(&csat_kind, state, PG_GETARG_BOOL(1) ? 2 : 1, 2);
	PG_RETURN_POINTER(state);
}

/* rollup transition and combine: add another summary on the same scale. */
Datum
csat_rollup_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	rating_merge(&csat_kind, state, PG_GETARG_RATINGS(1));
	PG_RETURN_POINTER(state);
}

/*
 * rollup inverse transition: subtract a summary added before; NULL (recompute
 * the frame) when no answers are left, see rating_unmerge.
 */
Datum
csat_rollup_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = csat_state(fcinfo);

	if (!rating_unmerge(&csat_kind, state, PG_GETARG_RATINGS(1)))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

/* Lowest satisfied rating by default: top two from 5 points up, else the top. */
static int32
csat_default_threshold(const RatingSummary *summary)
{
	return summary->scale >= 5 ? summary->scale - 1 : summary->scale;
}

/* % of answers rating satisfied_from or higher, NULL without answers. */
static Datum
csat_percent_from(FunctionCallInfo fcinfo, const RatingSummary *summary,
				  int32 satisfied_from)
{
	int64		total = rating_total(summary);

	if (total == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) rating_count_from(summary, satisfied_from) / (double) total);
}

/* csat(csat_summary): % satisfied with the default threshold. */
Datum
csat_score(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);

	return csat_percent_from(fcinfo, summary, csat_default_threshold(summary));
}

/* csat(csat_summary, satisfied_from): % answering satisfied_from or higher. */
Datum
csat_score_from(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);
	int32		satisfied_from = PG_GETARG_INT32(1);

	if (summary->scale == 0)
		PG_RETURN_NULL();
	rating_check_rating_arg(summary, satisfied_from, "satisfied_from");
	return csat_percent_from(fcinfo, summary, satisfied_from);
}

/* csat_mean(csat_summary): the mean rating. */
Datum
csat_mean(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);

	if (rating_total(summary) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rating_mean(summary));
}

/* csat_composite(csat_summary): mean rescaled so lowest is 0, highest 100. */
Datum
csat_composite(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);

	if (rating_total(summary) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (rating_mean(summary) - 1.0) / (double) (summary->scale - 1));
}

/* responses(csat_summary) */
Datum
csat_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(rating_total(PG_GETARG_RATINGS(0)));
}

/* satisfied(csat_summary): answers at or above the default threshold. */
Datum
csat_satisfied(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);

	if (summary->scale == 0)
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(rating_count_from(summary, csat_default_threshold(summary)));
}

/* rating_count(csat_summary, rating): answers with exactly that rating. */
Datum
csat_rating_count(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);
	int32		rating = PG_GETARG_INT32(1);

	if (summary->scale == 0)
		PG_RETURN_INT64(0);
	rating_check_rating_arg(summary, rating, "rating");
	PG_RETURN_INT64(summary->counts[rating - 1]);
}

/* Wilson bounds of % satisfied; false without answers. */
static bool
csat_wilson(const RatingSummary *summary, float8 confidence, double *low, double *high)
{
	int64		total = rating_total(summary);
	double		z = stats_z(confidence);

	if (total == 0)
		return false;
	stats_wilson(rating_count_from(summary, csat_default_threshold(summary)), total, z, low, high);
	return true;
}

/* ci_low(csat_summary, confidence): lower Wilson bound of csat(), in %. */
Datum
csat_ci_low(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!csat_wilson(PG_GETARG_RATINGS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * low);
}

/* ci_high(csat_summary, confidence): upper Wilson bound of csat(), in %. */
Datum
csat_ci_high(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!csat_wilson(PG_GETARG_RATINGS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * high);
}

/*
 * p_value(csat_summary, csat_summary): two-proportion z-test on csat();
 * summaries on different scales are an error, as for CES.
 */
Datum
csat_p_value(PG_FUNCTION_ARGS)
{
	RatingSummary *a = PG_GETARG_RATINGS(0);
	RatingSummary *b = PG_GETARG_RATINGS(1);
	int64		total_a = rating_total(a);
	int64		total_b = rating_total(b);

	rating_check_same_scale(&csat_kind, a, b);
	if (total_a == 0 || total_b == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stats_two_proportion_p(rating_count_from(a, csat_default_threshold(a)), total_a,
											rating_count_from(b, csat_default_threshold(b)), total_b));
}
