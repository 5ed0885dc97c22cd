/*-------------------------------------------------------------------------
 *
 * nps.c
 *	  nps_summary: Net Promoter Score answers counted by band, its
 *	  aggregates (nps_agg, rollup) and accessors.
 *
 * Promoters answer 9-10, passives 7-8, detractors 0-6.  The three counts
 * are all that NPS and its trinomial variance need, and they merge exactly.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "libpq/pqformat.h"

#include "csmetrics.h"

#define NPS_TYPNAME "nps_summary"

typedef struct NpsSummary
{
	int32		version;		/* CSMETRICS_FORMAT_VERSION */
	int32		flags;			/* reserved, always zero */
	int64		detractors;
	int64		passives;
	int64		promoters;
} NpsSummary;

#define PG_GETARG_NPS(n) ((NpsSummary *) PG_GETARG_POINTER(n))

PG_FUNCTION_INFO_V1(nps_summary_in);
PG_FUNCTION_INFO_V1(nps_summary_out);
PG_FUNCTION_INFO_V1(nps_summary_recv);
PG_FUNCTION_INFO_V1(nps_summary_send);
PG_FUNCTION_INFO_V1(nps_summary_eq);
PG_FUNCTION_INFO_V1(nps_summary_ne);
PG_FUNCTION_INFO_V1(nps_summary_hash);
PG_FUNCTION_INFO_V1(nps_agg_trans);
PG_FUNCTION_INFO_V1(nps_agg_inv);
PG_FUNCTION_INFO_V1(nps_rollup_trans);
PG_FUNCTION_INFO_V1(nps_rollup_inv);
PG_FUNCTION_INFO_V1(nps_margin);
PG_FUNCTION_INFO_V1(nps_ci_low);
PG_FUNCTION_INFO_V1(nps_ci_high);
PG_FUNCTION_INFO_V1(nps_p_value);
PG_FUNCTION_INFO_V1(nps_score);
PG_FUNCTION_INFO_V1(nps_promoters);
PG_FUNCTION_INFO_V1(nps_passives);
PG_FUNCTION_INFO_V1(nps_detractors);
PG_FUNCTION_INFO_V1(nps_responses);

/* A new summary with the given counts. */
static NpsSummary *
nps_make(int64 detractors, int64 passives, int64 promoters)
{
	NpsSummary *summary = palloc0(sizeof(NpsSummary));

	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->detractors = detractors;
	summary->passives = passives;
	summary->promoters = promoters;
	return summary;
}

/* Why counts read from outside cannot form a summary, or NULL if they can. */
static const char *
nps_invalid_reason(const NpsSummary *summary)
{
	int64		counts[3] = {summary->detractors, summary->passives, summary->promoters};

	if (!summary_counts_fit(counts, 3))
		return "The total number of responses is out of range for a 64-bit count.";
	return NULL;
}

/* nps_summary_in(cstring): parse "nps v1 promoters=P passives=A detractors=D". */
Datum
nps_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	NpsSummary *summary;
	const char *reason;
	int64		promoters;
	int64		passives;
	int64		detractors;

	summary_parse_begin(&parser, NPS_TYPNAME, "nps", input, fcinfo->context);
	promoters = summary_parse_count(&parser, "promoters");
	passives = summary_parse_count(&parser, "passives");
	detractors = summary_parse_count(&parser, "detractors");
	summary_parse_end(&parser);

	summary = nps_make(detractors, passives, promoters);
	if ((reason = nps_invalid_reason(summary)) != NULL)
		summary_parse_reject(&parser, reason);
	if (parser.failed)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(summary);
}

/* nps_summary_out(nps_summary): the canonical text form. */
Datum
nps_summary_out(PG_FUNCTION_ARGS)
{
	NpsSummary *summary = PG_GETARG_NPS(0);
	StringInfoData buf;

	summary_text_begin(&buf, "nps");
	summary_text_count(&buf, "promoters", summary->promoters);
	summary_text_count(&buf, "passives", summary->passives);
	summary_text_count(&buf, "detractors", summary->detractors);
	PG_RETURN_CSTRING(buf.data);
}

/* nps_summary_recv(internal): version byte, then promoters, passives, detractors. */
Datum
nps_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	NpsSummary *summary;
	const char *reason;
	int64		promoters;
	int64		passives;
	int64		detractors;

	summary_recv_version(buf, NPS_TYPNAME);
	summary_recv_expect_length(buf, 3 * sizeof(int64), NPS_TYPNAME);
	promoters = summary_recv_count(buf, NPS_TYPNAME);
	passives = summary_recv_count(buf, NPS_TYPNAME);
	detractors = summary_recv_count(buf, NPS_TYPNAME);

	summary = nps_make(detractors, passives, promoters);
	if ((reason = nps_invalid_reason(summary)) != NULL)
		summary_reject_binary(NPS_TYPNAME, reason);
	PG_RETURN_POINTER(summary);
}

/* nps_summary_send(nps_summary): the binary form read by nps_summary_recv. */
Datum
nps_summary_send(PG_FUNCTION_ARGS)
{
	NpsSummary *summary = PG_GETARG_NPS(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint64(&buf, summary->promoters);
	pq_sendint64(&buf, summary->passives);
	pq_sendint64(&buf, summary->detractors);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries hold the same counts. */
static bool
nps_equal(const NpsSummary *a, const NpsSummary *b)
{
	return a->promoters == b->promoters &&
		a->passives == b->passives &&
		a->detractors == b->detractors;
}

/* nps_summary = nps_summary */
Datum
nps_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(nps_equal(PG_GETARG_NPS(0), PG_GETARG_NPS(1)));
}

/* nps_summary <> nps_summary */
Datum
nps_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!nps_equal(PG_GETARG_NPS(0), PG_GETARG_NPS(1)));
}

/* nps_summary_hash(nps_summary): equal summaries have equal bytes, so hash those. */
Datum
nps_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(summary_hash_bytes(PG_GETARG_POINTER(0), sizeof(NpsSummary)));
}

/* Number of answers in a summary; inputs and merges keep it in range. */
static int64
nps_total(const NpsSummary *summary)
{
	return summary->promoters + summary->passives + summary->detractors;
}

/* nps_agg transition: count one 0-10 answer into its band. */
Datum
nps_agg_trans(PG_FUNCTION_ARGS)
{
	NpsSummary *state = summary_state_for_update(fcinfo, sizeof(NpsSummary));
	int32		score = PG_GETARG_INT32(1);
	int64		total = nps_total(state);

	/* Only a crafted state passed outside an aggregate can be full. */
	summary_add_count(&total, 1, NPS_TYPNAME);
	if (score >= 9 && score <= 10)
		state->promoters++;
	else if (score >= 7 && score <= 8)
		state->passives++;
	else if (score >= 0 && score <= 6)
		state->detractors++;
	else
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("NPS score %d is out of range", score),
				 errdetail("Scores must be between 0 and 10.")));
	PG_RETURN_POINTER(state);
}

/* Report removing answers that were never counted. */
static void
report_not_counted(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove NPS answers that nps_summary does not hold")));
}

/* Decrement a band's count, which must hold the answer. */
static void
uncount(int64 *band)
{
	if (*band <= 0)
		report_not_counted();
	(*band)--;
}

/* nps_agg inverse transition, for window frames: remove one answer. */
Datum
nps_agg_inv(PG_FUNCTION_ARGS)
{
	NpsSummary *state = summary_state_for_update(fcinfo, sizeof(NpsSummary));
	int32		score = PG_GETARG_INT32(1);

	if (score >= 9 && score <= 10)
		uncount(&state->promoters);
	else if (score >= 7 && score <= 8)
		uncount(&state->passives);
	else if (score >= 0 && score <= 6)
		uncount(&state->detractors);
	else
		report_not_counted();
	PG_RETURN_POINTER(state);
}

/* rollup transition and combine: add another summary's counts. */
Datum
nps_rollup_trans(PG_FUNCTION_ARGS)
{
	NpsSummary *state = summary_state_for_update(fcinfo, sizeof(NpsSummary));
	NpsSummary *other = PG_GETARG_NPS(1);
	int64		total = 0;

	summary_add_count(&state->promoters, other->promoters, NPS_TYPNAME);
	summary_add_count(&state->passives, other->passives, NPS_TYPNAME);
	summary_add_count(&state->detractors, other->detractors, NPS_TYPNAME);
	summary_add_count(&total, state->promoters, NPS_TYPNAME);
	summary_add_count(&total, state->passives, NPS_TYPNAME);
	summary_add_count(&total, state->detractors, NPS_TYPNAME);
	PG_RETURN_POINTER(state);
}

/* rollup inverse transition: subtract a summary added before. */
Datum
nps_rollup_inv(PG_FUNCTION_ARGS)
{
	NpsSummary *state = summary_state_for_update(fcinfo, sizeof(NpsSummary));
	NpsSummary *other = PG_GETARG_NPS(1);

	if (state->promoters < other->promoters || state->passives < other->passives ||
		state->detractors < other->detractors)
		report_not_counted();
	state->promoters -= other->promoters;
	state->passives -= other->passives;
	state->detractors -= other->detractors;
	PG_RETURN_POINTER(state);
}

/* nps(nps_summary): % promoters minus % detractors, NULL without answers. */
Datum
nps_score(PG_FUNCTION_ARGS)
{
	NpsSummary *summary = PG_GETARG_NPS(0);
	int64		total = nps_total(summary);

	if (total == 0)
		PG_RETURN_NULL();
	/* Subtract counts first: one rounding step, and exact 0 for a tie. */
	PG_RETURN_FLOAT8(100.0 * ((double) summary->promoters - (double) summary->detractors) / (double) total);
}

/* promoters(nps_summary) */
Datum
nps_promoters(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_NPS(0)->promoters);
}

/* passives(nps_summary) */
Datum
nps_passives(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_NPS(0)->passives);
}

/* detractors(nps_summary) */
Datum
nps_detractors(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_NPS(0)->detractors);
}

/* responses(nps_summary) */
Datum
nps_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nps_total(PG_GETARG_NPS(0)));
}

/* NPS in points and its trinomial variance per answer, in points squared. */
static void
nps_estimate(const NpsSummary *summary, double *score, double *variance)
{
	double		n = (double) nps_total(summary);
	double		p = (double) summary->promoters / n;
	double		d = (double) summary->detractors / n;

	*score = 100.0 * (p - d);
	*variance = 10000.0 * (p + d - (p - d) * (p - d));
}

/*
 * z times the standard error of NPS, in points, and NPS itself in *score;
 * the summary holds answers.
 */
static double
nps_margin_points(const NpsSummary *summary, float8 confidence, double *score)
{
	double		variance;

	nps_estimate(summary, score, &variance);
	return stats_z(confidence) * sqrt(variance / (double) nps_total(summary));
}

/* nps_margin(nps_summary, confidence): the margin of error in NPS points. */
Datum
nps_margin(PG_FUNCTION_ARGS)
{
	NpsSummary *summary = PG_GETARG_NPS(0);
	double		score;

	stats_check_confidence(PG_GETARG_FLOAT8(1));
	if (nps_total(summary) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(nps_margin_points(summary, PG_GETARG_FLOAT8(1), &score));
}

/* NPS minus and plus its margin, clipped to [-100, 100]; false without answers. */
static bool
nps_interval(const NpsSummary *summary, float8 confidence, double *low, double *high)
{
	double		score;
	double		margin;

	stats_check_confidence(confidence);
	if (nps_total(summary) == 0)
		return false;
	margin = nps_margin_points(summary, confidence, &score);
	*low = Max(-100.0, score - margin);
	*high = Min(100.0, score + margin);
	return true;
}

/* ci_low(nps_summary, confidence): NPS minus the margin, at least -100. */
Datum
nps_ci_low(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!nps_interval(PG_GETARG_NPS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(low);
}

/* ci_high(nps_summary, confidence): NPS plus the margin, at most 100. */
Datum
nps_ci_high(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!nps_interval(PG_GETARG_NPS(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(high);
}

/* p_value(nps_summary, nps_summary): the difference over its combined SE. */
Datum
nps_p_value(PG_FUNCTION_ARGS)
{
	NpsSummary *a = PG_GETARG_NPS(0);
	NpsSummary *b = PG_GETARG_NPS(1);
	double		score_a;
	double		score_b;
	double		variance_a;
	double		variance_b;

	if (nps_total(a) == 0 || nps_total(b) == 0)
		PG_RETURN_NULL();
	nps_estimate(a, &score_a, &variance_a);
	nps_estimate(b, &score_b, &variance_b);
	PG_RETURN_FLOAT8(stats_normal_p(score_a - score_b,
									sqrt(variance_a / (double) nps_total(a) +
										 variance_b / (double) nps_total(b))));
}
