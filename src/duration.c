/*-------------------------------------------------------------------------
 *
 * duration.c
 *	  duration_summary's SQL functions: text and binary forms, the
 *	  aggregates (duration_agg, rollup) and the accessors.  The histogram
 *	  itself is in duration_buckets.c.
 *
 * Count, sum, mean, minimum and maximum are exact; percentiles are within
 * 1% relative error of percentile_disc.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/base64.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/lsyscache.h"

#include "duration_buckets.h"

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
PG_FUNCTION_INFO_V1(duration_ci_low);
PG_FUNCTION_INFO_V1(duration_ci_high);
PG_FUNCTION_INFO_V1(duration_p_value);

/*
 * The state to update for the transition or merge function: a copy outside
 * an aggregate, otherwise the state itself; of the current version.
 */
static DurationSummary *
duration_state(FunctionCallInfo fcinfo)
{
	DurationSummary *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		state = (DurationSummary *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	else
		state = PG_GETARG_DURATION(0);
	duration_prepare_state(state);
	return state;
}

/* ----------------------------------------------------------------
 * Validation and I/O
 * ----------------------------------------------------------------
 */

/*
 * Why a version-1 bucket list is invalid, or NULL: its indexes must be in
 * range and strictly increasing and its counts positive.  (The version-2
 * list holds only such lists.)
 */
static const char *
duration_pairs_invalid_reason(const int32 *indexes, const int64 *counts, int nbuckets)
{
	for (int i = 0; i < nbuckets; i++)
	{
		if (indexes[i] < 0 || indexes[i] > MAX_BUCKET_INDEX)
			return psprintf("Bucket index %d is out of range 0 to %d.", indexes[i], MAX_BUCKET_INDEX);
		if (i > 0 && indexes[i] <= indexes[i - 1])
			return "Bucket indexes must be strictly increasing.";
		if (counts[i] <= 0)
			return "Bucket counts must be positive.";
	}
	return NULL;
}

/*
 * Why the statistics of a summary read from outside do not fit its buckets
 * (strictly increasing indexes in range, positive counts), or NULL.
 */
static const char *
duration_invalid_reason(const DurationSummary *summary, const int32 *indexes,
						const int64 *counts, int nbuckets)
{
	int128		sum = duration_get_sum(summary);
	int128		sumsq = duration_get_sumsq(summary);
	int128		sum_low = 0;
	int128		sum_high = 0;
	int128		scaled_sumsq;
	int128		sum_squared;
	int64		total = 0;

	if (summary->count == 0)
	{
		if (nbuckets != 0 || sum != 0 || sumsq != 0 ||
			summary->min_us != 0 || summary->max_us != 0)
			return "A summary without durations must have no buckets and zero sums, minimum and maximum.";
		return NULL;
	}
	if (nbuckets == 0)
		return "A summary with durations must have buckets.";
	if (summary->min_us < 0 || summary->max_us < 0)
		return "The minimum and maximum must not be negative.";
	if (summary->min_us > summary->max_us)
		return "The minimum exceeds the maximum.";
	if (indexes[0] != duration_bucket(summary->min_us))
		return "The minimum is not in the first bucket.";
	if (indexes[nbuckets - 1] != duration_bucket(summary->max_us))
		return "The maximum is not in the last bucket.";
	for (int i = 0; i < nbuckets; i++)
	{
		uint64		lowest;
		uint64		highest;

		if (__builtin_add_overflow(total, counts[i], &total))
			return "The bucket counts add up to more than a 64-bit count.";
		duration_bucket_bounds(indexes[i], &lowest, &highest);
		sum_low += (int128) lowest * counts[i];
		sum_high += (int128) highest * counts[i];
	}
	if (total != summary->count)
		return "The bucket counts do not add up to the count.";
	if (sum < Max(sum_low, (int128) summary->min_us * summary->count) ||
		sum > Min(sum_high, (int128) summary->max_us * summary->count))
		return "The sum does not fit the buckets, minimum and maximum.";
	/* count * min^2 <= sumsq <= count * max^2, by division to avoid overflow. */
	if (sumsq / summary->count < (int128) summary->min_us * summary->min_us ||
		sumsq / summary->count + (sumsq % summary->count != 0) >
		(int128) summary->max_us * summary->max_us)
		return "The sum of squares does not fit the minimum and maximum.";
	/* Cauchy-Schwarz: count * sumsq >= sum^2, or the variance is negative. */
	if (__builtin_mul_overflow((int128) summary->count, sumsq, &scaled_sumsq) ||
		__builtin_mul_overflow(sum, sum, &sum_squared) ?
		(long double) summary->count * (long double) sumsq <
		(long double) sum * (long double) sum * (1 - 1e-15L) :
		scaled_sumsq < sum_squared)
		return "The sum of squares is too small for the sum.";
	return NULL;
}

/* Decode a version-2 text bucket list (base64); the reason it is invalid, or NULL. */
static const char *
duration_decode_text_list(const char *text, int length, int32 *indexes, int64 *counts,
						  int *nbuckets)
{
	int			size = pg_b64_dec_len(length);
	uint8	   *list = palloc(size + 1);

	size = pg_b64_decode(text, length, (csm_b64_byte *) list, size);
	if (size < 0)
		return "The bucket list is not valid base64.";
	return duration_unpack(list, size, indexes, counts, nbuckets);
}

/*
 * duration_summary_in(cstring): parse
 * "duration v2 count=N sum_us=S sumsq_us2=Q min_us=A max_us=B buckets=<base64>",
 * or version 1 with "buckets=i:c,...".
 */
Datum
duration_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	DurationSummary statistics;
	const char *reason;
	int32	   *indexes = palloc(DURATION_BUCKETS * sizeof(int32));
	int64	   *counts = palloc(DURATION_BUCKETS * sizeof(int64));
	int			nbuckets = 0;
	int			version;

	memset(&statistics, 0, sizeof(statistics));
	version = summary_parse_begin_versions(&parser, DURATION_TYPNAME, "duration", input,
										   fcinfo->context, DURATION_FORMAT_VERSION);
	statistics.count = summary_parse_count(&parser, "count");
	duration_set_sum(&statistics, summary_parse_total(&parser, "sum_us"));
	duration_set_sumsq(&statistics, summary_parse_total(&parser, "sumsq_us2"));
	statistics.min_us = summary_parse_count(&parser, "min_us");
	statistics.max_us = summary_parse_count(&parser, "max_us");
	if (version == 1)
	{
		nbuckets = summary_parse_pair_list(&parser, "buckets", indexes, counts, DURATION_BUCKETS);
		summary_parse_end(&parser);
		reason = duration_pairs_invalid_reason(indexes, counts, nbuckets);
	}
	else
	{
		int			length;
		const char *list = summary_parse_word(&parser, "buckets", &length);

		summary_parse_end(&parser);
		reason = duration_decode_text_list(list, length, indexes, counts, &nbuckets);
	}
	if (reason == NULL)
		reason = duration_invalid_reason(&statistics, indexes, counts, nbuckets);
	if (reason)
		summary_parse_reject(&parser, reason);
	if (parser.failed)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(duration_from_buckets(&statistics, indexes, counts, nbuckets));
}

/* duration_summary_out(duration_summary): the canonical text form. */
Datum
duration_summary_out(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	StringInfoData list;
	StringInfoData buf;
	int			length;

	initStringInfo(&list);
	duration_pack(&list, summary);
	summary_text_begin_version(&buf, "duration", DURATION_FORMAT_VERSION);
	summary_text_count(&buf, "count", summary->count);
	summary_text_total(&buf, "sum_us", duration_get_sum(summary));
	summary_text_total(&buf, "sumsq_us2", duration_get_sumsq(summary));
	summary_text_count(&buf, "min_us", summary->min_us);
	summary_text_count(&buf, "max_us", summary->max_us);
	appendStringInfoString(&buf, " buckets=");
	length = pg_b64_enc_len(list.len);
	enlargeStringInfo(&buf, length);
	length = pg_b64_encode((const csm_b64_byte *) list.data, list.len, buf.data + buf.len, length);
	if (length < 0)
		elog(ERROR, "could not encode a duration_summary bucket list");
	buf.len += length;
	buf.data[buf.len] = '\0';
	PG_RETURN_CSTRING(buf.data);
}

/*
 * duration_summary_recv(internal): version byte (2), count, sum (2 x int64),
 * sum of squares (2 x int64), min, max, the int32 length of the packed
 * bucket list, then the list.  Version 1 has an int32 number of buckets
 * instead, then an int16 index and an int64 count per non-empty bucket.
 */
Datum
duration_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	DurationSummary statistics;
	const char *reason;
	int32		length;
	int32	   *indexes = palloc(DURATION_BUCKETS * sizeof(int32));
	int64	   *counts = palloc(DURATION_BUCKETS * sizeof(int64));
	int			nbuckets = 0;
	int			version;

	memset(&statistics, 0, sizeof(statistics));
	version = summary_recv_version_upto(buf, DURATION_TYPNAME, DURATION_FORMAT_VERSION);
	if (buf->len - buf->cursor < 7 * (int) sizeof(int64) + (int) sizeof(int32))
		summary_reject_binary(DURATION_TYPNAME, "The value ends before its buckets.");
	statistics.count = summary_recv_count(buf, DURATION_TYPNAME);
	duration_set_sum(&statistics, summary_recv_total(buf, DURATION_TYPNAME));
	duration_set_sumsq(&statistics, summary_recv_total(buf, DURATION_TYPNAME));
	statistics.min_us = pq_getmsgint64(buf);
	statistics.max_us = pq_getmsgint64(buf);
	length = (int32) pq_getmsgint(buf, sizeof(int32));
	if (version == 1)
	{
		if (length < 0 || length > DURATION_BUCKETS)
			summary_reject_binary(DURATION_TYPNAME,
								  psprintf("The number of buckets must be between 0 and %d.", DURATION_BUCKETS));
		summary_recv_expect_length(buf, length * (int) (sizeof(int16) + sizeof(int64)), DURATION_TYPNAME);
		for (nbuckets = 0; nbuckets < length; nbuckets++)
		{
			indexes[nbuckets] = (int16) pq_getmsgint(buf, sizeof(int16));
			counts[nbuckets] = pq_getmsgint64(buf);
		}
		reason = duration_pairs_invalid_reason(indexes, counts, nbuckets);
	}
	else
	{
		if (length < 0)
			summary_reject_binary(DURATION_TYPNAME, "The length of the bucket list must not be negative.");
		summary_recv_expect_length(buf, length, DURATION_TYPNAME);
		reason = duration_unpack((const uint8 *) pq_getmsgbytes(buf, length), length,
								 indexes, counts, &nbuckets);
	}
	if (reason == NULL)
		reason = duration_invalid_reason(&statistics, indexes, counts, nbuckets);
	if (reason)
		summary_reject_binary(DURATION_TYPNAME, reason);
	PG_RETURN_POINTER(duration_from_buckets(&statistics, indexes, counts, nbuckets));
}

/* duration_summary_send(duration_summary): the binary form read by recv. */
Datum
duration_summary_send(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);
	StringInfoData list;
	StringInfoData buf;

	initStringInfo(&list);
	duration_pack(&list, summary);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, DURATION_FORMAT_VERSION);
	pq_sendint64(&buf, summary->count);
	summary_send_total(&buf, duration_get_sum(summary));
	summary_send_total(&buf, duration_get_sumsq(summary));
	pq_sendint64(&buf, summary->min_us);
	pq_sendint64(&buf, summary->max_us);
	pq_sendint32(&buf, list.len);
	pq_sendbytes(&buf, list.data, list.len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
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

/* duration_summary_hash(duration_summary): agrees with =. */
Datum
duration_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(duration_hash(PG_GETARG_DURATION(0)));
}

/* ----------------------------------------------------------------
 * Aggregates
 * ----------------------------------------------------------------
 */

/* duration_agg(interval) transition: count one duration. */
Datum
duration_agg_trans(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duration_add(duration_state(fcinfo),
								   duration_interval_usecs(PG_GETARG_INTERVAL_P(1))));
}

/* duration_agg(seconds) transition: count one duration, to the microsecond. */
Datum
duration_agg_seconds_trans(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duration_add(duration_state(fcinfo),
								   duration_seconds_usecs(PG_GETARG_FLOAT8(1))));
}

/* rollup transition and combine: add another summary's durations. */
Datum
duration_rollup_trans(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duration_merge(duration_state(fcinfo), PG_GETARG_DURATION(1)));
}

/* duration_agg and rollup final function: the smallest form of the summary. */
Datum
duration_agg_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duration_compact(PG_GETARG_DURATION(0)));
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
	int128		sum = duration_get_sum(summary);

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
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_mean_usecs(duration_get_sum(summary), summary->count)));
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

/* Sample variance in square microseconds; the summary holds two durations. */
static long double
duration_variance(const DurationSummary *summary)
{
	int128		n = summary->count;
	int128		sum = duration_get_sum(summary);
	int128		scaled_sumsq;
	int128		sum_squared;
	long double variance;

	/* n * sumsq - sum^2 exactly when it fits, else in long double. */
	if (!__builtin_mul_overflow(n, duration_get_sumsq(summary), &scaled_sumsq) &&
		!__builtin_mul_overflow(sum, sum, &sum_squared))
		variance = (long double) (scaled_sumsq - sum_squared) / ((long double) n * (n - 1));
	else
		variance = ((long double) duration_get_sumsq(summary) -
					(long double) sum * (long double) sum / (long double) n) / (long double) (n - 1);
	return Max(variance, 0);
}

/* stddev(duration_summary): sample standard deviation, NULL below 2 values. */
Datum
duration_stddev(PG_FUNCTION_ARGS)
{
	DurationSummary *summary = PG_GETARG_DURATION(0);

	if (summary->count < 2)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval((int64) llroundl(sqrtl(duration_variance(summary)))));
}

/* Mean duration in microseconds, as a double. */
static double
duration_mean_double(const DurationSummary *summary)
{
	return (double) ((long double) duration_get_sum(summary) / summary->count);
}

/*
 * Student-t interval of the mean in microseconds, the low end at least 0;
 * false with fewer than two durations.
 */
static bool
duration_interval(const DurationSummary *summary, float8 confidence, double *low, double *high)
{
	double		margin;

	stats_check_confidence(confidence);
	if (summary->count < 2)
		return false;
	margin = stats_t_quantile(confidence, (double) (summary->count - 1)) *
		sqrt((double) duration_variance(summary) / (double) summary->count);
	*low = Max(0.0, duration_mean_double(summary) - margin);
	*high = duration_mean_double(summary) + margin;
	return true;
}

/* Microseconds as an interval, rounded, or an error past the interval range. */
static Interval *
usecs_interval(double usecs)
{
	if (!(usecs < (double) PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range"),
				 errdetail("The bound exceeds the largest interval.")));
	return duration_make_interval((int64) llround(usecs));
}

/* ci_low(duration_summary, confidence): lower bound of the mean duration. */
Datum
duration_ci_low(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!duration_interval(PG_GETARG_DURATION(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(usecs_interval(low));
}

/* ci_high(duration_summary, confidence): upper bound of the mean duration. */
Datum
duration_ci_high(PG_FUNCTION_ARGS)
{
	double		low;
	double		high;

	if (!duration_interval(PG_GETARG_DURATION(0), PG_GETARG_FLOAT8(1), &low, &high))
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(usecs_interval(high));
}

/* p_value(duration_summary, duration_summary): Welch's t-test on the means. */
Datum
duration_p_value(PG_FUNCTION_ARGS)
{
	DurationSummary *a = PG_GETARG_DURATION(0);
	DurationSummary *b = PG_GETARG_DURATION(1);

	if (a->count < 2 || b->count < 2)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stats_welch_p(stats_mean_difference(duration_get_sum(a), a->count,
														 duration_get_sum(b), b->count),
								   (double) duration_variance(a), (double) a->count,
								   (double) duration_variance(b), (double) b->count));
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
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_quantile(duration_settled(summary), 0.5)));
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
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_quantile(duration_settled(summary), q)));
}

/* percentile(duration_summary, q[]): one interval per fraction, NULL for NULL. */
Datum
duration_percentiles(PG_FUNCTION_ARGS)
{
	const DurationSummary *summary = duration_settled(PG_GETARG_DURATION(0));
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
