/*-------------------------------------------------------------------------
 *
 * business_time.c
 *	  Working time under a business_calendar: business_duration,
 *	  business_add and is_business_time.
 *
 * Working hours are local wall-clock times.  A span is cut where the zone's
 * UTC offset changes (pg_next_dst_boundary); within a piece the offset is
 * constant, so local time is UTC plus that offset and the working time in
 * the piece is W(local end) - W(local start), where W(x) counts working
 * microseconds from a fixed origin up to local time x in closed form:
 * whole weeks, the days of the last week, the part of the last day, minus
 * holidays.  The cost grows with the number of offset changes in the span,
 * never with its length in days or minutes.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "csmetrics.h"
#include "calendar.h"

PG_FUNCTION_INFO_V1(business_duration);
PG_FUNCTION_INFO_V1(business_add);
PG_FUNCTION_INFO_V1(business_add_text);
PG_FUNCTION_INFO_V1(is_business_time);

/* 2000-01-03, the first Monday after the PostgreSQL epoch. */
#define FIRST_MONDAY 2

/* The last local date a search may reach (timestamps end in 294276 AD). */
#define LAST_DAY (END_TIMESTAMP / USECS_PER_DAY + 1)

/* Unix times in January and July of the year 3000, to see if DST goes on. */
#define FAR_JANUARY INT64CONST(32503766400)
#define FAR_JULY INT64CONST(32519318400)

/* Step of the search for offset changes that pg_next_dst_boundary misses. */
#define PROBE_SECS (14 * SECS_PER_DAY)

/* Seconds from the Unix epoch to the PostgreSQL epoch. */
#define EPOCH_OFFSET_SECS ((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)

/* A calendar ready for W: the zone and cumulative working time. */
struct WorkClock
{
	const BusinessCalendar *cal;
	pg_tz	   *zone;
	int64		week_total;		/* working microseconds per week */
	int64		week_prefix[8]; /* working microseconds before weekday d */
	const DateADT *holidays;
	int64	   *holiday_prefix; /* working time lost to holidays before i */
	bool		keeps_changing; /* the zone's rules still change the offset */
	/* The UTC offset last looked up and the instants it holds between. */
	bool		period_known;
	bool		period_ends;
	TimestampTz period_from;
	TimestampTz period_until;
	int64		period_offset;
};

/* floor(a / b) for b > 0. */
static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	return (a % b < 0) ? q - 1 : q;
}

/* Working microseconds of weekday dow between local midnight and t. */
static int64
day_prefix(const WorkClock *clock, int dow, int64 t)
{
	const BusinessCalendar *cal = clock->cal;
	int64		sum = 0;

	for (int r = cal->first_range[dow]; r < cal->first_range[dow + 1]; r++)
	{
		int64		start = cal->ranges[r].start * USECS_PER_MINUTE;
		int64		end = cal->ranges[r].end * USECS_PER_MINUTE;

		if (t <= start)
			break;
		sum += Min(t, end) - start;
	}
	return sum;
}

/* The zone's UTC offset in seconds at Unix time t. */
static long int
utc_offset(const pg_tz *zone, pg_time_t t)
{
	return pg_localtime(&t, zone)->tm_gmtoff;
}

/* Set up W for a calendar, in memory context cxt. */
static void
clock_init(WorkClock *clock, const BusinessCalendar *cal, MemoryContext cxt)
{
	memset(clock, 0, sizeof(WorkClock));
	clock->cal = cal;
	clock->zone = calendar_zone(cal->tzname);
	if (clock->zone == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" is not recognized", cal->tzname)));
	for (int d = 0; d < 7; d++)
		clock->week_prefix[d + 1] = clock->week_prefix[d] + day_prefix(clock, d, USECS_PER_DAY);
	clock->week_total = clock->week_prefix[7];
	clock->keeps_changing = utc_offset(clock->zone, FAR_JANUARY) != utc_offset(clock->zone, FAR_JULY);
	clock->holidays = CALENDAR_HOLIDAYS(cal);
	clock->holiday_prefix = MemoryContextAlloc(cxt, (cal->nholidays + 1) * sizeof(int64));
	clock->holiday_prefix[0] = 0;
	for (int i = 0; i < cal->nholidays; i++)
	{
		int			dow = calendar_weekday(clock->holidays[i]);

		clock->holiday_prefix[i + 1] = clock->holiday_prefix[i] +
			clock->week_prefix[dow + 1] - clock->week_prefix[dow];
	}
}

/*
 * The clock for the calendar argument.  Rows usually share one calendar, so
 * the prepared clock (and the last UTC offset period) is kept in fn_extra
 * and reused while the calendar's bytes are the same.
 */
WorkClock *
calendar_clock_for(FunctionCallInfo fcinfo, int argno)
{
	BusinessCalendar *cal = PG_GETARG_CALENDAR(argno);
	WorkClock  *clock = fcinfo->flinfo->fn_extra;

	if (clock == NULL || VARSIZE(clock->cal) != VARSIZE(cal) ||
		memcmp(clock->cal, cal, VARSIZE(cal)) != 0)
	{
		MemoryContext cxt = fcinfo->flinfo->fn_mcxt;
		BusinessCalendar *copy = MemoryContextAlloc(cxt, VARSIZE(cal));

		memcpy(copy, cal, VARSIZE(cal));
		if (clock == NULL)
			clock = MemoryContextAlloc(cxt, sizeof(WorkClock));
		else
		{
			/* Rows may alternate between calendars: keep one copy only. */
			pfree(clock->holiday_prefix);
			pfree((BusinessCalendar *) clock->cal);
		}
		clock_init(clock, copy, cxt);
		fcinfo->flinfo->fn_extra = clock;
	}
	return clock;
}

/* Number of holidays before local date `date`. */
static int
holidays_before(const WorkClock *clock, int64 date)
{
	int			low = 0;
	int			high = clock->cal->nholidays;

	while (low < high)
	{
		int			mid = (low + high) / 2;

		if (clock->holidays[mid] < date)
			low = mid + 1;
		else
			high = mid;
	}
	return low;
}

/*
 * W(x): working microseconds from the origin up to local time x, in 128
 * bits because a round-the-clock calendar over the whole timestamp range
 * passes 2^63.
 */
static int128
working_until(const WorkClock *clock, int64 local)
{
	int64		date = floor_div(local, USECS_PER_DAY);
	int64		t = local - date * USECS_PER_DAY;
	int64		weeks = floor_div(date - FIRST_MONDAY, 7);
	int			dow = (int) (date - FIRST_MONDAY - weeks * 7);
	int			before = holidays_before(clock, date);
	int128		work = (int128) weeks * clock->week_total + clock->week_prefix[dow] + day_prefix(clock, dow, t);

	work -= clock->holiday_prefix[before];
	if (before < clock->cal->nholidays && clock->holidays[before] == date)
		work -= day_prefix(clock, dow, t);
	return work;
}

/*
 * Far beyond the zone's table of transitions, pg_next_dst_boundary can
 * report no further change although the zone's rules go on changing the
 * offset.  Then find the next change by stepping two weeks at a time and
 * bisecting to the second; 1 if found before the end of timestamps.
 */
static int
next_change_by_probing(const pg_tz *zone, pg_time_t t, long int offset, pg_time_t *boundary)
{
	pg_time_t	last = (END_TIMESTAMP / USECS_PER_SEC) + EPOCH_OFFSET_SECS;

	for (pg_time_t low = t; low < last; low += PROBE_SECS)
	{
		pg_time_t	high = Min(low + PROBE_SECS, last);

		CHECK_FOR_INTERRUPTS();
		if (utc_offset(zone, high) == offset)
			continue;
		while (high - low > 1)
		{
			pg_time_t	mid = low + (high - low) / 2;

			if (utc_offset(zone, mid) == offset)
				low = mid;
			else
				high = mid;
		}
		*boundary = high;
		return 1;
	}
	return 0;
}

/*
 * The UTC offset in effect at instant u (microseconds, PostgreSQL epoch)
 * and the next instant it changes, or false if it never changes again.
 */
static bool
offset_at(WorkClock *clock, TimestampTz u, int64 *offset, TimestampTz *change)
{
	pg_time_t	t;
	long int	before_gmtoff;
	long int	after_gmtoff;
	int			before_isdst;
	int			after_isdst;
	pg_time_t	boundary;
	int			found;

	if (!(clock->period_known && u >= clock->period_from &&
		  (!clock->period_ends || u < clock->period_until)))
	{
		t = floor_div(u, USECS_PER_SEC) + EPOCH_OFFSET_SECS;
		found = pg_next_dst_boundary(&t, &before_gmtoff, &before_isdst, &boundary,
									 &after_gmtoff, &after_isdst, clock->zone);
		if (found < 0)
			elog(ERROR, "could not find the UTC offset changes of time zone \"%s\"", clock->cal->tzname);
		if (found == 0 && clock->keeps_changing)
			found = next_change_by_probing(clock->zone, t, before_gmtoff, &boundary);
		clock->period_known = true;
		clock->period_from = u;
		clock->period_offset = (int64) before_gmtoff * USECS_PER_SEC;
		clock->period_ends = found == 1 &&
			boundary <= (END_TIMESTAMP / USECS_PER_SEC) + EPOCH_OFFSET_SECS;
		if (clock->period_ends)
			clock->period_until = (boundary - EPOCH_OFFSET_SECS) * USECS_PER_SEC;
	}
	*offset = clock->period_offset;
	*change = clock->period_until;
	return clock->period_ends;
}

/* Reject infinite timestamps, which no working time can span. */
static void
check_finite(TimestampTz ts, const char *argname)
{
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite timestamp", argname)));
}

/* Working microseconds between finite instants start <= finish. */
int64
calendar_working_between(WorkClock *clock, TimestampTz start, TimestampTz finish)
{
	int128		total = 0;

	while (start < finish)
	{
		int64		offset;
		TimestampTz change;
		TimestampTz end = finish;

		CHECK_FOR_INTERRUPTS();
		if (offset_at(clock, start, &offset, &change) && change < finish)
			end = change;
		total += working_until(clock, end + offset) - working_until(clock, start + offset);
		start = end;
	}
	if (total > PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range"),
				 errdetail("The working time between these instants exceeds the largest interval.")));
	return (int64) total;
}

/* business_duration(start, finish, calendar): the working time between them. */
Datum
business_duration(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz finish = PG_GETARG_TIMESTAMPTZ(1);
	WorkClock  *clock;

	check_finite(start, "start");
	check_finite(finish, "finish");
	if (finish < start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("finish is before start"),
				 errdetail("business_duration measures forward in time; swap the arguments or check the data.")));
	clock = calendar_clock_for(fcinfo, 2);
	PG_RETURN_INTERVAL_P(duration_make_interval(calendar_working_between(clock, start, finish)));
}

/*
 * The first local time x >= from with W(x) >= target, given that W(from) <
 * target: find the day whose end reaches the target by doubling then
 * bisecting over days, then walk that day's ranges.
 */
static int64
local_time_reaching(const WorkClock *clock, int64 from, int128 target)
{
	int64		first_day = floor_div(from, USECS_PER_DAY);
	int64		low = first_day;
	int64		step = 1;
	int64		high;
	int64		t;
	int128		need;
	int			dow;
	int64		weeks;

	/* Find a day whose end reaches the target. */
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		high = low + step - 1;
		if (high > LAST_DAY)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range"),
					 errdetail("That much working time does not pass before the end of the timestamp range.")));
		if (working_until(clock, (high + 1) * USECS_PER_DAY) >= target)
			break;
		low = high + 1;
		step *= 2;
	}
	/* The first such day in [low, high]. */
	while (low < high)
	{
		int64		mid = low + (high - low) / 2;

		if (working_until(clock, (mid + 1) * USECS_PER_DAY) >= target)
			high = mid;
		else
			low = mid + 1;
	}
	t = (low == first_day) ? from - low * USECS_PER_DAY : 0;
	need = target - working_until(clock, low * USECS_PER_DAY + t);
	weeks = floor_div(low - FIRST_MONDAY, 7);
	dow = (int) (low - FIRST_MONDAY - weeks * 7);
	for (int r = clock->cal->first_range[dow]; r < clock->cal->first_range[dow + 1]; r++)
	{
		int64		start = Max(clock->cal->ranges[r].start * USECS_PER_MINUTE, t);
		int64		end = clock->cal->ranges[r].end * USECS_PER_MINUTE;

		if (end <= start)
			continue;
		if (need <= end - start)
			return low * USECS_PER_DAY + start + (int64) need;
		need -= end - start;
	}
	elog(ERROR, "working time ran out within the day that should reach it");
	pg_unreachable();
}

/*
 * The first instant at which `remaining` working microseconds (>= 0) have
 * passed since the finite instant start.
 */
TimestampTz
calendar_add_working(WorkClock *clock, TimestampTz start, int64 remaining)
{
	while (remaining > 0)
	{
		int64		offset;
		TimestampTz change;
		int128		worked;
		int64		reached;

		CHECK_FOR_INTERRUPTS();
		if (offset_at(clock, start, &offset, &change))
		{
			int128		available = working_until(clock, change + offset) -
				working_until(clock, start + offset);

			if (available < remaining)
			{
				remaining -= available;
				start = change;
				continue;
			}
		}
		worked = working_until(clock, start + offset);
		reached = local_time_reaching(clock, start + offset, worked + remaining) - offset;
		if (!IS_VALID_TIMESTAMP(reached))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range")));
		return reached;
	}
	return start;
}

/* The due time of both business_add functions; the calendar is argument 2. */
static Datum
business_add_interval(FunctionCallInfo fcinfo, Interval *working)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	int64		remaining = duration_interval_usecs(working);

	check_finite(start, "start");
	PG_RETURN_TIMESTAMPTZ(calendar_add_working(calendar_clock_for(fcinfo, 2), start, remaining));
}

/* business_add(start, working, calendar): when that much working time has passed. */
Datum
business_add(PG_FUNCTION_ARGS)
{
	return business_add_interval(fcinfo, PG_GETARG_INTERVAL_P(1));
}

/*
 * business_add(start, working text, calendar): the working time written as
 * text, as an untyped literal resolves to.  It is read with IntervalStyle
 * postgres whatever the session's setting (the only setting interval input
 * depends on), so that the function is immutable like business_add itself
 * and can be used in generated columns, indexes and Citus-pushed queries.
 */
Datum
business_add_text(PG_FUNCTION_ARGS)
{
	char	   *working = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int			session_style = IntervalStyle;
	Datum		interval;

	IntervalStyle = INTSTYLE_POSTGRES;
	PG_TRY();
	{
		interval = DirectFunctionCall3(interval_in, CStringGetDatum(working),
									   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	}
	PG_FINALLY();
	{
		IntervalStyle = session_style;
	}
	PG_END_TRY();
	return business_add_interval(fcinfo, DatumGetIntervalP(interval));
}

/* is_business_time(at, calendar): whether the instant falls in working hours. */
Datum
is_business_time(PG_FUNCTION_ARGS)
{
	TimestampTz at = PG_GETARG_TIMESTAMPTZ(0);
	WorkClock  *clock;
	int64		offset;
	TimestampTz change;

	check_finite(at, "at");
	clock = calendar_clock_for(fcinfo, 1);
	(void) offset_at(clock, at, &offset, &change);
	/* In working hours when the next microsecond is working time. */
	PG_RETURN_BOOL(working_until(clock, at + offset + 1) > working_until(clock, at + offset));
}
