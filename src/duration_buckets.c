/*-------------------------------------------------------------------------
 *
 * duration_buckets.c
 *	  The histogram behind duration_summary: bucket mapping, the list and
 *	  dense forms, adding, merging, and reading quantiles.
 *
 * Durations are whole microseconds.  Values below 128 are their own
 * bucket; above that each power of two is cut into 64 equal buckets, so a
 * bucket is at most 1/64 of its lower bound wide and its midpoint is within
 * 1/128 (0.78%) of every value in it.  The mapping is a few integer
 * operations, the same on every machine, and merging adds counts bucket by
 * bucket, which keeps the bound.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "common/int.h"

#include "duration.h"

/* Buckets added beyond the range seen when a dense state grows. */
#define GROWTH_SLACK 16

/* Longest list kept before switching to the dense form. */
#define LIST_MAX_ENTRIES 1024

/* Initial capacity of a list state. */
#define LIST_INITIAL_CAPACITY 8

/* Size of a dense summary of n buckets, or a list of n indexes. */
#define DENSE_SIZE(n) (DURATION_HEADER_SIZE + (Size) (n) * sizeof(int64))
#define LIST_SIZE(n) (DURATION_HEADER_SIZE + (Size) (n) * sizeof(int16))
#define LIST_CAPACITY(summary) ((int32) ((VARSIZE(summary) - DURATION_HEADER_SIZE) / sizeof(int16)))

void
duration_set_sum(DurationSummary *summary, int128 value)
{
	summary->sum_high = (int64) (value >> 64);
	summary->sum_low = (uint64) value;
}

void
duration_set_sumsq(DurationSummary *summary, int128 value)
{
	summary->sumsq_high = (int64) (value >> 64);
	summary->sumsq_low = (uint64) value;
}

/* The smallest and largest durations in a bucket. */
void
duration_bucket_bounds(int32 index, uint64 *lowest, uint64 *highest)
{
	int			shift;
	uint64		top;

	if (index < EXACT_LIMIT)
	{
		*lowest = *highest = (uint64) index;
		return;
	}
	shift = index / SUB_BUCKETS - 1;
	top = (uint64) (index % SUB_BUCKETS + SUB_BUCKETS);
	*lowest = top << shift;
	*highest = ((top + 1) << shift) - 1;
}

/* Copy the exact statistics (count to sum of squares) from one summary. */
static void
copy_statistics(DurationSummary *to, const DurationSummary *from)
{
	memcpy(&to->count, &from->count,
		   DURATION_HEADER_SIZE - offsetof(DurationSummary, count));
}

/* An empty dense summary with room for buckets [first, first + n). */
DurationSummary *
duration_make_dense(int32 first_index, int32 nbuckets)
{
	DurationSummary *summary = palloc0(DENSE_SIZE(nbuckets));

	SET_VARSIZE(summary, DENSE_SIZE(nbuckets));
	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->first_index = first_index;
	summary->nbuckets = nbuckets;
	return summary;
}

/* An empty list summary with room for capacity indexes. */
DurationSummary *
duration_make_list(int32 capacity)
{
	DurationSummary *summary = palloc0(LIST_SIZE(capacity));

	SET_VARSIZE(summary, LIST_SIZE(capacity));
	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->flags = DURATION_FLAG_LIST;
	return summary;
}

/*
 * A dense copy covering the summary's buckets and [lowest, highest], with
 * slack buckets on each side.
 */
static DurationSummary *
dense_copy(const DurationSummary *summary, int32 lowest, int32 highest, int32 slack)
{
	DurationSummary *dense;

	if (summary->count > 0)
	{
		lowest = Min(lowest, duration_bucket(summary->min_us));
		highest = Max(highest, duration_bucket(summary->max_us));
	}
	lowest = Max(0, lowest - slack);
	highest = Min(MAX_BUCKET_INDEX, highest + slack);
	dense = duration_make_dense(lowest, highest - lowest + 1);
	copy_statistics(dense, summary);
	if (DURATION_IS_LIST(summary))
	{
		for (int32 i = 0; i < summary->nbuckets; i++)
			dense->counts[DURATION_LIST(summary)[i] - lowest]++;
	}
	else if (summary->count > 0)
	{
		int32		from = duration_bucket(summary->min_us);
		int32		to = duration_bucket(summary->max_us);

		memcpy(&dense->counts[from - lowest], &summary->counts[from - summary->first_index],
			   (to - from + 1) * sizeof(int64));
	}
	return dense;
}

/* The summary in dense form from its minimum's to its maximum's bucket. */
DurationSummary *
duration_dense(const DurationSummary *summary)
{
	if (summary->count == 0)
		return duration_make_dense(0, 0);
	if (!DURATION_IS_LIST(summary) &&
		summary->first_index == duration_bucket(summary->min_us) &&
		summary->first_index + summary->nbuckets - 1 == duration_bucket(summary->max_us))
		return (DurationSummary *) summary;
	return dense_copy(summary, MAX_BUCKET_INDEX, 0, 0);
}

/*
 * Whether a list of n indexes spanning buckets [lowest, highest] should stay
 * a list: while it is short and smaller than the dense form would be.
 */
static bool
list_is_smaller(int64 n, int32 lowest, int32 highest)
{
	return n <= LIST_MAX_ENTRIES &&
		LIST_SIZE(n) < DENSE_SIZE(highest - lowest + 1);
}

/*
 * The smaller of the two forms, for an aggregate's result or a value read
 * from outside: a list while that is smaller, else dense from the
 * minimum's to the maximum's bucket.  The choice depends only on the
 * durations, not on the order they arrived in.
 */
DurationSummary *
duration_compact(const DurationSummary *summary)
{
	DurationSummary *dense;
	DurationSummary *list;

	/* An empty list: the initial state of the aggregates, ready to grow. */
	if (summary->count == 0)
		return duration_make_list(0);
	dense = dense_copy(summary, MAX_BUCKET_INDEX, 0, 0);
	if (!list_is_smaller(dense->count, dense->first_index, dense->first_index + dense->nbuckets - 1))
		return dense;
	list = duration_make_list((int32) dense->count);
	copy_statistics(list, dense);
	for (int32 i = 0; i < dense->nbuckets; i++)
		for (int64 c = 0; c < dense->counts[i]; c++)
			DURATION_LIST(list)[list->nbuckets++] = (int16) (dense->first_index + i);
	return list;
}

/* A list copy with room for at least capacity indexes. */
static DurationSummary *
list_grow(const DurationSummary *summary, int32 capacity)
{
	DurationSummary *list = duration_make_list(capacity);

	copy_statistics(list, summary);
	list->nbuckets = summary->nbuckets;
	memcpy(DURATION_LIST(list), DURATION_LIST(summary), summary->nbuckets * sizeof(int16));
	return list;
}

/* Report a sum of squares too large even for 128 bits. */
static void
report_sumsq_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("duration_summary sum of squares is out of range"),
			 errdetail("The squared durations add up to more than 2^127 square microseconds.")));
}

/*
 * Merge other's exact statistics into state, after checking that nothing
 * overflows.
 */
static void
add_statistics(DurationSummary *state, int64 count, int128 sum, int128 sumsq,
			   int64 min_us, int64 max_us)
{
	int64		new_count;
	int128		new_sumsq;

	if (unlikely(pg_add_s64_overflow(state->count, count, &new_count)))
		summary_report_count_overflow(DURATION_TYPNAME);
	if (unlikely(__builtin_add_overflow(duration_get_sumsq(state), sumsq, &new_sumsq)))
		report_sumsq_overflow();
	if (state->count == 0 || min_us < state->min_us)
		state->min_us = min_us;
	if (state->count == 0 || max_us > state->max_us)
		state->max_us = max_us;
	state->count = new_count;
	/* Fewer than 2^64 values below 2^63 stay below 2^127. */
	duration_set_sum(state, duration_get_sum(state) + sum);
	duration_set_sumsq(state, new_sumsq);
}

/*
 * Make state able to count buckets [lowest, highest] and `extra` more
 * durations: a list with room, or a dense summary covering the range.
 * Returns the state, moved if it had to grow.
 */
static DurationSummary *
make_room(DurationSummary *state, int32 lowest, int32 highest, int64 extra)
{
	if (state->count > 0)
	{
		lowest = Min(lowest, duration_bucket(state->min_us));
		highest = Max(highest, duration_bucket(state->max_us));
	}
	if (DURATION_IS_LIST(state))
	{
		int64		needed = (int64) state->nbuckets + extra;

		if (!list_is_smaller(needed, lowest, highest))
			return dense_copy(state, lowest, highest, GROWTH_SLACK);
		if (needed > LIST_CAPACITY(state))
			return list_grow(state, (int32) Min(Max(Max(needed, 2 * (int64) LIST_CAPACITY(state)),
													LIST_INITIAL_CAPACITY),
												LIST_MAX_ENTRIES));
		return state;
	}
	if (lowest < state->first_index || highest >= state->first_index + state->nbuckets)
		return dense_copy(state, lowest, highest, GROWTH_SLACK);
	return state;
}

/* Count one duration; returns the state, moved if it had to grow. */
DurationSummary *
duration_add(DurationSummary *state, int64 usecs)
{
	int32		index = duration_bucket(usecs);
	int32		offset = index - state->first_index;

	/* The common case, kept short: a dense state that covers the bucket. */
	if (likely(!DURATION_IS_LIST(state) && offset >= 0 && offset < state->nbuckets))
	{
		add_statistics(state, 1, usecs, (int128) usecs * usecs, usecs, usecs);
		state->counts[offset]++;
		return state;
	}
	state = make_room(state, index, index, 1);
	add_statistics(state, 1, usecs, (int128) usecs * usecs, usecs, usecs);
	if (DURATION_IS_LIST(state))
		DURATION_LIST(state)[state->nbuckets++] = (int16) index;
	else
		state->counts[index - state->first_index]++;
	return state;
}

/* Add other's durations to state; returns the state, moved if it grew. */
DurationSummary *
duration_merge(DurationSummary *state, const DurationSummary *other)
{
	if (other->count == 0)
		return state;
	state = make_room(state, duration_bucket(other->min_us), duration_bucket(other->max_us),
					  DURATION_IS_LIST(other) ? other->nbuckets : PG_INT32_MAX);
	add_statistics(state, other->count, duration_get_sum(other), duration_get_sumsq(other),
				   other->min_us, other->max_us);
	if (DURATION_IS_LIST(state))
	{
		memcpy(&DURATION_LIST(state)[state->nbuckets], DURATION_LIST(other),
			   other->nbuckets * sizeof(int16));
		state->nbuckets += other->nbuckets;
	}
	else if (DURATION_IS_LIST(other))
	{
		for (int32 i = 0; i < other->nbuckets; i++)
			state->counts[DURATION_LIST(other)[i] - state->first_index]++;
	}
	else
	{
		int32		from = duration_bucket(other->min_us);
		int32		to = duration_bucket(other->max_us);

		for (int32 i = from; i <= to; i++)
			state->counts[i - state->first_index] += other->counts[i - other->first_index];
	}
	return state;
}

/*
 * The q-quantile in microseconds with percentile_disc's rank: the value at
 * position ceil(q * count), estimated by its bucket's midpoint and clamped
 * to the exact minimum and maximum, which are exact at the first and last
 * positions.  The summary must be dense (duration_dense) and not empty.
 */
int64
duration_quantile(const DurationSummary *dense, float8 q)
{
	double		position = ceil(q * (double) dense->count);
	int64		rank;
	int64		seen = 0;
	uint64		lowest;
	uint64		highest;
	int64		estimate;

	Assert(!DURATION_IS_LIST(dense) && dense->count > 0);
	/* Near 2^63 the position can round past the count: no int64 holds it. */
	if (position >= (double) dense->count)
		return dense->max_us;
	rank = (int64) position;
	if (rank <= 1)
		return dense->min_us;
	if (rank >= dense->count)
		return dense->max_us;
	for (int32 i = 0; i < dense->nbuckets; i++)
	{
		seen += dense->counts[i];
		if (seen >= rank)
		{
			duration_bucket_bounds(dense->first_index + i, &lowest, &highest);
			estimate = (int64) (lowest + (highest - lowest) / 2);
			return Min(Max(estimate, dense->min_us), dense->max_us);
		}
	}
	return dense->max_us;
}

/* Whether two summaries hold the same statistics and bucket counts. */
bool
duration_equal(const DurationSummary *a, const DurationSummary *b)
{
	DurationSummary *dense_a;
	DurationSummary *dense_b;

	if (memcmp(&a->count, &b->count, DURATION_HEADER_SIZE - offsetof(DurationSummary, count)) != 0)
		return false;
	dense_a = duration_dense(a);
	dense_b = duration_dense(b);
	return memcmp(dense_a->counts, dense_b->counts, dense_a->nbuckets * sizeof(int64)) == 0;
}

/* A hash that agrees with duration_equal. */
uint32
duration_hash(const DurationSummary *summary)
{
	DurationSummary *dense = duration_dense(summary);
	uint32		hash;

	hash = DatumGetUInt32(hash_any((const unsigned char *) &dense->count,
								   DURATION_HEADER_SIZE - offsetof(DurationSummary, count)));
	return hash_combine(hash, DatumGetUInt32(hash_any((const unsigned char *) dense->counts,
													  dense->nbuckets * sizeof(int64))));
}
