/*-------------------------------------------------------------------------
 *
 * duration_buckets.h
 *	  The histogram behind duration_summary: the bucket mapping, the
 *	  structure of a summary in memory and on disk, and the operations on
 *	  it.  duration.c (the SQL functions) builds on this; this file and
 *	  duration_buckets.c know nothing of SQL beyond error reports.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_DURATION_BUCKETS_H
#define CSMETRICS_DURATION_BUCKETS_H

#include "csmetrics.h"

#define DURATION_TYPNAME "duration_summary"

/* Version written by this code; version 1 (csmetrics 0.1) is still read. */
#define DURATION_FORMAT_VERSION 2

/*
 * Bucket i holds exactly the value i below EXACT_LIMIT; above it each power
 * of two is cut into SUB_BUCKETS equal buckets.
 */
#define SUB_BUCKET_BITS 6
#define SUB_BUCKETS (1 << SUB_BUCKET_BITS)
#define EXACT_LIMIT (2 * SUB_BUCKETS)
#define MAX_BUCKET_INDEX 3711	/* duration_bucket(PG_INT64_MAX) */
#define DURATION_BUCKETS (MAX_BUCKET_INDEX + 1)

/*
 * A summary holds its buckets in one of two forms, told apart by
 * DURATION_FLAG_PACKED.  Both keep the same exact statistics in the same
 * header, and text, binary, equality and hashing see only the buckets'
 * counts, never the form.
 *
 * Packed: first_index bytes of packed bucket list (the delta-coded form of
 * the text and binary forms, see duration_pack), then, at the next even
 * offset, nbuckets int16 bucket indexes of durations not yet merged into the
 * list ("pending"), in arrival order, then spare room for more.  Small and
 * sparse summaries take this form.
 *
 * Dense: nbuckets counts of `width` bytes (1, 2, 4 or 8) for the buckets
 * from first_index on, some of them spare.  A count of width bytes is
 * updated in place, so a summary over a narrow range of buckets takes this
 * form while it is not much larger than the packed one.
 *
 * Version 1 has the same header: its list form is the packed form with an
 * empty list (first_index 0), and its dense form is the dense one with
 * 8-byte counts (width 0 there).
 */
#define DURATION_FLAG_PACKED 0x01

typedef struct DurationSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* DURATION_FORMAT_VERSION, or 1 */
	uint8		flags;			/* DURATION_FLAG_PACKED; other bits zero */
	uint8		width;			/* dense: bytes per count; packed: 0 */
	uint8		reserved;		/* always zero */
	int32		first_index;	/* dense: bucket of the first count; packed:
								 * bytes of packed list */
	int32		nbuckets;		/* dense: counts; packed: pending indexes */
	int64		count;
	int64		min_us;
	int64		max_us;
	uint64		sum_low;		/* sum of durations, as two halves */
	int64		sum_high;		/* because varlena data is only 8-aligned */
	uint64		sumsq_low;		/* sum of squared durations */
	int64		sumsq_high;
	uint8		data[FLEXIBLE_ARRAY_MEMBER];	/* the buckets, 8-aligned */
} DurationSummary;

#define DURATION_HEADER_SIZE offsetof(DurationSummary, data)
#define DURATION_IS_PACKED(summary) (((summary)->flags & DURATION_FLAG_PACKED) != 0)
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

extern void duration_set_sum(DurationSummary *summary, int128 value);
extern void duration_set_sumsq(DurationSummary *summary, int128 value);
extern void duration_bucket_bounds(int32 index, uint64 *lowest, uint64 *highest);

extern DurationSummary *duration_empty(void);
extern DurationSummary *duration_from_buckets(const DurationSummary *statistics,
											  const int32 *indexes, const int64 *counts,
											  int nbuckets);
extern void duration_prepare_state(DurationSummary *state);
extern const DurationSummary *duration_settled(const DurationSummary *summary);
extern DurationSummary *duration_compact(const DurationSummary *summary);
extern DurationSummary *duration_add(DurationSummary *state, int64 usecs);
extern DurationSummary *duration_merge(DurationSummary *state,
									   const DurationSummary *other);

extern void duration_pack(StringInfo buf, const DurationSummary *summary);
extern const char *duration_unpack(const uint8 *list, int length, int32 *indexes,
								   int64 *counts, int *nbuckets);

extern int64 duration_quantile(const DurationSummary *settled, float8 q);
extern bool duration_equal(const DurationSummary *a, const DurationSummary *b);
extern uint32 duration_hash(const DurationSummary *summary);

#endif							/* CSMETRICS_DURATION_BUCKETS_H */
