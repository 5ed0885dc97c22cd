/*-------------------------------------------------------------------------
 *
 * ratings.h
 *	  Survey answers counted per rating on a 2- to 10-point scale: the
 *	  representation behind csat_summary and ces_summary.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_RATINGS_H
#define CSMETRICS_RATINGS_H

#include "csmetrics.h"

#define RATING_MIN_SCALE 2
#define RATING_MAX_SCALE 10

/* What differs between the survey types sharing this representation. */
typedef struct RatingKind
{
	const char *typname;		/* SQL type, e.g. "csat_summary" */
	const char *tag;			/* text-form tag, e.g. "csat" */
	const char *metric;			/* name in messages, e.g. "CSAT" */
	const char *answer;			/* one answer in messages: "rating" */
	const char *answers;		/* answers, capitalized: "Ratings" */
} RatingKind;

/*
 * Counts per rating.  A summary with no answers has scale 0 until its first
 * rating fixes the scale.
 */
typedef struct RatingSummary
{
	int32		version;		/* CSMETRICS_FORMAT_VERSION */
	int32		scale;			/* points on the scale, 0 before any rating */
	int64		counts[RATING_MAX_SCALE];	/* counts[r - 1]: answers rating r */
} RatingSummary;

#define PG_GETARG_RATINGS(n) ((RatingSummary *) PG_GETARG_POINTER(n))

extern RatingSummary *rating_parse(const RatingKind *kind, const char *input,
								   Node *escontext);
extern char *rating_format(const RatingKind *kind, const RatingSummary *summary);
extern RatingSummary *rating_receive(const RatingKind *kind, StringInfo buf);
extern void rating_count(const RatingKind *kind, RatingSummary *state,
						 int32 rating, int32 scale);
extern void rating_uncount(const RatingKind *kind, RatingSummary *state,
						   int32 rating, int32 scale);
extern void rating_merge(const RatingKind *kind, RatingSummary *state,
						 const RatingSummary *other);
extern bool rating_unmerge(const RatingKind *kind, RatingSummary *state,
						   const RatingSummary *other);
extern void rating_check_same_scale(const RatingKind *kind, const RatingSummary *a,
									const RatingSummary *b);
extern int64 rating_total(const RatingSummary *summary);
extern int64 rating_count_from(const RatingSummary *summary, int32 lowest);
extern int128 rating_sum(const RatingSummary *summary);
extern double rating_mean(const RatingSummary *summary);
extern double rating_variance(const RatingSummary *summary);
extern void rating_check_rating_arg(const RatingSummary *summary, int32 rating,
									const char *argname);

#endif							/* CSMETRICS_RATINGS_H */
