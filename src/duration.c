/*-------------------------------------------------------------------------
 *
 * duration.c
 *	  duration_summary: a mergeable histogram of durations with exact count,
 *	  sum, minimum and maximum, and percentiles within 1% relative error;
 *	  its aggregates (duration_agg, rollup) and accessors.
 *
 * Durations are whole microseconds.  Bucket i holds an exact value for
 * i < 128; above that each power of two is cut into 64 equal buckets, so
 * a bucket's width is at most 1/64 of its lower bound and its midpoint is
 * within 1/128 (0.78%) of every value in it.  The bucket of a value is a
 * few integer operations (no logarithm), so it is the same on every
 * machine, and merging two summaries adds counts bucket by bucket, which
 * keeps the error bound.  The counts are stored densely between the lowest
 * and highest bucket seen: the size grows with the range of durations, not
 * with the number of rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/lsyscache.h"

#include "csmetrics.h"

#define DURATION_TYPNAME "duration_summary"

#define SUB_BUCKET_BITS 6
#define SUB_BUCKETS (1 << SUB_BUCKET_BITS)
#define EXACT_LIMIT (2 * SUB_BUCKETS)	/* values below are their own bucket */
#define MAX_BUCKET_INDEX 3711	/* bucket_index(PG_INT64_MAX) */

/* Buckets added beyond the range seen when a state grows. */
#define GROWTH_SLACK 16

typedef struct DurationSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* reserved, always zero */
	int16		reserved;		/* always zero */
	int32		first_index;	/* bucket index of counts[0] */
	int32		nbuckets;		/* entries in counts[] */
	int64		count;
	int64		min_us;
	int64		max_us;
	uint64		sum_low;		/* sum of durations, as two halves */
	int64		sum_high;		/* because varlena data is only 8-aligned */
	uint64		sumsq_low;		/* sum of squared durations */
	int64		sumsq_high;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} DurationSummary;

#define DURATION_SIZE(nbuckets) \
	(offsetof(DurationSummary, counts) + (nbuckets) * sizeof(int64))
#define PG_GETARG_DURATION(n) ((DurationSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

PG_FUNCTION_INFO_V1(duration_summary_in);
PG_FUNCTION_INFO_V1(duration_summary_out);
PG_FUNCTION_INFO_V1(duration_summary_recv);
PG_FUNCTION_INFO_V1(duration_summary_send);
PG_FUNCTION_INFO_V1(duration_summary_eq);
PG_FUNCTION_INFO_V1(duration_summary_ne);
PG_FUNCTION_INFO_V1(duration_summary_hash);
PG_FUNCTION_INFO_V1(duration_agg_trans);
PG_FUNCTION_INFO_V1(duration_agg_seconds_trans);
PG_FUNCTION_INFO_V1(duration_rollup_trans);
PG_FUNCTION_INFO_V1(duration_agg_final);
PG_FUNCTION_INFO_V1(duration_count);
PG_FUNCTION_INFO_V1(duration_total);
PG_FUNCTION_INFO_V1(duration_mean);
PG_FUNCTION_INFO_V1(duration_min);
PG_FUNCTION_INFO_V1(duration_max);
PG_FUNCTION_INFO_V1(duration_stddev);
PG_FUNCTION_INFO_V1(duration_median);
PG_FUNCTION_INFO_V1(duration_percentile);
PG_FUNCTION_INFO_V1(duration_percentiles);

/* ----------------------------------------------------------------
 * Buckets
 * ----------------------------------------------------------------
 */

/* The bucket holding a non-negative duration. */
static inline int32
bucket_index(int64 usecs)
{
	int			exponent;

	if (usecs < EXACT_LIMIT)
		return (int32) usecs;
	exponent = 63 - __builtin_clzll((uint64) usecs);
	return (exponent - SUB_BUCKET_BITS) * SUB_BUCKETS +
		(int32) (usecs >> (exponent - SUB_BUCKET_BITS));
}

/* The smallest and largest durations in a bucket. */
static void
bucket_bounds(int32 index, uint64 *lowest, uint64 *highest)
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

/* ----------------------------------------------------------------
 * Summaries
 * ----------------------------------------------------------------
 */

static inline int128
get_sum(const DurationSummary *summary)
{
	return ((int128) summary->sum_high << 64) | (int128) summary->sum_low;
}

static inline void
set_sum(DurationSummary *summary, int128 value)
{
	summary->sum_high = (int64) (value >> 64);
	summary->sum_low = (uint64) value;
}

static inline int128
get_sumsq(const DurationSummary *summary)
{
	return ((int128) summary->sumsq_high << 64) | (int128) summary->sumsq_low;
}

static inline void
set_sumsq(DurationSummary *summary, int128 value)
{
	summary->sumsq_high = (int64) (value >> 64);
	summary->sumsq_low = (uint64) value;
}

/* A summary with no durations and room for buckets [first, first + n). */
static DurationSummary *
duration_make(int32 first_index, int32 nbuckets)
{
	DurationSummary *summary = palloc0(DURATION_SIZE(nbuckets));

	SET_VARSIZE(summary, DURATION_SIZE(nbuckets));
	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->first_index = first_index;
	summary->nbuckets = nbuckets;
	return summary;
}

/* Count of durations in bucket index (0 outside the stored range). */
static inline int64
bucket_count(const DurationSummary *summary, int32 index)
{
	int32		offset = index - summary->first_index;

	if (offset < 0 || offset >= summary->nbuckets)
		return 0;
	return summary->counts[offset];
}

/*
 * A copy of summary whose buckets cover [lowest, highest] as well, with
 * some slack so that a growing aggregate state rarely moves.
 */
static DurationSummary *
duration_widen(const DurationSummary *summary, int32 lowest, int32 highest)
{
	DurationSummary *wider;

	if (summary->count > 0)
	{
		lowest = Min(lowest, bucket_index(summary->min_us));
		highest = Max(highest, bucket_index(summary->max_us));
	}
	lowest = Max(0, lowest - GROWTH_SLACK);
	highest = Min(MAX_BUCKET_INDEX, highest + GROWTH_SLACK);

	wider = duration_make(lowest, highest - lowest + 1);
	memcpy(&wider->count, &summary->count,
		   offsetof(DurationSummary, counts) - offsetof(DurationSummary, count));
	if (summary->count > 0)
	{
		int32		from = bucket_index(summary->min_us);
		int32		to = bucket_index(summary->max_us);

		memcpy(&wider->counts[from - lowest],
			   &summary->counts[from - summary->first_index],
			   (to - from + 1) * sizeof(int64));
	}
	return wider;
}

/* A copy holding exactly the buckets from the minimum to the maximum. */
static DurationSummary *
duration_trim(const DurationSummary *summary)
{
	DurationSummary *trimmed;
	int32		from;
	int32		to;

	if (summary->count == 0)
		return duration_make(0, 0);
	from = bucket_index(summary->min_us);
	to = bucket_index(summary->max_us);
	trimmed = duration_make(from, to - from + 1);
	memcpy(&trimmed->count, &summary->count,
		   offsetof(DurationSummary, counts) - offsetof(DurationSummary, count));
	memcpy(trimmed->counts, &summary->counts[from - summary->first_index],
		   (to - from + 1) * sizeof(int64));
	return trimmed;
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
 * The state to update for the transition or merge function: a fresh one for
 * a NULL state, a copy outside an aggregate, otherwise the state itself.
 */
static DurationSummary *
duration_state(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		return duration_make(0, 0);
	if (!AggCheckCallContext(fcinfo, NULL))
		return (DurationSummary *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	return PG_GETARG_DURATION(0);
}

/* Count one duration; returns the state, moved if it had to grow. */
static DurationSummary *
duration_add(DurationSummary *state, int64 usecs)
{
	int32		index = bucket_index(usecs);
	int32		offset = index - state->first_index;
	int64		count = state->count;
	int128		sumsq;

	/* Only a crafted state passed outside an aggregate can be full. */
	summary_add_count(&count, 1, DURATION_TYPNAME);
	if (__builtin_add_overflow(get_sumsq(state), (int128) usecs * usecs, &sumsq))
		report_sumsq_overflow();
	if (offset < 0 || offset >= state->nbuckets)
	{
		state = duration_widen(state, index, index);
		offset = index - state->first_index;
	}
	set_sumsq(state, sumsq);
	/* count < 2^63 values each below 2^63 cannot overflow 128 bits. */
	set_sum(state, get_sum(state) + usecs);
	if (state->count == 0 || usecs < state->min_us)
		state->min_us = usecs;
	if (state->count == 0 || usecs > state->max_us)
		state->max_us = usecs;
	state->count = count;
	state->counts[offset]++;
	return state;
}

/* ----------------------------------------------------------------
 * Validation and I/O
 * ----------------------------------------------------------------
 */

/* Why a summary read from outside is inconsistent, or NULL if it is not. */
static const char *
duration_invalid_reason(const DurationSummary *summary)
{
	int128		sum = get_sum(summary);
	int128		sumsq = get_sumsq(summary);
	int64		total = 0;

	if (summary->count == 0)
	{
		if (summary->nbuckets != 0 || sum != 0 || sumsq != 0 ||
			summary->min_us != 0 || summary->max_us != 0)
			return "A summary without durations must have no buckets and zero sums, minimum and maximum.";
		return NULL;
	}
	if (summary->nbuckets == 0)
		return "A summary with durations must have buckets.";
	if (summary->min_us > summary->max_us)
		return "The minimum exceeds the maximum.";
	if (summary->first_index != bucket_index(summary->min_us))
		return "The minimum is not in the first bucket.";
	if (summary->first_index + summary->nbuckets - 1 != bucket_index(summary->max_us))
		return "The maximum is not in the last bucket.";
	for (int i = 0; i < summary->nbuckets; i++)
		if (__builtin_add_overflow(total, summary->counts[i], &total))
			return "The bucket counts add up to more than a 64-bit count.";
	if (total != summary->count)
		return "The bucket counts do not add up to the count.";
	if (sum < (int128) summary->min_us * summary->count ||
		sum > (int128) summary->max_us * summary->count)
		return "The sum is not between count times minimum and count times maximum.";
	if (sumsq < (int128) summary->min_us * summary->min_us ||
		sumsq / summary->count > (int128) summary->max_us * summary->max_us)
		return "The sum of squares does not fit the minimum and maximum.";
	return NULL;
}

/*
 * Fill a summary from parsed or received fields.  Buckets arrive as
 * (index, count) pairs with strictly increasing indexes and counts above 0.
 */
static DurationSummary *
duration_from_pairs(int64 count, int128 sum, int128 sumsq, int64 min_us,
					int64 max_us, const int32 *indexes, const int64 *counts,
					int npairs, const char **reason)
{
	DurationSummary *summary;

	*reason = NULL;
	for (int i = 0; i < npairs; i++)
	{
		if (indexes[i] < 0 || indexes[i] > MAX_BUCKET_INDEX)
			*reason = psprintf("Bucket index %d is out of range 0 to %d.", indexes[i], MAX_BUCKET_INDEX);
		else if (i > 0 && indexes[i] <= indexes[i - 1])
			*reason = "Bucket indexes must be strictly increasing.";
		else if (counts[i] <= 0)
			*reason = "Bucket counts must be positive.";
		if (*reason)
			return NULL;
	}
	if (npairs == 0)
		summary = duration_make(0, 0);
	else
		summary = duration_make(indexes[0], indexes[npairs - 1] - indexes[0] + 1);
	for (int i = 0; i < npairs; i++)
		summary->counts[indexes[i] - summary->first_index] = counts[i];
	summary->count = count;
	summary->min_us = min_us;
	summary->max_us = max_us;
	set_sum(summary, sum);
	set_sumsq(summary, sumsq);
	*reason = duration_invalid_reason(summary);
	return summary;
}

/* Number of non-empty buckets. */
static int
duration_nonzero_buckets(const DurationSummary *summary)
{
	int			n = 0;

	for (int i = 0; i < summary->nbuckets; i++)
		n += summary->counts[i] != 0;
	return n;
}

/*
 * duration_summary_in(cstring): parse
 * "duration v1 count=N sum_us=S sumsq_us2=Q min_us=A max_us=B buckets=i:c,...".
 */
Datum
duration_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	DurationSummary *summary;
	const char *reason;
	int64		count;
	int128		sum;
	int128		sumsq;
	int64		min_us;
	int64		max_us;
	int32	   *indexes = palloc((MAX_BUCKET_INDEX + 1) * sizeof(int32));
	int64	   *counts = palloc((MAX_BUCKET_INDEX + 1) * sizeof(int64));
	int			npairs;

	summary_parse_begin(&parser, DURATION_TYPNAME, "duration", input);
	count = summary_parse_count(&parser, "count");
	sum = summary_parse_total(&parser, "sum_us");
	sumsq = summary_parse_total(&parser, "sumsq_us2");
	min_us = summary_parse_count(&parser, "min_us");
	max_us = summary_parse_count(&parser, "max_us");
	npairs = summary_parse_pair_list(&parser, "buckets", indexes, counts, MAX_BUCKET_INDEX + 1);
	summary_parse_end(&parser);

	summary = duration_from_pairs(count, sum, sumsq, min_us, max_us,
								  indexes, counts, npairs, &reason);
	if (reason)
		summary_reject_text(DURATION_TYPNAME, input, reason);
	PG_RETURN_POINTER(summary);
}

/* duration_summary_out(duration_summary): the canonical text form. */
Datum
duration_summary_out(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	StringInfoData buf;
	bool		first = true;

	summary_text_begin(&buf, "duration");
	summary_text_count(&buf, "count", summary->count);
	summary_text_total(&buf, "sum_us", get_sum(summary));
	summary_text_total(&buf, "sumsq_us2", get_sumsq(summary));
	summary_text_count(&buf, "min_us", summary->min_us);
	summary_text_count(&buf, "max_us", summary->max_us);
	appendStringInfoString(&buf, " buckets=");
	for (int i = 0; i < summary->nbuckets; i++)
	{
		if (summary->counts[i] == 0)
			continue;
		appendStringInfo(&buf, "%s%d:" INT64_FORMAT, first ? "" : ",",
						 summary->first_index + i, summary->counts[i]);
		first = false;
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * duration_summary_recv(internal): version byte, count, sum (2 x int64),
 * sum of squares (2 x int64), min, max, int32 number of buckets, then an
 * int16 index and int64 count per non-empty bucket.
 */
Datum
duration_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	DurationSummary *summary;
	const char *reason;
	int64		count;
	int128		sum;
	int128		sumsq;
	int64		min_us;
	int64		max_us;
	int32		npairs;
	int32	   *indexes;
	int64	   *counts;

	summary_recv_version(buf, DURATION_TYPNAME);
	if (buf->len - buf->cursor < 7 * (int) sizeof(int64) + (int) sizeof(int32))
		summary_reject_binary(DURATION_TYPNAME, "The value ends before its buckets.");
	count = summary_recv_count(buf, DURATION_TYPNAME);
	sum = summary_recv_total(buf, DURATION_TYPNAME);
	sumsq = summary_recv_total(buf, DURATION_TYPNAME);
	min_us = summary_recv_count(buf, DURATION_TYPNAME);
	max_us = summary_recv_count(buf, DURATION_TYPNAME);
	npairs = (int32) pq_getmsgint(buf, sizeof(int32));
	if (npairs < 0 || npairs > MAX_BUCKET_INDEX + 1)
		summary_reject_binary(DURATION_TYPNAME,
							  psprintf("The number of buckets must be between 0 and %d.", MAX_BUCKET_INDEX + 1));
	summary_recv_expect_length(buf, npairs * (int) (sizeof(int16) + sizeof(int64)), DURATION_TYPNAME);
	indexes = palloc(Max(npairs, 1) * sizeof(int32));
	counts = palloc(Max(npairs, 1) * sizeof(int64));
	for (int i = 0; i < npairs; i++)
	{
		indexes[i] = (int16) pq_getmsgint(buf, sizeof(int16));
		counts[i] = pq_getmsgint64(buf);
	}
	summary = duration_from_pairs(count, sum, sumsq, min_us, max_us,
								  indexes, counts, npairs, &reason);
	if (reason)
		summary_reject_binary(DURATION_TYPNAME, reason);
	PG_RETURN_POINTER(summary);
}

/* duration_summary_send(duration_summary): the binary form read by recv. */
Datum
duration_summary_send(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint64(&buf, summary->count);
	summary_send_total(&buf, get_sum(summary));
	summary_send_total(&buf, get_sumsq(summary));
	pq_sendint64(&buf, summary->min_us);
	pq_sendint64(&buf, summary->max_us);
	pq_sendint32(&buf, duration_nonzero_buckets(summary));
	for (int i = 0; i < summary->nbuckets; i++)
	{
		if (summary->counts[i] == 0)
			continue;
		pq_sendint16(&buf, (int16) (summary->first_index + i));
		pq_sendint64(&buf, summary->counts[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries hold the same durations, whatever their slack. */
static bool
duration_equal(const DurationSummary *a, const DurationSummary *b)
{
	if (a->count != b->count || a->min_us != b->min_us || a->max_us != b->max_us ||
		get_sum(a) != get_sum(b) || get_sumsq(a) != get_sumsq(b))
		return false;
	if (a->count == 0)
		return true;
	for (int32 i = bucket_index(a->min_us); i <= bucket_index(a->max_us); i++)
		if (bucket_count(a, i) != bucket_count(b, i))
			return false;
	return true;
}

/* duration_summary = duration_summary */
Datum
duration_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(duration_equal(PG_GETARG_DURATION(0), PG_GETARG_DURATION(1)));
}

/* duration_summary <> duration_summary */
Datum
duration_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!duration_equal(PG_GETARG_DURATION(0), PG_GETARG_DURATION(1)));
}

/* duration_summary_hash(duration_summary): agrees with =, ignoring spare buckets. */
Datum
duration_summary_hash(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	uint32		hash = summary_hash_bytes(&summary->count,
										  offsetof(DurationSummary, counts) - offsetof(DurationSummary, count));

	if (summary->count > 0)
	{
		int32		from = bucket_index(summary->min_us) - summary->first_index;
		int32		to = bucket_index(summary->max_us) - summary->first_index;

		hash = hash_combine(hash, summary_hash_bytes(&summary->counts[from],
													 (to - from + 1) * sizeof(int64)));
	}
	PG_RETURN_UINT32(hash);
}

/* ----------------------------------------------------------------
 * Aggregates
 * ----------------------------------------------------------------
 */

/* duration_agg(interval) transition: count one duration. */
Datum
duration_agg_trans(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	PG_RETURN_POINTER(duration_add(duration_state(fcinfo),
								   duration_interval_usecs(PG_GETARG_INTERVAL_P(1))));
}

/* duration_agg(seconds) transition: count one duration, to the microsecond. */
Datum
duration_agg_seconds_trans(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	PG_RETURN_POINTER(duration_add(duration_state(fcinfo),
								   duration_seconds_usecs(PG_GETARG_FLOAT8(1))));
}

/* rollup transition and combine: add another summary's durations. */
Datum
duration_rollup_trans(PG_FUNCTION_ARGS)
{
	DurationSummary *state;
	DurationSummary *other;
	int128		sumsq;
	int32		from;
	int32		to;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	state = duration_state(fcinfo);
	other = PG_GETARG_DURATION(1);
	if (other->count == 0)
		PG_RETURN_POINTER(state);

	from = bucket_index(other->min_us);
	to = bucket_index(other->max_us);
	if (from < state->first_index || to >= state->first_index + state->nbuckets)
		state = duration_widen(state, from, to);

	if (state->count == 0 || other->min_us < state->min_us)
		state->min_us = other->min_us;
	if (state->count == 0 || other->max_us > state->max_us)
		state->max_us = other->max_us;
	summary_add_count(&state->count, other->count, DURATION_TYPNAME);
	for (int32 i = from; i <= to; i++)
		state->counts[i - state->first_index] += other->counts[i - other->first_index];
	/* Two sums of fewer than 2^63 values below 2^63 stay below 2^127. */
	set_sum(state, get_sum(state) + get_sum(other));
	if (__builtin_add_overflow(get_sumsq(state), get_sumsq(other), &sumsq))
		report_sumsq_overflow();
	set_sumsq(state, sumsq);
	PG_RETURN_POINTER(state);
}

/* duration_agg and rollup final function: the summary without slack. */
Datum
duration_agg_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(duration_make(0, 0));
	PG_RETURN_POINTER(duration_trim(PG_GETARG_DURATION(0)));
}

/* ----------------------------------------------------------------
 * Accessors
 * ----------------------------------------------------------------
 */

/* duration_count(duration_summary) */
Datum
duration_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_DURATION(0)->count);
}

/* total_duration(duration_summary): the exact sum, NULL without durations. */
Datum
duration_total(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	int128		sum = get_sum(summary);

	if (summary->count == 0)
		PG_RETURN_NULL();
	if (sum > PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range"),
				 errdetail("The total duration exceeds the largest interval.")));
	PG_RETURN_INTERVAL_P(duration_make_interval((int64) sum));
}

/* mean(duration_summary): the exact mean, rounded to the microsecond. */
Datum
duration_mean(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);

	if (summary->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_mean_usecs(get_sum(summary), summary->count)));
}

/* min_duration(duration_summary) */
Datum
duration_min(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);

	if (summary->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(summary->min_us));
}

/* max_duration(duration_summary) */
Datum
duration_max(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);

	if (summary->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(summary->max_us));
}

/* stddev(duration_summary): sample standard deviation, NULL below 2 values. */
Datum
duration_stddev(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	int128		n = summary->count;
	int128		sum = get_sum(summary);
	int128		scaled_sumsq;
	int128		sum_squared;
	long double variance;

	if (summary->count < 2)
		PG_RETURN_NULL();
	/* n * sumsq - sum^2 exactly when it fits, else in long double. */
	if (!__builtin_mul_overflow(n, get_sumsq(summary), &scaled_sumsq) &&
		!__builtin_mul_overflow(sum, sum, &sum_squared))
		variance = (long double) (scaled_sumsq - sum_squared) / ((long double) n * (n - 1));
	else
		variance = ((long double) get_sumsq(summary) -
					(long double) sum * (long double) sum / (long double) n) / (long double) (n - 1);
	if (variance < 0)
		variance = 0;
	PG_RETURN_INTERVAL_P(duration_make_interval((int64) llroundl(sqrtl(variance))));
}

/*
 * The q-quantile in microseconds with percentile_disc's rank: the value at
 * position ceil(q * count), estimated by its bucket's midpoint and clamped
 * to the exact minimum and maximum.
 */
static int64
duration_quantile(const DurationSummary *summary, float8 q)
{
	int64		rank = (int64) ceil(q * (double) summary->count);
	int64		seen = 0;
	uint64		lowest;
	uint64		highest;
	int64		estimate;

	if (rank < 1)
		rank = 1;
	for (int i = 0; i < summary->nbuckets; i++)
	{
		seen += summary->counts[i];
		if (seen >= rank)
		{
			bucket_bounds(summary->first_index + i, &lowest, &highest);
			estimate = (int64) (lowest + (highest - lowest) / 2);
			return Min(Max(estimate, summary->min_us), summary->max_us);
		}
	}
	return summary->max_us;
}

/* Reject a fraction outside [0, 1], as percentile_disc does. */
static void
check_fraction(float8 q)
{
	if (q < 0 || q > 1 || isnan(q))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %g is not between 0 and 1", q)));
}

/* median(duration_summary): percentile(summary, 0.5). */
Datum
duration_median(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);

	if (summary->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_quantile(summary, 0.5)));
}

/* percentile(duration_summary, q) */
Datum
duration_percentile(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	float8		q = PG_GETARG_FLOAT8(1);

	check_fraction(q);
	if (summary->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_quantile(summary, q)));
}

/* percentile(duration_summary, q[]): one interval per fraction, NULL for NULL. */
Datum
duration_percentiles(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	ArrayType  *fractions = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *values;
	bool	   *nulls;
	int			n;
	Datum	   *results;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (ARR_NDIM(fractions) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("percentile fractions must be a one-dimensional array")));
	deconstruct_array(fractions, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &values, &nulls, &n);
	results = palloc(Max(n, 1) * sizeof(Datum));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			continue;
		check_fraction(DatumGetFloat8(values[i]));
		nulls[i] = summary->count == 0;
		if (!nulls[i])
			results[i] = IntervalPGetDatum(duration_make_interval(duration_quantile(summary, DatumGetFloat8(values[i]))));
	}
	get_typlenbyvalalign(INTERVALOID, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_md_array(results, nulls, ARR_NDIM(fractions),
											 ARR_DIMS(fractions), ARR_LBOUND(fractions),
											 INTERVALOID, typlen, typbyval, typalign));
}
