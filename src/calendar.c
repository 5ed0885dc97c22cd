/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  business_calendar's text and binary forms.
 *
 * Text form, case-insensitive, clauses separated by ";":
 *	 mon-fri 09:00-12:00 13:00-17:00; sat 10:00-14:00; tz Europe/Berlin;
 *	 holidays 2025-12-25 2025-12-26
 * Output is canonical: weekdays with the same hours grouped in week order,
 * touching ranges merged, holidays sorted without repeats, the zone as
 * PostgreSQL names it.  The binary form is the canonical text.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "libpq/pqformat.h"
#include "utils/datetime.h"

#include "csmetrics.h"
#include "calendar.h"

PG_FUNCTION_INFO_V1(business_calendar_in);
PG_FUNCTION_INFO_V1(business_calendar_out);
PG_FUNCTION_INFO_V1(business_calendar_recv);
PG_FUNCTION_INFO_V1(business_calendar_send);

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* A calendar being parsed. */
typedef struct CalendarDraft
{
	const char *input;			/* the whole literal, for messages */
	WorkRange	ranges[7][CALENDAR_MAX_RANGES_PER_DAY];
	int			nranges[7];
	bool		day_named[7];
	char	   *tzname;			/* NULL until a tz clause */
	DateADT    *holidays;
	int			nholidays;
	bool		holidays_given;
} CalendarDraft;

static pg_noreturn void reject(const CalendarDraft *draft, const char *reason);

/* Report a malformed literal. */
static void
reject(const CalendarDraft *draft, const char *reason)
{
	summary_reject_text(CALENDAR_TYPNAME, draft->input, reason);
}

/* The zone PostgreSQL knows by this name, or NULL. */
pg_tz *
calendar_zone(const char *tzname)
{
	pg_tz	   *zone = pg_tzset(tzname);

	return zone != NULL && pg_tz_acceptable(zone) ? zone : NULL;
}

/* Index of a three-letter day name, or -1. */
static int
day_index(const char *word, size_t len)
{
	for (int d = 0; d < 7; d++)
		if (len == 3 && strncmp(word, day_names[d], 3) == 0)
			return d;
	return -1;
}

/* Parse "HH:MM" into minutes; 24:00 only when allow_24 is true. */
static int
parse_clock(CalendarDraft *draft, const char *text, bool allow_24)
{
	int			hours;
	int			minutes;

	if (!(isdigit((unsigned char) text[0]) && isdigit((unsigned char) text[1]) && text[2] == ':' &&
		  isdigit((unsigned char) text[3]) && isdigit((unsigned char) text[4])))
		reject(draft, psprintf("Times are written HH:MM, as in 09:00-17:00; got \"%.5s\".", text));
	hours = (text[0] - '0') * 10 + (text[1] - '0');
	minutes = (text[3] - '0') * 10 + (text[4] - '0');
	if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !allow_24)))
		reject(draft, psprintf("Time %.5s is not a time of day; 24:00 is allowed only as an end.", text));
	return hours * 60 + minutes;
}

/* Parse one "HH:MM-HH:MM" token into the given day's list. */
static void
parse_range(CalendarDraft *draft, const char *token, size_t len, WorkRange *range)
{
	if (len != 11 || token[5] != '-')
		reject(draft, psprintf("Working hours are written HH:MM-HH:MM, as in 09:00-17:00; got \"%.*s\".",
							   (int) len, token));
	range->start = parse_clock(draft, token, false);
	range->end = parse_clock(draft, token + 6, true);
	if (range->end <= range->start)
		reject(draft, psprintf("Range %.*s ends before it starts.", (int) len, token));
}

/* Parse a day list such as "mon-fri", "mon,wed,fri" or "mon-wed,sat". */
static void
parse_days(CalendarDraft *draft, const char *token, size_t len, bool days[7])
{
	const char *end = token + len;

	memset(days, 0, 7 * sizeof(bool));
	while (token < end)
	{
		const char *comma = memchr(token, ',', end - token);
		const char *item_end = comma ? comma : end;
		const char *dash = memchr(token, '-', item_end - token);
		int			first = day_index(token, (dash ? dash : item_end) - token);
		int			last = dash ? day_index(dash + 1, item_end - dash - 1) : first;

		if (first < 0 || last < 0)
			reject(draft, psprintf("Unknown day \"%.*s\"; days are mon, tue, wed, thu, fri, sat and sun.",
								   (int) (item_end - token), token));
		if (last < first)
			reject(draft, psprintf("Day range %.*s runs backwards; weeks run from mon to sun.",
								   (int) (item_end - token), token));
		for (int d = first; d <= last; d++)
		{
			if (days[d] || draft->day_named[d])
				reject(draft, psprintf("Day %s is named twice.", day_names[d]));
			days[d] = true;
		}
		if (comma && comma + 1 == end)
			reject(draft, psprintf("Day list \"%.*s\" ends with a comma.", (int) len, end - len));
		token = comma ? comma + 1 : end;
	}
}

/* Order ranges by start, for qsort. */
static int
compare_ranges(const void *a, const void *b)
{
	return ((const WorkRange *) a)->start - ((const WorkRange *) b)->start;
}

/* Parse a day clause: a day list followed by one or more ranges. */
static void
parse_day_clause(CalendarDraft *draft, char **tokens, size_t *lengths, int ntokens)
{
	bool		days[7];
	WorkRange	ranges[CALENDAR_MAX_RANGES_PER_DAY];
	int			nranges = 0;
	int			kept = 0;

	parse_days(draft, tokens[0], lengths[0], days);
	if (ntokens < 2)
		reject(draft, psprintf("Days \"%.*s\" need working hours such as 09:00-17:00.",
							   (int) lengths[0], tokens[0]));
	if (ntokens - 1 > CALENDAR_MAX_RANGES_PER_DAY)
		reject(draft, psprintf("A day holds at most %d ranges.", CALENDAR_MAX_RANGES_PER_DAY));
	for (int i = 1; i < ntokens; i++)
		parse_range(draft, tokens[i], lengths[i], &ranges[nranges++]);
	qsort(ranges, nranges, sizeof(WorkRange), compare_ranges);

	/* Reject overlaps; merge ranges that touch. */
	for (int i = 1; i < nranges; i++)
	{
		WorkRange  *last = &ranges[kept];

		if (ranges[i].start < last->end)
			reject(draft, psprintf("Ranges %02d:%02d-%02d:%02d and %02d:%02d-%02d:%02d overlap.",
								   last->start / 60, last->start % 60, last->end / 60, last->end % 60,
								   ranges[i].start / 60, ranges[i].start % 60,
								   ranges[i].end / 60, ranges[i].end % 60));
		if (ranges[i].start == last->end)
			last->end = ranges[i].end;
		else
			ranges[++kept] = ranges[i];
	}
	nranges = kept + 1;
	for (int d = 0; d < 7; d++)
	{
		if (!days[d])
			continue;
		draft->day_named[d] = true;
		memcpy(draft->ranges[d], ranges, nranges * sizeof(WorkRange));
		draft->nranges[d] = nranges;
	}
}

/* Parse "YYYY-MM-DD" into a date. */
static DateADT
parse_date(CalendarDraft *draft, const char *token, size_t len)
{
	int			year;
	int			month;
	int			day;

	if (len != 10 || token[4] != '-' || token[7] != '-' ||
		strspn(token, "0123456789") != 4 || strspn(token + 5, "0123456789") != 2 ||
		strspn(token + 8, "0123456789") != 2)
		reject(draft, psprintf("Holidays are dates written YYYY-MM-DD; got \"%.*s\".", (int) len, token));
	year = atoi(token);
	month = atoi(token + 5);
	day = atoi(token + 8);
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		reject(draft, psprintf("Holiday %.10s is not a date.", token));
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/* Order dates, for qsort. */
static int
compare_dates(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a;
	DateADT		y = *(const DateADT *) b;

	return (x > y) - (x < y);
}

/* Parse a "holidays DATE ..." clause. */
static void
parse_holidays(CalendarDraft *draft, char **tokens, size_t *lengths, int ntokens)
{
	int			kept = 0;

	if (draft->holidays_given)
		reject(draft, "The holidays clause is given twice.");
	draft->holidays_given = true;
	if (ntokens - 1 > CALENDAR_MAX_HOLIDAYS)
		reject(draft, psprintf("A calendar holds at most %d holidays.", CALENDAR_MAX_HOLIDAYS));
	draft->holidays = palloc(Max(1, ntokens - 1) * sizeof(DateADT));
	for (int i = 1; i < ntokens; i++)
		draft->holidays[i - 1] = parse_date(draft, tokens[i], lengths[i]);
	qsort(draft->holidays, ntokens - 1, sizeof(DateADT), compare_dates);
	for (int i = 0; i < ntokens - 1; i++)
		if (kept == 0 || draft->holidays[i] != draft->holidays[kept - 1])
			draft->holidays[kept++] = draft->holidays[i];
	draft->nholidays = kept;
}

/* Parse a "tz NAME" clause; an unknown zone is a bad parameter, not syntax. */
static void
parse_zone(CalendarDraft *draft, char **tokens, size_t *lengths, int ntokens)
{
	char	   *name;
	pg_tz	   *zone;

	if (draft->tzname != NULL)
		reject(draft, "The tz clause is given twice.");
	if (ntokens != 2)
		reject(draft, "The tz clause names one time zone, as in tz Europe/Berlin.");
	name = pnstrdup(tokens[1], lengths[1]);
	zone = calendar_zone(name);
	if (zone == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" is not recognized", name),
				 errdetail("Use an IANA time zone name such as Europe/Berlin or America/New_York.")));
	draft->tzname = pstrdup(pg_get_timezone_name(zone));
}

/*
 * Split a clause into blank-separated tokens; with tokens NULL, only count
 * them.
 */
static int
tokenize(const char *clause, char **tokens, size_t *lengths)
{
	int			n = 0;

	for (;;)
	{
		const char *start;

		while (isspace((unsigned char) *clause))
			clause++;
		if (*clause == '\0')
			return n;
		start = clause;
		while (*clause && !isspace((unsigned char) *clause))
			clause++;
		if (tokens)
		{
			tokens[n] = (char *) start;
			lengths[n] = clause - start;
		}
		n++;
	}
}

/* Build the stored form from a parsed draft. */
static BusinessCalendar *
calendar_from_draft(const CalendarDraft *draft)
{
	int			total_ranges = 0;
	Size		size;
	BusinessCalendar *cal;

	for (int d = 0; d < 7; d++)
		total_ranges += draft->nranges[d];
	size = offsetof(BusinessCalendar, ranges) + MAXALIGN(total_ranges * sizeof(WorkRange)) +
		draft->nholidays * sizeof(DateADT);
	cal = palloc0(size);
	SET_VARSIZE(cal, size);
	cal->version = CSMETRICS_FORMAT_VERSION;
	strlcpy(cal->tzname, draft->tzname ? draft->tzname : "UTC", sizeof(cal->tzname));
	total_ranges = 0;
	for (int d = 0; d < 7; d++)
	{
		cal->first_range[d] = total_ranges;
		memcpy(&cal->ranges[total_ranges], draft->ranges[d], draft->nranges[d] * sizeof(WorkRange));
		total_ranges += draft->nranges[d];
	}
	cal->first_range[7] = total_ranges;
	cal->nholidays = draft->nholidays;
	if (draft->nholidays > 0)
		memcpy(CALENDAR_HOLIDAYS(cal), draft->holidays, draft->nholidays * sizeof(DateADT));
	return cal;
}

/* Parse a calendar literal. */
static BusinessCalendar *
calendar_parse(const char *input)
{
	CalendarDraft draft;
	char	   *lowered = pstrdup(input);
	char	   *original = pstrdup(input);
	char	   *clause = lowered;
	bool		any_hours = false;

	memset(&draft, 0, sizeof(draft));
	draft.input = input;
	for (char *c = lowered; *c; c++)
		*c = pg_tolower((unsigned char) *c);

	while (clause != NULL)
	{
		char	   *semicolon = strchr(clause, ';');
		int			ntokens;
		char	  **tokens;
		size_t	   *lengths;

		if (semicolon)
			*semicolon = '\0';
		ntokens = tokenize(clause, NULL, NULL);
		tokens = palloc(Max(1, ntokens) * sizeof(char *));
		lengths = palloc(Max(1, ntokens) * sizeof(size_t));
		tokenize(clause, tokens, lengths);
		if (ntokens == 0)
			;					/* an empty clause, as after a final ";" */
		else if (lengths[0] == 2 && strncmp(tokens[0], "tz", 2) == 0)
		{
			/* The zone name keeps its case for messages. */
			tokens[1] = original + (tokens[1] - lowered);
			parse_zone(&draft, tokens, lengths, ntokens);
		}
		else if (lengths[0] == 8 && strncmp(tokens[0], "holidays", 8) == 0)
			parse_holidays(&draft, tokens, lengths, ntokens);
		else
			parse_day_clause(&draft, tokens, lengths, ntokens);
		clause = semicolon ? semicolon + 1 : NULL;
	}
	for (int d = 0; d < 7; d++)
		any_hours |= draft.nranges[d] > 0;
	if (!any_hours)
		reject(&draft, "A calendar needs working hours on at least one day, as in mon-fri 09:00-17:00.");
	return calendar_from_draft(&draft);
}

/* Whether weekdays a and b have the same working hours. */
static bool
same_hours(const BusinessCalendar *cal, int a, int b)
{
	int			na = cal->first_range[a + 1] - cal->first_range[a];
	int			nb = cal->first_range[b + 1] - cal->first_range[b];

	return na == nb && memcmp(&cal->ranges[cal->first_range[a]], &cal->ranges[cal->first_range[b]],
							  na * sizeof(WorkRange)) == 0;
}

/* The canonical text form. */
static char *
calendar_format(const BusinessCalendar *cal)
{
	StringInfoData buf;
	bool		done[7] = {false};
	DateADT    *holidays = CALENDAR_HOLIDAYS(cal);

	initStringInfo(&buf);
	for (int d = 0; d < 7; d++)
	{
		bool		first_item = true;

		if (done[d] || cal->first_range[d + 1] == cal->first_range[d])
			continue;
		/* All days with d's hours, consecutive runs written as ranges. */
		for (int e = d; e < 7; e++)
		{
			int			last = e;

			if (done[e] || !same_hours(cal, d, e))
				continue;
			while (last + 1 < 7 && !done[last + 1] && same_hours(cal, d, last + 1))
				last++;
			appendStringInfo(&buf, "%s%s", first_item ? (buf.len > 0 ? "; " : "") : ",", day_names[e]);
			if (last > e)
				appendStringInfo(&buf, "-%s", day_names[last]);
			for (int k = e; k <= last; k++)
				done[k] = true;
			first_item = false;
			e = last;
		}
		for (int r = cal->first_range[d]; r < cal->first_range[d + 1]; r++)
			appendStringInfo(&buf, " %02d:%02d-%02d:%02d",
							 cal->ranges[r].start / 60, cal->ranges[r].start % 60,
							 cal->ranges[r].end / 60, cal->ranges[r].end % 60);
	}
	appendStringInfo(&buf, "; tz %s", cal->tzname);
	if (cal->nholidays > 0)
	{
		appendStringInfoString(&buf, "; holidays");
		for (int i = 0; i < cal->nholidays; i++)
		{
			int			year;
			int			month;
			int			day;

			j2date(holidays[i] + POSTGRES_EPOCH_JDATE, &year, &month, &day);
			appendStringInfo(&buf, " %04d-%02d-%02d", year, month, day);
		}
	}
	return buf.data;
}

/* business_calendar_in(cstring) */
Datum
business_calendar_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(calendar_parse(PG_GETARG_CSTRING(0)));
}

/* business_calendar_out(business_calendar): the canonical text form. */
Datum
business_calendar_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(calendar_format(PG_GETARG_CALENDAR(0)));
}

/* business_calendar_recv(internal): version byte, then the text form. */
Datum
business_calendar_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	char	   *text;
	int			nbytes;

	summary_recv_version(buf, CALENDAR_TYPNAME);
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(calendar_parse(text));
}

/* business_calendar_send(business_calendar) */
Datum
business_calendar_send(PG_FUNCTION_ARGS)
{
	char	   *text = calendar_format(PG_GETARG_CALENDAR(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
