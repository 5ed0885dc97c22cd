/*-------------------------------------------------------------------------
 *
 * ces.c
 *	  ces_summary: Customer Effort Score answers counted per score on a
 *	  2- to 10-point scale (ratings.c), its aggregates (ces_agg, rollup),
 *	  the mean score and its confidence interval.
 *
 * CES is the mean answer to "how easy was it to get your issue resolved?",
 * 1-7 by default; higher is easier.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "ratings.h"

#define CES_DEFAULT_SCALE 7

static const RatingKind ces_kind = {"ces_summary", "ces", "CES", "score", "Scores"};

PG_FUNCTION_INFO_V1(ces_summary_in);
PG_FUNCTION_INFO_V1(ces_summary_out);
PG_FUNCTION_INFO_V1(ces_summary_recv);
PG_FUNCTION_INFO_V1(ces_agg_trans);
PG_FUNCTION_INFO_V1(ces_agg_inv);
PG_FUNCTION_INFO_V1(ces_agg_7pt_trans);
PG_FUNCTION_INFO_V1(ces_agg_7pt_inv);
PG_FUNCTION_INFO_V1(ces_rollup_trans);
PG_FUNCTION_INFO_V1(ces_rollup_inv);
PG_FUNCTION_INFO_V1(ces_score);
PG_FUNCTION_INFO_V1(ces_responses);
PG_FUNCTION_INFO_V1(ces_ci_low);
PG_FUNCTION_INFO_V1(ces_ci_high);
PG_FUNCTION_INFO_V1(ces_p_value);

/* ces_summary_in(cstring): parse "ces v1 scale=S counts=C1,...,CS". */
Datum
ces_summary_in(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = rating_parse(&ces_kind, PG_GETARG_CSTRING(0), fcinfo->context);

	if (summary == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(summary);
}

/* ces_summary_out(ces_summary): the canonical text form. */
Datum
ces_summary_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(rating_format(&ces_kind, PG_GETARG_RATINGS(0)));
}

/* ces_summary_recv(internal): version byte, int32 scale, one int64 per score. */
Datum
ces_summary_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(rating_receive(&ces_kind, (StringInfo) PG_GETARG_POINTER(0)));
}

/* The state argument, updated in place inside an aggregate. */
static RatingSummary *
ces_state(FunctionCallInfo fcinfo)
{
	return summary_state_for_update(fcinfo, sizeof(RatingSummary));
}

/* ces_agg(score, scale) transition. */
Datum
ces_agg_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	rating_count(&ces_kind, state, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

/* ces_agg(score, scale) inverse transition, for window frames. */
Datum
ces_agg_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	rating_uncount(&ces_kind, state, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

/* ces_agg(score) transition: the common 7-point scale. */
Datum
ces_agg_7pt_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	rating_count(&ces_kind, state, PG_GETARG_INT32(1), CES_DEFAULT_SCALE);
	PG_RETURN_POINTER(state);
}

/* ces_agg(score) inverse transition. */
Datum
ces_agg_7pt_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	rating_uncount(&ces_kind, state, PG_GETARG_INT32(1), CES_DEFAULT_SCALE);
	PG_RETURN_POINTER(state);
}

/* rollup transition and combine: add another summary on the same scale. */
Datum
ces_rollup_trans(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	rating_merge(&ces_kind, state, PG_GETARG_RATINGS(1));
	PG_RETURN_POINTER(state);
}

/*
 * rollup inverse transition: subtract a summary added before; NULL (recompute
 * the frame) when no answers are left, see rating_unmerge.
 */
Datum
ces_rollup_inv(PG_FUNCTION_ARGS)
{
	RatingSummary *state = ces_state(fcinfo);

	if (!rating_unmerge(&ces_kind, state, PG_GETARG_RATINGS(1)))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

/* ces(ces_summary): the mean score, NULL without answers. */
Datum
ces_score(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);

	if (rating_total(summary) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rating_mean(summary));
}

/* responses(ces_summary) */
Datum
ces_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(rating_total(PG_GETARG_RATINGS(0)));
}

/*
 * Student-t interval of the mean score, clipped to the scale; false with
 * fewer than two answers.
 */
static bool
ces_interval(const RatingSummary *summary, float8 confidence, double *low, double *high)
{
	int64		n = rating_total(summary);
	double		margin;

	stats_check_confidence(confidence);
	if (n < 2)
		return false;
	margin = stats_t_quantile(confidence, (double) (n - 1)) *
		sqrt(rating_variance(summary) / (double) n);
	*low = Max(1.0, rating_mean(summary) - margin);
	*high = Min((double) summary->scale, rating_mean(summary) + margin);
	return true;
}

/* ci_low(ces_summary, confidence): lower bound of the mean score. */
Datum
ces_ci_low(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!ces_interval(PG_GETARG_RATINGS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(low);
}

/* ci_high(ces_summary, confidence): upper bound of the mean score. */
Datum
ces_ci_high(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!ces_interval(PG_GETARG_RATINGS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(high);
}

/* p_value(ces_summary, ces_summary): Welch's t-test on the mean scores. */
Datum
ces_p_value(PG_FUNCTION_ARGS)
{
	RatingSummary *a = PG_GETARG_RATINGS(0);
	RatingSummary *b = PG_GETARG_RATINGS(1);
	int64		n_a = rating_total(a);
	int64		n_b = rating_total(b);

	rating_check_same_scale(&ces_kind, a, b);
	if (n_a < 2 || n_b < 2)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stats_welch_p(stats_mean_difference(rating_sum(a), n_a, rating_sum(b), n_b),
								   rating_variance(a), (double) n_a, rating_variance(b), (double) n_b));
}
