/*-------------------------------------------------------------------------
 *
 * duration_input.c
 *	  Durations as exact integer microseconds, shared by aht and
 *	  duration_agg, and the rounded mean both report.
 *
 * An interval's months count as 30 days and its days as 24 hours, as in
 * PostgreSQL's own interval comparison.  Negative durations are errors.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "csmetrics.h"

/* Largest number of seconds whose microseconds fit in an int64. */
#define MAX_DURATION_SECONDS ((double) PG_INT64_MAX / USECS_PER_SEC)

/* An interval as PostgreSQL prints it, for messages. */
static char *
interval_text(const Interval *duration)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(duration)));
}

/* Report an interval that is too long, or negative, for a duration. */
void
duration_report_interval(const Interval *duration, bool negative)
{
	if (negative)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("duration %s is negative", interval_text(duration)),
				 errdetail("Durations must be zero or positive.")));
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("duration %s is out of range", interval_text(duration)),
			 errdetail("Durations must be shorter than 292,000 years.")));
}

/* Seconds as whole microseconds; negative, NaN or too long is an error. */
int64
duration_seconds_usecs(float8 seconds)
{
	/* Written so that NaN fails the test too. */
	if (!(seconds >= 0 && seconds < MAX_DURATION_SECONDS))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("duration of %s seconds is out of range", float8out_internal(seconds)),
				 errdetail("Durations must be finite, zero or positive, and shorter than 292,000 years.")));
	/* Half up, as the means round. */
	return (int64) floor(seconds * USECS_PER_SEC + 0.5);
}

/* total / count rounded half up, for non-negative total and positive count. */
int64
duration_mean_usecs(int128 total, int64 count)
{
	int128		quotient = total / count;
	int128		remainder = total % count;

	if (remainder >= count - remainder)
		quotient++;
	return (int64) quotient;
}

/* A plain time interval of the given microseconds. */
Interval *
duration_make_interval(int64 usecs)
{
	Interval   *result = palloc0(sizeof(Interval));

	result->time = usecs;
	return result;
}
