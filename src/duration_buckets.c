/*-------------------------------------------------------------------------
 *
 * duration_buckets.c
 *	  The histogram behind duration_summary: bucket mapping, the packed and
 *	  dense forms, adding, merging, the packed bucket list of the text and
 *	  binary forms, and reading quantiles.
 *
 * Durations are whole microseconds.  Values below 128 are their own
 * bucket; above that each power of two is cut into 64 equal buckets, so a
 * bucket is at most 1/64 of its lower bound wide and its midpoint is within
 * 1/128 (0.78%) of every value in it.  The mapping is a few integer
 * operations, the same on every machine, and merging adds counts bucket by
 * bucket, which keeps the bound.
 *
 * Memory: an aggregate's state is never more than 1.5 times the size of the
 * summary it will return, so that it stays near the planner's estimate.
 * Whenever a state must grow, it is rebuilt (duration_rebuild) in the form
 * that fits that budget: dense while its counts over the occupied range
 * cost at most that, which makes adding a duration a few instructions;
 * otherwise packed, where durations wait as 2-byte pending indexes until
 * the room runs out and they are merged into the list.  The room left for
 * growth is a fixed share of the state, so rebuilding costs O(1) per
 * duration on average.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "port/pg_bitutils.h"

#include "duration_buckets.h"

/* Pending indexes a packed state has room for at least. */
#define MIN_PENDING 16

/* Spare counts a dense state has room for at least: 8, or 1/8 of its range. */
#define MIN_SLACK(span) Max(8, (span) / 8)

/* Largest allocation that PostgreSQL's allocator rounds up to a power of 2. */
#define SMALL_CHUNK_LIMIT 8192

/* Where a packed summary's pending indexes start. */
#define PENDING(summary) \
	((int16 *) ((summary)->data + TYPEALIGN(2, (summary)->first_index)))

/* Bytes per count of a dense summary; version 1 always used 8. */
#define DENSE_WIDTH(summary) ((summary)->version == 1 ? 8 : (summary)->width)

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

/* Room for pending indexes that a packed summary has in all. */
static inline int32
pending_capacity(const DurationSummary *summary)
{
	int32		room = (int32) VARSIZE(summary) - (int32) DURATION_HEADER_SIZE -
		(int32) TYPEALIGN(2, summary->first_index);

	return Max(room, 0) / (int32) sizeof(int16);
}

/*
 * Reads the buckets of a summary.  Of a summary without pending indexes
 * (duration_settled) it gives each non-empty bucket once, in increasing
 * index order; otherwise the pending indexes follow, one duration each.
 */
typedef struct DurationReader
{
	const DurationSummary *summary;
	const uint8 *pos;			/* packed: next byte of the list */
	const uint8 *end;			/* packed: end of the list */
	int32		next;			/* dense: next count; packed: next pending */
	int32		index;			/* packed: the bucket read last, or -1 */
	bool		announced;		/* packed: the next bucket follows it */
} DurationReader;

static void reader_begin(DurationReader *reader, const DurationSummary *summary);
static inline bool reader_next(DurationReader *reader, int32 *index, int64 *count);

/* ----------------------------------------------------------------
 * Counts of a dense summary
 * ----------------------------------------------------------------
 */

/* The largest count a dense count of width bytes holds. */
static inline int64
width_limit(int width)
{
	switch (width)
	{
		case 1:
			return PG_UINT8_MAX;
		case 2:
			return PG_UINT16_MAX;
		case 4:
			return PG_UINT32_MAX;
		default:
			return PG_INT64_MAX;
	}
}

/* The narrowest width that holds count. */
static inline int
width_for(int64 count)
{
	if (count <= PG_UINT8_MAX)
		return 1;
	if (count <= PG_UINT16_MAX)
		return 2;
	if (count <= PG_UINT32_MAX)
		return 4;
	return 8;
}

static inline int64
dense_get(const DurationSummary *summary, int width, int32 offset)
{
	switch (width)
	{
		case 1:
			return ((const uint8 *) summary->data)[offset];
		case 2:
			return ((const uint16 *) summary->data)[offset];
		case 4:
			return ((const uint32 *) summary->data)[offset];
		default:
			return ((const int64 *) summary->data)[offset];
	}
}

static inline void
dense_set(DurationSummary *summary, int width, int32 offset, int64 count)
{
	switch (width)
	{
		case 1:
			((uint8 *) summary->data)[offset] = (uint8) count;
			break;
		case 2:
			((uint16 *) summary->data)[offset] = (uint16) count;
			break;
		case 4:
			((uint32 *) summary->data)[offset] = (uint32) count;
			break;
		default:
			((int64 *) summary->data)[offset] = count;
			break;
	}
}

/* ----------------------------------------------------------------
 * The packed bucket list
 *
 * The non-empty buckets in increasing index order.  Each is a count code,
 * (count - 1) * 2 + 1 if the next bucket is the adjacent one and
 * (count - 1) * 2 otherwise, preceded by a gap unless the bucket before
 * announced it: the index itself for the first bucket, else index minus
 * the previous index minus 2.  Gaps and codes are unsigned LEB128
 * varints: 7 bits a byte, low bits first, the top bit set on every byte but
 * the last, in as few bytes as possible.  So a run of adjacent buckets
 * with counts up to 64 costs a byte each, and a bucket alone with a small
 * count two bytes.
 * ----------------------------------------------------------------
 */

static inline int
varint_size(uint64 value)
{
	int			size = 1;

	while (value >= 0x80)
	{
		value >>= 7;
		size++;
	}
	return size;
}

static inline uint8 *
varint_put(uint8 *out, uint64 value)
{
	while (value >= 0x80)
	{
		*out++ = (uint8) (value | 0x80);
		value >>= 7;
	}
	*out++ = (uint8) value;
	return out;
}

/* Read a varint written by varint_put. */
static inline const uint8 *
varint_get(const uint8 *in, uint64 *value)
{
	uint64		result = 0;
	int			shift = 0;

	while (*in & 0x80)
	{
		result |= (uint64) (*in++ & 0x7f) << shift;
		shift += 7;
	}
	*value = result | (uint64) *in++ << shift;
	return in;
}

/* A bucket's count code: the count, and whether the next bucket follows. */
static inline uint64
count_code(int64 count, bool adjacent)
{
	return ((uint64) (count - 1) << 1) | (adjacent ? 1 : 0);
}

/* Gap written before a bucket that the one before did not announce. */
static inline uint64
gap_code(int32 previous, int32 index)
{
	return previous < 0 ? (uint64) index : (uint64) (index - previous - 2);
}

/* Bytes of one bucket in the list. */
static inline int
pack_entry_size(int32 previous, bool announced, int32 index, int64 count, bool adjacent)
{
	return (announced ? 0 : varint_size(gap_code(previous, index))) +
		varint_size(count_code(count, adjacent));
}

/* Write one bucket of the list. */
static inline uint8 *
pack_entry(uint8 *out, int32 previous, bool announced, int32 index, int64 count, bool adjacent)
{
	if (!announced)
		out = varint_put(out, gap_code(previous, index));
	return varint_put(out, count_code(count, adjacent));
}

/* Append the packed bucket list of any summary to buf. */
void
duration_pack(StringInfo buf, const DurationSummary *summary)
{
	DurationReader reader;
	int32		index;
	int64		count;
	int32		next_index;
	int64		next_count;
	int32		previous = -1;
	bool		announced = false;
	bool		more;

	summary = duration_settled(summary);
	if (DURATION_IS_PACKED(summary))
	{
		appendBinaryStringInfo(buf, (const char *) summary->data, summary->first_index);
		return;
	}
	reader_begin(&reader, summary);
	more = reader_next(&reader, &index, &count);
	while (more)
	{
		bool		adjacent;

		more = reader_next(&reader, &next_index, &next_count);
		adjacent = more && next_index == index + 1;
		enlargeStringInfo(buf, 20);
		buf->len = (char *) pack_entry((uint8 *) buf->data + buf->len, previous, announced,
									   index, count, adjacent) - buf->data;
		previous = index;
		announced = adjacent;
		index = next_index;
		count = next_count;
	}
	buf->data[buf->len] = '\0';
}

/* Read a varint from untrusted input; the reason it is invalid, or NULL. */
static const char *
varint_check(const uint8 **in, const uint8 *end, uint64 *value)
{
	uint64		result = 0;
	int			shift = 0;

	for (;;)
	{
		uint8		byte;

		if (*in >= end)
			return "The bucket list ends in the middle of a number.";
		byte = *(*in)++;
		if (shift == 63 && byte > 1)
			return "A number in the bucket list is out of range for 64 bits.";
		result |= (uint64) (byte & 0x7f) << shift;
		if ((byte & 0x80) == 0)
		{
			if (byte == 0 && shift > 0)
				return "A number in the bucket list is not written in its shortest form.";
			*value = result;
			return NULL;
		}
		shift += 7;
	}
}

/*
 * Decode a packed bucket list from outside into at most DURATION_BUCKETS
 * (index, count) pairs; the reason it is invalid, or NULL.  Indexes come
 * out strictly increasing and counts positive, by construction.
 */
const char *
duration_unpack(const uint8 *list, int length, int32 *indexes, int64 *counts, int *nbuckets)
{
	const uint8 *pos = list;
	const uint8 *end = list + length;
	const char *reason;
	int32		previous = -1;
	bool		announced = false;
	int			n = 0;

	while (pos < end)
	{
		uint64		index;
		uint64		code;

		if (announced)
			index = (uint64) previous + 1;
		else
		{
			if ((reason = varint_check(&pos, end, &code)) != NULL)
				return reason;
			if (previous < 0)
				index = code;
			else if (code > PG_UINT64_MAX - DURATION_BUCKETS - 2)
				index = PG_UINT64_MAX;
			else
				index = (uint64) previous + 2 + code;
		}
		if (index > MAX_BUCKET_INDEX)
			return psprintf("Bucket index " UINT64_FORMAT " is out of range 0 to %d.",
							index, MAX_BUCKET_INDEX);
		if ((reason = varint_check(&pos, end, &code)) != NULL)
			return reason;
		if ((code >> 1) >= (uint64) PG_INT64_MAX)
			return "A bucket count is out of range for a 64-bit count.";
		indexes[n] = (int32) index;
		counts[n++] = (int64) (code >> 1) + 1;
		previous = (int32) index;
		announced = (code & 1) != 0;
	}
	if (announced)
		return "The bucket list ends where it announces another bucket.";
	*nbuckets = n;
	return NULL;
}

/* ----------------------------------------------------------------
 * Reading buckets
 * ----------------------------------------------------------------
 */

static void
reader_begin(DurationReader *reader, const DurationSummary *summary)
{
	reader->summary = summary;
	reader->pos = summary->data;
	reader->end = summary->data + (DURATION_IS_PACKED(summary) ? summary->first_index : 0);
	reader->next = 0;
	reader->index = -1;
	reader->announced = false;
}

/* The next bucket and its count; false after the last. */
static inline bool
reader_next(DurationReader *reader, int32 *index, int64 *count)
{
	const DurationSummary *summary = reader->summary;

	if (DURATION_IS_PACKED(summary))
	{
		uint64		code;

		if (reader->pos < reader->end)
		{
			if (reader->announced)
				reader->index++;
			else
			{
				reader->pos = varint_get(reader->pos, &code);
				reader->index = (int32) (reader->index < 0 ? code : reader->index + 2 + code);
			}
			reader->pos = varint_get(reader->pos, &code);
			reader->announced = (code & 1) != 0;
			*index = reader->index;
			*count = (int64) (code >> 1) + 1;
			return true;
		}
		if (reader->next < summary->nbuckets)
		{
			*index = PENDING(summary)[reader->next++];
			*count = 1;
			return true;
		}
		return false;
	}
	while (reader->next < summary->nbuckets)
	{
		int64		c = dense_get(summary, DENSE_WIDTH(summary), reader->next++);

		if (c != 0)
		{
			*index = summary->first_index + reader->next - 1;
			*count = c;
			return true;
		}
	}
	return false;
}

/* ----------------------------------------------------------------
 * Rebuilding
 *
 * A summary is rebuilt by adding all its buckets (and those of anything
 * merged into it) into a scratch array of counts indexed by bucket, with a
 * bitmap of the buckets in use, and writing the result from there.  The
 * array is zeroed again afterwards through the bitmap, so a rebuild costs
 * time in proportion to the buckets in use, not to the whole range.  An
 * error between begin and end leaves it dirty; the next begin clears it.
 * ----------------------------------------------------------------
 */

#define SCRATCH_WORDS ((DURATION_BUCKETS + 64) / 64)	/* one spare bit */

static int64 scratch_counts[DURATION_BUCKETS];
static uint64 scratch_used[SCRATCH_WORDS];
static bool scratch_dirty = false;

/* What the scratch array holds. */
typedef struct Tally
{
	int32		entries;		/* non-empty buckets */
	int32		lowest;			/* first non-empty bucket */
	int32		highest;		/* last non-empty bucket */
	int64		largest;		/* largest count */
	int32		packed;			/* bytes of the packed list */
} Tally;

static void
scratch_begin(void)
{
	if (scratch_dirty)
	{
		memset(scratch_counts, 0, sizeof(scratch_counts));
		memset(scratch_used, 0, sizeof(scratch_used));
	}
	scratch_dirty = true;
}

static inline void
scratch_add(int32 index, int64 count)
{
	scratch_counts[index] += count;
	scratch_used[index / 64] |= UINT64CONST(1) << (index % 64);
}

static inline bool
scratch_in_use(int32 index)
{
	return (scratch_used[index / 64] >> (index % 64)) & 1;
}

/*
 * Add every bucket of a summary.  No count can overflow: each stays below
 * the total count, which was checked.
 */
static void
scratch_add_summary(const DurationSummary *summary)
{
	DurationReader reader;
	int32		index;
	int64		count;

	reader_begin(&reader, summary);
	while (reader_next(&reader, &index, &count))
		scratch_add(index, count);
}

static void
scratch_end(void)
{
	for (int w = 0; w < SCRATCH_WORDS; w++)
	{
		uint64		bits = scratch_used[w];

		while (bits != 0)
		{
			scratch_counts[w * 64 + pg_rightmost_one_pos64(bits)] = 0;
			bits &= bits - 1;
		}
		scratch_used[w] = 0;
	}
	scratch_dirty = false;
}

/* Walk the scratch buckets in order: the first at or after index, or -1. */
static inline int32
scratch_next(int32 index)
{
	int			w = index / 64;
	uint64		bits;

	if (index >= DURATION_BUCKETS)
		return -1;
	bits = scratch_used[w] & (~UINT64CONST(0) << (index % 64));
	while (bits == 0)
	{
		if (++w >= SCRATCH_WORDS)
			return -1;
		bits = scratch_used[w];
	}
	return w * 64 + pg_rightmost_one_pos64(bits);
}

static void
scratch_tally(Tally *tally)
{
	int32		previous = -1;
	bool		announced = false;

	memset(tally, 0, sizeof(Tally));
	tally->lowest = scratch_next(0);
	for (int32 i = tally->lowest; i >= 0; i = scratch_next(i + 1))
	{
		bool		adjacent = scratch_in_use(i + 1);

		tally->entries++;
		tally->highest = i;
		tally->largest = Max(tally->largest, scratch_counts[i]);
		tally->packed += pack_entry_size(previous, announced, i, scratch_counts[i], adjacent);
		previous = i;
		announced = adjacent;
	}
}

/* A summary of size bytes with the statistics of `statistics`. */
static DurationSummary *
make_summary(const DurationSummary *statistics, Size size, bool packed)
{
	DurationSummary *summary = palloc0(size);

	SET_VARSIZE(summary, size);
	summary->version = DURATION_FORMAT_VERSION;
	summary->flags = packed ? DURATION_FLAG_PACKED : 0;
	copy_statistics(summary, statistics);
	return summary;
}

/* The scratch buckets as a packed summary of size bytes (room for pending). */
static DurationSummary *
scratch_packed(const DurationSummary *statistics, const Tally *tally, Size size)
{
	DurationSummary *summary = make_summary(statistics, size, true);
	uint8	   *out = summary->data;
	int32		previous = -1;
	bool		announced = false;

	for (int32 i = tally->lowest; i >= 0; i = scratch_next(i + 1))
	{
		bool		adjacent = scratch_in_use(i + 1);

		out = pack_entry(out, previous, announced, i, scratch_counts[i], adjacent);
		previous = i;
		announced = adjacent;
	}
	summary->first_index = (int32) (out - summary->data);
	Assert(summary->first_index == tally->packed);
	return summary;
}

/* The scratch buckets as a dense summary of nbuckets counts from first. */
static DurationSummary *
scratch_dense(const DurationSummary *statistics, const Tally *tally, int width,
			  int32 first, int32 nbuckets)
{
	DurationSummary *summary = make_summary(statistics,
											DURATION_HEADER_SIZE + (Size) width * nbuckets,
											false);

	summary->width = (uint8) width;
	summary->first_index = first;
	summary->nbuckets = nbuckets;
	for (int32 i = tally->lowest; i >= 0; i = scratch_next(i + 1))
		dense_set(summary, width, i - first, scratch_counts[i]);
	return summary;
}

/*
 * Bytes to give a state that needs `needed` and wants at least `room` more,
 * within budget: up to the power of two the allocator will round to anyway.
 */
static Size
room_limit(Size needed, Size room, Size budget)
{
	Size		want = needed + room;
	Size		target;

	if (want <= SMALL_CHUNK_LIMIT)
		target = pg_nextpower2_size_t(want);
	else
		target = want + want / 8;
	return Min(target, budget);
}

/*
 * A new summary of the scratch buckets with the statistics of `statistics`,
 * and clear the scratch array.  Without room it is the smaller form, exact:
 * what aggregates return and input functions store.  With room it is a
 * state for an aggregate, at most 1.5 times the smaller form: dense if that
 * fits with some slack, else packed with room for pending indexes.
 */
static DurationSummary *
duration_rebuild(const DurationSummary *statistics, bool room)
{
	Tally		tally;
	DurationSummary *result;
	int			width;
	int32		span;
	Size		dense_size;
	Size		packed_size;
	Size		budget;

	scratch_tally(&tally);
	if (tally.entries == 0)
	{
		result = make_summary(statistics,
							  DURATION_HEADER_SIZE + (room ? MIN_PENDING * sizeof(int16) : 0),
							  true);
		scratch_end();
		return result;
	}
	width = width_for(tally.largest);
	span = tally.highest - tally.lowest + 1;
	dense_size = DURATION_HEADER_SIZE + (Size) width * span;
	packed_size = DURATION_HEADER_SIZE + tally.packed;
	budget = Min(dense_size, packed_size) * 3 / 2;

	if (!room)
	{
		if (dense_size <= packed_size)
			result = scratch_dense(statistics, &tally, width, tally.lowest, span);
		else
			result = scratch_packed(statistics, &tally, packed_size);
	}
	else if (dense_size + (Size) width * MIN_SLACK(span) <= budget ||
			 DURATION_HEADER_SIZE + TYPEALIGN(2, tally.packed) + MIN_PENDING * sizeof(int16) > budget)
	{
		/* Dense, with the slack that fits split between both ends. */
		Size		limit = Max(room_limit(dense_size, (Size) width * MIN_SLACK(span), budget),
								dense_size);
		int32		nbuckets = Min(span + (int32) ((limit - dense_size) / width), DURATION_BUCKETS);
		int32		first = Max(tally.lowest - (nbuckets - span) / 2, 0);

		first = Min(first, DURATION_BUCKETS - nbuckets);
		result = scratch_dense(statistics, &tally, width, first, nbuckets);
	}
	else
	{
		Size		used = DURATION_HEADER_SIZE + TYPEALIGN(2, tally.packed);
		Size		limit = room_limit(used, MIN_PENDING * sizeof(int16), budget);

		result = scratch_packed(statistics, &tally,
								used + (limit - used) / sizeof(int16) * sizeof(int16));
	}
	scratch_end();
	return result;
}

/* The empty summary, in its exact form. */
DurationSummary *
duration_empty(void)
{
	DurationSummary *summary = palloc0(DURATION_HEADER_SIZE);

	SET_VARSIZE(summary, DURATION_HEADER_SIZE);
	summary->version = DURATION_FORMAT_VERSION;
	summary->flags = DURATION_FLAG_PACKED;
	return summary;
}

/*
 * The exact summary of checked input: the statistics of `statistics` and
 * buckets with strictly increasing indexes and positive counts.
 */
DurationSummary *
duration_from_buckets(const DurationSummary *statistics, const int32 *indexes,
					  const int64 *counts, int nbuckets)
{
	scratch_begin();
	for (int i = 0; i < nbuckets; i++)
		scratch_add(indexes[i], counts[i]);
	return duration_rebuild(statistics, false);
}

/* The summary in its exact, smaller form: an aggregate's result. */
DurationSummary *
duration_compact(const DurationSummary *summary)
{
	scratch_begin();
	scratch_add_summary(summary);
	return duration_rebuild(summary, false);
}

/*
 * The summary without pending indexes, so that its buckets read in order:
 * itself, or a compact copy.
 */
const DurationSummary *
duration_settled(const DurationSummary *summary)
{
	if (DURATION_IS_PACKED(summary) && summary->nbuckets > 0)
		return duration_compact(summary);
	return summary;
}

/*
 * Make a state that may be a version-1 value (a copy of one given to a
 * transition function by hand) writable as the current version; in place,
 * as the layouts differ only in the dense form's width.
 */
void
duration_prepare_state(DurationSummary *state)
{
	if (unlikely(state->version == 1))
	{
		if (!DURATION_IS_PACKED(state))
			state->width = 8;
		state->version = DURATION_FORMAT_VERSION;
	}
}

/* ----------------------------------------------------------------
 * Adding and merging
 * ----------------------------------------------------------------
 */

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
static inline void
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

/* Count one duration; returns the state, rebuilt if it had to grow. */
DurationSummary *
duration_add(DurationSummary *state, int64 usecs)
{
	int32		index = duration_bucket(usecs);

	add_statistics(state, 1, usecs, (int128) usecs * usecs, usecs, usecs);

	/* The common cases, kept short: a dense count or a pending index. */
	if (likely(!DURATION_IS_PACKED(state)))
	{
		uint32		offset = (uint32) (index - state->first_index);

		if (likely(offset < (uint32) state->nbuckets))
		{
			switch (state->width)
			{
				case 1:
					if (likely(((uint8 *) state->data)[offset] < PG_UINT8_MAX))
					{
						((uint8 *) state->data)[offset]++;
						return state;
					}
					break;
				case 2:
					if (likely(((uint16 *) state->data)[offset] < PG_UINT16_MAX))
					{
						((uint16 *) state->data)[offset]++;
						return state;
					}
					break;
				case 4:
					if (likely(((uint32 *) state->data)[offset] < PG_UINT32_MAX))
					{
						((uint32 *) state->data)[offset]++;
						return state;
					}
					break;
				default:
					/* Below the total count, which was checked. */
					((int64 *) state->data)[offset]++;
					return state;
			}
		}
	}
	else if (state->nbuckets < pending_capacity(state))
	{
		PENDING(state)[state->nbuckets++] = (int16) index;
		return state;
	}

	scratch_begin();
	scratch_add_summary(state);
	scratch_add(index, 1);
	return duration_rebuild(state, true);
}

/*
 * Add a settled summary's buckets to a dense state in place if they fall in
 * its range and no count outgrows its width; false (state untouched) if not.
 */
static bool
dense_merge_in_place(DurationSummary *state, const DurationSummary *other)
{
	int			width = state->width;
	int64		limit = width_limit(width);
	DurationReader reader;
	int32		index;
	int64		count;
	int32		applied = 0;

	if (duration_bucket(other->min_us) < state->first_index ||
		duration_bucket(other->max_us) >= state->first_index + state->nbuckets)
		return false;
	reader_begin(&reader, other);
	while (reader_next(&reader, &index, &count))
	{
		int64		current = dense_get(state, width, index - state->first_index);

		if (count > limit - current)
		{
			/* Too large for the width: take back what was added. */
			reader_begin(&reader, other);
			while (applied-- > 0 && reader_next(&reader, &index, &count))
				dense_set(state, width, index - state->first_index,
						  dense_get(state, width, index - state->first_index) - count);
			return false;
		}
		dense_set(state, width, index - state->first_index, current + count);
		applied++;
	}
	return true;
}

/* Add other's durations to state; returns the state, rebuilt if it grew. */
DurationSummary *
duration_merge(DurationSummary *state, const DurationSummary *other)
{
	if (other->count == 0)
		return state;
	add_statistics(state, other->count, duration_get_sum(other), duration_get_sumsq(other),
				   other->min_us, other->max_us);
	if (!DURATION_IS_PACKED(state))
	{
		if (dense_merge_in_place(state, duration_settled(other)))
			return state;
	}
	else if (other->count <= pending_capacity(state) - state->nbuckets)
	{
		DurationReader reader;
		int32		index;
		int64		count;

		reader_begin(&reader, other);
		while (reader_next(&reader, &index, &count))
			while (count-- > 0)
				PENDING(state)[state->nbuckets++] = (int16) index;
		return state;
	}
	scratch_begin();
	scratch_add_summary(state);
	scratch_add_summary(other);
	return duration_rebuild(state, true);
}

/* ----------------------------------------------------------------
 * Reading
 * ----------------------------------------------------------------
 */

/*
 * The q-quantile in microseconds with percentile_disc's rank: the value at
 * position ceil(q * count), estimated by its bucket's midpoint and clamped
 * to the exact minimum and maximum, which are exact at the first and last
 * positions.  The summary must be settled (duration_settled) and not empty.
 */
int64
duration_quantile(const DurationSummary *settled, float8 q)
{
	double		position = ceil(q * (double) settled->count);
	int64		rank;
	int64		seen = 0;
	uint64		lowest;
	uint64		highest;
	int64		estimate;
	DurationReader reader;
	int32		index;
	int64		count;

	Assert(settled->count > 0 && !(DURATION_IS_PACKED(settled) && settled->nbuckets > 0));
	/* Near 2^63 the position can round past the count: no int64 holds it. */
	if (position >= (double) settled->count)
		return settled->max_us;
	rank = (int64) position;
	if (rank <= 1)
		return settled->min_us;
	if (rank >= settled->count)
		return settled->max_us;
	reader_begin(&reader, settled);
	while (reader_next(&reader, &index, &count))
	{
		seen += count;
		if (seen >= rank)
		{
			duration_bucket_bounds(index, &lowest, &highest);
			estimate = (int64) (lowest + (highest - lowest) / 2);
			return Min(Max(estimate, settled->min_us), settled->max_us);
		}
	}
	return settled->max_us;
}

/* Whether two summaries hold the same statistics and bucket counts. */
bool
duration_equal(const DurationSummary *a, const DurationSummary *b)
{
	DurationReader reader_a;
	DurationReader reader_b;
	int32		index_a;
	int32		index_b;
	int64		count_a;
	int64		count_b;
	bool		more;

	if (memcmp(&a->count, &b->count, DURATION_HEADER_SIZE - offsetof(DurationSummary, count)) != 0)
		return false;
	reader_begin(&reader_a, duration_settled(a));
	reader_begin(&reader_b, duration_settled(b));
	do
	{
		more = reader_next(&reader_a, &index_a, &count_a);
		if (more != reader_next(&reader_b, &index_b, &count_b))
			return false;
		if (more && (index_a != index_b || count_a != count_b))
			return false;
	} while (more);
	return true;
}

/*
 * A hash that agrees with duration_equal: of the statistics, and of the
 * counts as int64s from the minimum's to the maximum's bucket, as version 1
 * computed it, so that hash indexes and partitions stay valid.
 */
uint32
duration_hash(const DurationSummary *summary)
{
	uint32		hash;
	int32		lowest = 0;
	int32		span = 0;

	hash = DatumGetUInt32(hash_any((const unsigned char *) &summary->count,
								   DURATION_HEADER_SIZE - offsetof(DurationSummary, count)));
	scratch_begin();
	scratch_add_summary(summary);
	if (summary->count > 0)
	{
		lowest = duration_bucket(summary->min_us);
		span = duration_bucket(summary->max_us) - lowest + 1;
	}
	hash = hash_combine(hash, DatumGetUInt32(hash_any((const unsigned char *) &scratch_counts[lowest],
													  span * sizeof(int64))));
	scratch_end();
	return hash;
}
