/*-------------------------------------------------------------------------
 *
 * duration.h
 *	  The duration_summary representation shared by duration.c (the SQL
 *	  functions) and duration_buckets.c (the histogram itself).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_DURATION_H
#define CSMETRICS_DURATION_H

#include "csmetrics.h"

#define DURATION_TYPNAME "duration_summary"

/*
 * Bucket i holds exactly the value i below EXACT_LIMIT; above it each power
 * of two is cut into SUB_BUCKETS equal buckets.
 */
#define SUB_BUCKET_BITS 6
#define SUB_BUCKETS (1 << SUB_BUCKET_BITS)
#define EXACT_LIMIT (2 * SUB_BUCKETS)
#define MAX_BUCKET_INDEX 3711	/* duration_bucket(PG_INT64_MAX) */

/*
 * A summary is stored in one of two forms.  The list form keeps the bucket
 * index of every duration as an int16, unsorted: small for few durations.
 * The dense form keeps an int64 count per bucket from first_index on: small
 * for many durations over a narrow range.  Both hold the same exact
 * statistics, and text, binary, equality and hashing see only the buckets'
 * counts, never the form.
 */
#define DURATION_FLAG_LIST 0x01

typedef struct DurationSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* DURATION_FLAG_LIST; other bits zero */
	int16		reserved;		/* always zero */
	int32		first_index;	/* dense form: bucket index of counts[0] */
	int32		nbuckets;		/* dense: entries in counts[]; list: indexes */
	int64		count;
	int64		min_us;
	int64		max_us;
	uint64		sum_low;		/* sum of durations, as two halves */
	int64		sum_high;		/* because varlena data is only 8-aligned */
	uint64		sumsq_low;		/* sum of squared durations */
	int64		sumsq_high;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];	/* or int16 indexes, list form */
} DurationSummary;

#define DURATION_HEADER_SIZE offsetof(DurationSummary, counts)
#define DURATION_LIST(summary) ((int16 *) (summary)->counts)
#define DURATION_IS_LIST(summary) (((summary)->flags & DURATION_FLAG_LIST) != 0)
#define PG_GETARG_DURATION(n) ((DurationSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* The bucket holding a non-negative duration. */
static inline int32
duration_bucket(int64 usecs)
{
	int			exponent;

	if (usecs < EXACT_LIMIT)
		return (int32) usecs;
	exponent = 63 - __builtin_clzll((uint64) usecs);
	return (exponent - SUB_BUCKET_BITS) * SUB_BUCKETS +
		(int32) (usecs >> (exponent - SUB_BUCKET_BITS));
}

static inline int128
duration_get_sum(const DurationSummary *summary)
{
	return ((int128) summary->sum_high << 64) | (int128) summary->sum_low;
}

static inline int128
duration_get_sumsq(const DurationSummary *summary)
{
	return ((int128) summary->sumsq_high << 64) | (int128) summary->sumsq_low;
}

extern void duration_bucket_bounds(int32 index, uint64 *lowest, uint64 *highest);
extern void duration_set_sum(DurationSummary *summary, int128 value);
extern void duration_set_sumsq(DurationSummary *summary, int128 value);
extern DurationSummary *duration_make_dense(int32 first_index, int32 nbuckets);
extern DurationSummary *duration_make_list(int32 capacity);
extern DurationSummary *duration_dense(const DurationSummary *summary);
extern DurationSummary *duration_compact(const DurationSummary *summary);
extern DurationSummary *duration_add(DurationSummary *state, int64 usecs);
extern DurationSummary *duration_merge(DurationSummary *state,
									   const DurationSummary *other);
extern int64 duration_quantile(const DurationSummary *dense, float8 q);
extern bool duration_equal(const DurationSummary *a, const DurationSummary *b);
extern uint32 duration_hash(const DurationSummary *summary);

#endif							/* CSMETRICS_DURATION_H */
