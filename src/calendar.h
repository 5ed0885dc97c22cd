/*-------------------------------------------------------------------------
 *
 * calendar.h
 *	  business_calendar: weekly working hours in a time zone, with
 *	  holidays.  Shared by calendar.c (text and binary forms) and
 *	  business_time.c (working time between instants).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_CALENDAR_H
#define CSMETRICS_CALENDAR_H

#include "compat.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "pgtime.h"
#include "utils/date.h"

#define CALENDAR_TYPNAME "business_calendar"
#define MINUTES_PER_DAY (24 * 60)
#define CALENDAR_MAX_RANGES_PER_DAY 24
#define CALENDAR_MAX_HOLIDAYS 100000

/* Working hours [start, end) in minutes after local midnight. */
typedef struct WorkRange
{
	int16		start;
	int16		end;
} WorkRange;

/*
 * Stored form.  Weekdays are numbered from Monday (0) to Sunday (6); the
 * ranges of weekday d are ranges[first_range[d]] up to ranges[first_range[d
 * + 1]], sorted and neither overlapping nor touching.  Holidays are local
 * dates in increasing order, stored after the ranges.
 */
typedef struct BusinessCalendar
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* reserved, always zero */
	int16		first_range[8];
	int32		nholidays;
	char		tzname[TZ_STRLEN_MAX + 1];	/* as PostgreSQL names the zone */
	WorkRange	ranges[FLEXIBLE_ARRAY_MEMBER];	/* then DateADT holidays[] */
} BusinessCalendar;

#define CALENDAR_HOLIDAYS(cal) \
	((DateADT *) ((char *) (cal)->ranges + MAXALIGN((cal)->first_range[7] * sizeof(WorkRange))))
#define PG_GETARG_CALENDAR(n) ((BusinessCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* Weekday of a local date, Monday 0 to Sunday 6 (2000-01-01 was a Saturday). */
static inline int
calendar_weekday(int64 date)
{
	int64		dow = (date + 5) % 7;

	return (int) (dow < 0 ? dow + 7 : dow);
}

extern pg_tz *calendar_zone(const char *tzname);

/*
 * Working time under a calendar (business_time.c), for other C files: the
 * clock for a calendar argument, kept in fn_extra between calls; the working
 * microseconds between finite instants start <= finish; the instant at
 * which that much working time has passed since a finite start.
 */
typedef struct WorkClock WorkClock;

extern WorkClock *calendar_clock_for(FunctionCallInfo fcinfo, int argno);
extern int64 calendar_working_between(WorkClock *clock, TimestampTz start,
									  TimestampTz finish);
extern TimestampTz calendar_add_working(WorkClock *clock, TimestampTz start,
										int64 remaining);

#endif							/* CSMETRICS_CALENDAR_H */
