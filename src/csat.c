/*-------------------------------------------------------------------------
 *
 * csat.c
 *	  csat_summary: customer satisfaction answers counted per rating on a
 *	  2- to 10-point scale, its aggregates (csat_agg, rollup) and accessors.
 *
 * Keeping every rating's count, not just the satisfied share, lets users
 * move the satisfaction threshold and read the mean and composite score
 * from stored summaries.  A summary with no answers has scale 0 until its
 * first rating fixes the scale.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"

#include "csmetrics.h"

#define CSAT_TYPNAME "csat_summary"
#define CSAT_MIN_SCALE 2
#define CSAT_MAX_SCALE 10
#define CSAT_DEFAULT_SCALE 5

typedef struct CsatSummary
{
	int32		version;		/* CSMETRICS_FORMAT_VERSION */
	int32		scale;			/* points on the scale, 0 before any rating */
	int64		counts[CSAT_MAX_SCALE]; /* counts[r - 1]: answers rating r */
} CsatSummary;

#define PG_GETARG_CSAT(n) ((CsatSummary *) PG_GETARG_POINTER(n))

PG_FUNCTION_INFO_V1(csat_summary_in);
PG_FUNCTION_INFO_V1(csat_summary_out);
PG_FUNCTION_INFO_V1(csat_summary_recv);
PG_FUNCTION_INFO_V1(csat_summary_send);
PG_FUNCTION_INFO_V1(csat_summary_eq);
PG_FUNCTION_INFO_V1(csat_summary_ne);
PG_FUNCTION_INFO_V1(csat_summary_hash);
PG_FUNCTION_INFO_V1(csat_agg_trans);
PG_FUNCTION_INFO_V1(csat_agg_5pt_trans);
PG_FUNCTION_INFO_V1(csat_agg_bool_trans);
PG_FUNCTION_INFO_V1(csat_rollup_trans);
PG_FUNCTION_INFO_V1(csat_score);
PG_FUNCTION_INFO_V1(csat_score_from);
PG_FUNCTION_INFO_V1(csat_mean);
PG_FUNCTION_INFO_V1(csat_composite);
PG_FUNCTION_INFO_V1(csat_responses);
PG_FUNCTION_INFO_V1(csat_satisfied);
PG_FUNCTION_INFO_V1(csat_rating_count);

/* A new summary on the given scale with no answers. */
static CsatSummary *
csat_make(int32 scale)
{
	CsatSummary *summary = palloc0(sizeof(CsatSummary));

	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->scale = scale;
	return summary;
}

/* Whether a scale is one a summary can hold (0 means no answers yet). */
static bool
csat_scale_is_valid(int64 scale)
{
	return scale == 0 || (scale >= CSAT_MIN_SCALE && scale <= CSAT_MAX_SCALE);
}

/* Why counts read from outside cannot form a summary, or NULL if they can. */
static const char *
csat_invalid_reason(const CsatSummary *summary)
{
	if (!summary_counts_fit(summary->counts, CSAT_MAX_SCALE))
		return "The total number of responses is out of range for a 64-bit count.";
	return NULL;
}

/* Reject a rating scale outside 2-10 points. */
static void
csat_check_scale(int32 scale)
{
	if (scale < CSAT_MIN_SCALE || scale > CSAT_MAX_SCALE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("CSAT scale %d is not supported", scale),
				 errdetail("Scales must have between %d and %d points.",
						   CSAT_MIN_SCALE, CSAT_MAX_SCALE)));
}

/* Fix the state's scale on its first rating; reject a different one later. */
static void
csat_adopt_scale(CsatSummary *state, int32 scale)
{
	if (state->scale == 0)
		state->scale = scale;
	else if (state->scale != scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine CSAT ratings on different scales"),
				 errdetail("One holds %d-point ratings and the other %d-point ratings.",
						   state->scale, scale)));
}

/* csat_summary_in(cstring): parse "csat v1 scale=S counts=C1,...,CS". */
Datum
csat_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	CsatSummary *summary;
	const char *reason;
	int64		scale;
	int64		counts[CSAT_MAX_SCALE];
	int			ncounts;

	summary_parse_begin(&parser, CSAT_TYPNAME, "csat", input);
	scale = summary_parse_count(&parser, "scale");
	if (!csat_scale_is_valid(scale))
		summary_reject_text(CSAT_TYPNAME, input,
							"The scale must be 0 (no responses) or between 2 and 10 points.");
	ncounts = summary_parse_count_list(&parser, "counts", counts, CSAT_MAX_SCALE);
	summary_parse_end(&parser);
	if (ncounts != scale)
		summary_reject_text(CSAT_TYPNAME, input,
							psprintf("A scale of " INT64_FORMAT " needs " INT64_FORMAT " counts, one per rating, but %d were given.",
									 scale, scale, ncounts));

	summary = csat_make((int32) scale);
	memcpy(summary->counts, counts, ncounts * sizeof(int64));
	if ((reason = csat_invalid_reason(summary)) != NULL)
		summary_reject_text(CSAT_TYPNAME, input, reason);
	PG_RETURN_POINTER(summary);
}

/* csat_summary_out(csat_summary): the canonical text form. */
Datum
csat_summary_out(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);
	StringInfoData buf;

	summary_text_begin(&buf, "csat");
	summary_text_count(&buf, "scale", summary->scale);
	appendStringInfoString(&buf, " counts=");
	for (int i = 0; i < summary->scale; i++)
		appendStringInfo(&buf, "%s" INT64_FORMAT, i > 0 ? "," : "", summary->counts[i]);
	PG_RETURN_CSTRING(buf.data);
}

/* csat_summary_recv(internal): version byte, int32 scale, one int64 per rating. */
Datum
csat_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CsatSummary *summary;
	const char *reason;
	int32		scale;

	summary_recv_version(buf, CSAT_TYPNAME);
	if (buf->len - buf->cursor < (int) sizeof(int32))
		summary_reject_binary(CSAT_TYPNAME, "The value ends before its scale.");
	scale = (int32) pq_getmsgint(buf, sizeof(int32));
	if (!csat_scale_is_valid(scale))
		summary_reject_binary(CSAT_TYPNAME,
							  "The scale must be 0 (no responses) or between 2 and 10 points.");
	summary_recv_expect_length(buf, scale * sizeof(int64), CSAT_TYPNAME);
	summary = csat_make(scale);
	for (int i = 0; i < scale; i++)
		summary->counts[i] = summary_recv_count(buf, CSAT_TYPNAME);
	if ((reason = csat_invalid_reason(summary)) != NULL)
		summary_reject_binary(CSAT_TYPNAME, reason);
	PG_RETURN_POINTER(summary);
}

/* csat_summary_send(csat_summary): the binary form read by csat_summary_recv. */
Datum
csat_summary_send(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint32(&buf, summary->scale);
	for (int i = 0; i < summary->scale; i++)
		pq_sendint64(&buf, summary->counts[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries have the same scale and counts. */
static bool
csat_equal(const CsatSummary *a, const CsatSummary *b)
{
	return a->scale == b->scale &&
		memcmp(a->counts, b->counts, sizeof(a->counts)) == 0;
}

/* csat_summary = csat_summary */
Datum
csat_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(csat_equal(PG_GETARG_CSAT(0), PG_GETARG_CSAT(1)));
}

/* csat_summary <> csat_summary */
Datum
csat_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!csat_equal(PG_GETARG_CSAT(0), PG_GETARG_CSAT(1)));
}

/* csat_summary_hash(csat_summary): equal summaries have equal bytes, so hash those. */
Datum
csat_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(summary_hash_bytes(PG_GETARG_POINTER(0), sizeof(CsatSummary)));
}

/* Number of answers; inputs and merges keep it in range. */
static int64
csat_total(const CsatSummary *summary)
{
	int64		total = 0;

	for (int i = 0; i < summary->scale; i++)
		total += summary->counts[i];
	return total;
}

/* Count one rating on the given scale into the state. */
static void
csat_count_rating(CsatSummary *state, int32 rating, int32 scale)
{
	int64		total;

	csat_check_scale(scale);
	csat_adopt_scale(state, scale);
	if (rating < 1 || rating > scale)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("CSAT rating %d is out of range", rating),
				 errdetail("Ratings on a %d-point scale must be between 1 and %d.",
						   scale, scale)));
	/* Only a crafted state passed outside an aggregate can be full. */
	total = csat_total(state);
	summary_add_count(&total, 1, CSAT_TYPNAME);
	state->counts[rating - 1]++;
}

/* csat_agg(rating, scale) transition. */
Datum
csat_agg_trans(PG_FUNCTION_ARGS)
{
	CsatSummary *state = summary_state_for_update(fcinfo, sizeof(CsatSummary));

	csat_count_rating(state, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

/* csat_agg(rating) transition: the common 5-point scale. */
Datum
csat_agg_5pt_trans(PG_FUNCTION_ARGS)
{
	CsatSummary *state = summary_state_for_update(fcinfo, sizeof(CsatSummary));

	csat_count_rating(state, PG_GETARG_INT32(1), CSAT_DEFAULT_SCALE);
	PG_RETURN_POINTER(state);
}

/* csat_agg(satisfied boolean) transition: a 2-point scale, true is the top. */
Datum
csat_agg_bool_trans(PG_FUNCTION_ARGS)
{
	CsatSummary *state = summary_state_for_update(fcinfo, sizeof(CsatSummary));
	bool		satisfied = PG_GETARG_BOOL(1);

	csat_count_rating(state, satisfied ? 2 : 1, 2);
	PG_RETURN_POINTER(state);
}

/* rollup transition and combine: add another summary on the same scale. */
Datum
csat_rollup_trans(PG_FUNCTION_ARGS)
{
	CsatSummary *state = summary_state_for_update(fcinfo, sizeof(CsatSummary));
	CsatSummary *other = PG_GETARG_CSAT(1);
	int64		total = 0;

	if (other->scale == 0)
		PG_RETURN_POINTER(state);
	csat_adopt_scale(state, other->scale);
	for (int i = 0; i < state->scale; i++)
	{
		summary_add_count(&state->counts[i], other->counts[i], CSAT_TYPNAME);
		summary_add_count(&total, state->counts[i], CSAT_TYPNAME);
	}
	PG_RETURN_POINTER(state);
}

/* Answers rating satisfied_from or higher. */
static int64
csat_count_from(const CsatSummary *summary, int32 satisfied_from)
{
	int64		count = 0;

	for (int r = satisfied_from; r <= summary->scale; r++)
		count += summary->counts[r - 1];
	return count;
}

/* Lowest satisfied rating by default: top two from 5 points up, else the top. */
static int32
csat_default_threshold(const CsatSummary *summary)
{
	return summary->scale >= 5 ? summary->scale - 1 : summary->scale;
}

/* % of answers rating satisfied_from or higher, NULL without answers. */
static Datum
csat_percent_from(FunctionCallInfo fcinfo, const CsatSummary *summary,
				  int32 satisfied_from)
{
	int64		total = csat_total(summary);

	if (total == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) csat_count_from(summary, satisfied_from) / (double) total);
}

/* csat(csat_summary): % satisfied with the default threshold. */
Datum
csat_score(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);

	return csat_percent_from(fcinfo, summary, csat_default_threshold(summary));
}

/* csat(csat_summary, satisfied_from): % answering satisfied_from or higher. */
Datum
csat_score_from(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);
	int32		satisfied_from = PG_GETARG_INT32(1);

	if (summary->scale == 0)
		PG_RETURN_NULL();
	if (satisfied_from < 1 || satisfied_from > summary->scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("satisfied_from %d is out of range", satisfied_from),
				 errdetail("On a %d-point scale it must be between 1 and %d.",
						   summary->scale, summary->scale)));
	return csat_percent_from(fcinfo, summary, satisfied_from);
}

/* Mean rating, or -1 without answers. */
static double
csat_mean_rating(const CsatSummary *summary)
{
	int64		total = csat_total(summary);
	double		weighted = 0;

	if (total == 0)
		return -1;
	for (int r = 1; r <= summary->scale; r++)
		weighted += (double) r * (double) summary->counts[r - 1];
	return weighted / (double) total;
}

/* csat_mean(csat_summary): the mean rating. */
Datum
csat_mean(PG_FUNCTION_ARGS)
{
	double		mean = csat_mean_rating(PG_GETARG_CSAT(0));

	if (mean < 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/* csat_composite(csat_summary): mean rescaled so lowest is 0, highest 100. */
Datum
csat_composite(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);
	double		mean = csat_mean_rating(summary);

	if (mean < 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (mean - 1.0) / (double) (summary->scale - 1));
}

/* responses(csat_summary) */
Datum
csat_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(csat_total(PG_GETARG_CSAT(0)));
}

/* satisfied(csat_summary): answers at or above the default threshold. */
Datum
csat_satisfied(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);

	if (summary->scale == 0)
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(csat_count_from(summary, csat_default_threshold(summary)));
}

/* rating_count(csat_summary, rating): answers with exactly that rating. */
Datum
csat_rating_count(PG_FUNCTION_ARGS)
{
	CsatSummary *summary = PG_GETARG_CSAT(0);
	int32		rating = PG_GETARG_INT32(1);

	if (summary->scale == 0)
		PG_RETURN_INT64(0);
	if (rating < 1 || rating > summary->scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rating %d is out of range", rating),
				 errdetail("On a %d-point scale it must be between 1 and %d.",
						   summary->scale, summary->scale)));
	PG_RETURN_INT64(summary->counts[rating - 1]);
}
