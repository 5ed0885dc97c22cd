/*-------------------------------------------------------------------------
 *
 * ratings.c
 *	  Survey answers counted per rating: the text and binary forms,
 *	  counting, merging and the exact mean and variance, shared by
 *	  csat_summary (csat.c) and ces_summary (ces.c).
 *
 * Keeping every rating's count, not just one share, lets users move a
 * threshold, read the mean and its variance, and remove answers again when
 * a window frame slides.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"

#include "ratings.h"

PG_FUNCTION_INFO_V1(rating_summary_send);
PG_FUNCTION_INFO_V1(rating_summary_eq);
PG_FUNCTION_INFO_V1(rating_summary_ne);
PG_FUNCTION_INFO_V1(rating_summary_hash);

/* A new summary on the given scale with no answers. */
static RatingSummary *
rating_make(int32 scale)
{
	RatingSummary *summary = palloc0(sizeof(RatingSummary));

	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->scale = scale;
	return summary;
}

/* Whether a scale is one a summary can hold (0 means no answers yet). */
static bool
scale_is_valid(int64 scale)
{
	return scale == 0 || (scale >= RATING_MIN_SCALE && scale <= RATING_MAX_SCALE);
}

#define INVALID_SCALE_REASON "The scale must be 0 (no responses) or between 2 and 10 points."
#define TOTAL_OVERFLOW_REASON "The total number of responses is out of range for a 64-bit count."

/*
 * Parse "<tag> v1 scale=S counts=C1,...,CS"; bad input is reported through
 * escontext (see SummaryParser) and then the result is NULL.
 */
RatingSummary *
rating_parse(const RatingKind *kind, const char *input, Node *escontext)
{
	SummaryParser parser;
	RatingSummary *summary;
	int64		scale;
	int64		counts[RATING_MAX_SCALE];
	int			ncounts;

	summary_parse_begin(&parser, kind->typname, kind->tag, input, escontext);
	scale = summary_parse_count(&parser, "scale");
	if (!scale_is_valid(scale))
		summary_parse_reject(&parser, INVALID_SCALE_REASON);
	ncounts = summary_parse_count_list(&parser, "counts", counts, RATING_MAX_SCALE);
	summary_parse_end(&parser);
	if (ncounts != scale)
		summary_parse_reject(&parser,
							 psprintf("A scale of " INT64_FORMAT " needs " INT64_FORMAT " counts, one per %s, but %d were given.",
									  scale, scale, kind->answer, ncounts));
	if (!summary_counts_fit(counts, ncounts))
		summary_parse_reject(&parser, TOTAL_OVERFLOW_REASON);
	if (parser.failed)
		return NULL;

	summary = rating_make((int32) scale);
	memcpy(summary->counts, counts, ncounts * sizeof(int64));
	return summary;
}

/* The canonical text form. */
char *
rating_format(const RatingKind *kind, const RatingSummary *summary)
{
	StringInfoData buf;

	summary_text_begin(&buf, kind->tag);
	summary_text_count(&buf, "scale", summary->scale);
	appendStringInfoString(&buf, " counts=");
	for (int i = 0; i < summary->scale; i++)
		appendStringInfo(&buf, "%s" INT64_FORMAT, i > 0 ? "," : "", summary->counts[i]);
	return buf.data;
}

/* Read the binary form: version byte, int32 scale, one int64 per rating. */
RatingSummary *
rating_receive(const RatingKind *kind, StringInfo buf)
{
	RatingSummary *summary;
	int32		scale;

	summary_recv_version(buf, kind->typname);
	if (buf->len - buf->cursor < (int) sizeof(int32))
		summary_reject_binary(kind->typname, "The value ends before its scale.");
	scale = (int32) pq_getmsgint(buf, sizeof(int32));
	if (!scale_is_valid(scale))
		summary_reject_binary(kind->typname, INVALID_SCALE_REASON);
	summary_recv_expect_length(buf, scale * sizeof(int64), kind->typname);
	summary = rating_make(scale);
	for (int i = 0; i < scale; i++)
		summary->counts[i] = summary_recv_count(buf, kind->typname);
	if (!summary_counts_fit(summary->counts, RATING_MAX_SCALE))
		summary_reject_binary(kind->typname, TOTAL_OVERFLOW_REASON);
	return summary;
}

/* csat_summary_send and ces_summary_send: the form rating_receive reads. */
Datum
rating_summary_send(PG_FUNCTION_ARGS)
{
	RatingSummary *summary = PG_GETARG_RATINGS(0);
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
rating_equal(const RatingSummary *a, const RatingSummary *b)
{
	return a->scale == b->scale &&
		memcmp(a->counts, b->counts, sizeof(a->counts)) == 0;
}

/* = for csat_summary and ces_summary */
Datum
rating_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rating_equal(PG_GETARG_RATINGS(0), PG_GETARG_RATINGS(1)));
}

/* <> for csat_summary and ces_summary */
Datum
rating_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!rating_equal(PG_GETARG_RATINGS(0), PG_GETARG_RATINGS(1)));
}

/* Hash for csat_summary and ces_summary: equal summaries have equal bytes. */
Datum
rating_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(summary_hash_bytes(PG_GETARG_POINTER(0), sizeof(RatingSummary)));
}

/* Number of answers; inputs and merges keep it in range. */
int64
rating_total(const RatingSummary *summary)
{
	int64		total = 0;

	for (int i = 0; i < summary->scale; i++)
		total += summary->counts[i];
	return total;
}

/* Reject a scale outside 2-10 points. */
static void
check_scale(const RatingKind *kind, int32 scale)
{
	if (scale < RATING_MIN_SCALE || scale > RATING_MAX_SCALE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s scale %d is not supported", kind->metric, scale),
				 errdetail("Scales must have between %d and %d points.",
						   RATING_MIN_SCALE, RATING_MAX_SCALE)));
}

/* Fix the state's scale on its first rating; reject a different one later. */
static void
adopt_scale(const RatingKind *kind, RatingSummary *state, int32 scale)
{
	if (state->scale == 0)
		state->scale = scale;
	else if (state->scale != scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine %s %ss on different scales", kind->metric, kind->answer),
				 errdetail("One holds %d-point %ss and the other %d-point %ss.",
						   state->scale, kind->answer, scale, kind->answer)));
}

/* Reject a rating outside 1..scale. */
static void
check_rating(const RatingKind *kind, int32 rating, int32 scale)
{
	if (rating < 1 || rating > scale)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s %d is out of range", kind->metric, kind->answer, rating),
				 errdetail("%s on a %d-point scale must be between 1 and %d.",
						   kind->answers, scale, scale)));
}

/* Count one rating on the given scale. */
void
rating_count(const RatingKind *kind, RatingSummary *state, int32 rating, int32 scale)
{
	int64		total;

	check_scale(kind, scale);
	adopt_scale(kind, state, scale);
	check_rating(kind, rating, scale);
	/* Only a crafted state passed outside an aggregate can be full. */
	total = rating_total(state);
	summary_add_count(&total, 1, kind->typname);
	state->counts[rating - 1]++;
}

/* Report removing answers that were never counted. */
static void
report_not_counted(const RatingKind *kind)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove %s answers that %s does not hold", kind->metric, kind->typname)));
}

/*
 * A summary left without answers forgets its scale, so that it equals the
 * empty summary and accepts any scale again, as a fresh aggregate would.
 */
static void
forget_empty_scale(RatingSummary *state)
{
	if (rating_total(state) == 0)
		state->scale = 0;
}

/* Remove one rating counted before: the inverse for window frames. */
void
rating_uncount(const RatingKind *kind, RatingSummary *state, int32 rating, int32 scale)
{
	if (state->scale != scale || rating < 1 || rating > scale || state->counts[rating - 1] == 0)
		report_not_counted(kind);
	state->counts[rating - 1]--;
	forget_empty_scale(state);
}

/* Add another summary on the same scale. */
void
rating_merge(const RatingKind *kind, RatingSummary *state, const RatingSummary *other)
{
	int64		total = 0;

	if (other->scale == 0)
		return;
	adopt_scale(kind, state, other->scale);
	for (int i = 0; i < state->scale; i++)
	{
		summary_add_count(&state->counts[i], other->counts[i], kind->typname);
		summary_add_count(&total, state->counts[i], kind->typname);
	}
}

/*
 * Subtract a summary merged before: the inverse for window frames.  Returns
 * false when the state is left without answers: the frame may still hold
 * summaries without answers but with a scale, which a fresh rollup would
 * check, so the caller returns NULL and PostgreSQL recomputes the frame.
 */
bool
rating_unmerge(const RatingKind *kind, RatingSummary *state, const RatingSummary *other)
{
	if (other->scale == 0)
		return true;			/* nothing was added, nothing to check */
	if (state->scale != other->scale)
		report_not_counted(kind);
	for (int i = 0; i < state->scale; i++)
		if (state->counts[i] < other->counts[i])
			report_not_counted(kind);
	for (int i = 0; i < state->scale; i++)
		state->counts[i] -= other->counts[i];
	return rating_total(state) > 0;
}

/* Reject comparing summaries on different scales; empty ones fit any. */
void
rating_check_same_scale(const RatingKind *kind, const RatingSummary *a, const RatingSummary *b)
{
	RatingSummary probe = *a;

	if (b->scale != 0)
		adopt_scale(kind, &probe, b->scale);
}

/* Answers rating `lowest` or higher. */
int64
rating_count_from(const RatingSummary *summary, int32 lowest)
{
	int64		count = 0;

	for (int r = lowest; r <= summary->scale; r++)
		count += summary->counts[r - 1];
	return count;
}

/* Sum of all ratings, exact. */
int128
rating_sum(const RatingSummary *summary)
{
	int128		sum = 0;

	for (int r = 1; r <= summary->scale; r++)
		sum += (int128) r * summary->counts[r - 1];
	return sum;
}

/* Mean rating; the summary must hold answers. */
double
rating_mean(const RatingSummary *summary)
{
	double		weighted = 0;

	for (int r = 1; r <= summary->scale; r++)
		weighted += (double) r * (double) summary->counts[r - 1];
	return weighted / (double) rating_total(summary);
}

/* Sample variance of the ratings; the summary must hold two answers. */
double
rating_variance(const RatingSummary *summary)
{
	double		mean = rating_mean(summary);
	double		squares = 0;

	for (int r = 1; r <= summary->scale; r++)
		squares += (double) summary->counts[r - 1] * (r - mean) * (r - mean);
	return squares / (double) (rating_total(summary) - 1);
}

/* Reject a rating argument (a threshold or a rating asked about) off the scale. */
void
rating_check_rating_arg(const RatingSummary *summary, int32 rating, const char *argname)
{
	if (rating < 1 || rating > summary->scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is out of range", argname, rating),
				 errdetail("On a %d-point scale it must be between 1 and %d.",
						   summary->scale, summary->scale)));
}
