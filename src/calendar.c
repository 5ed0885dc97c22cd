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
	Node	   *escontext;		/* where soft errors go; NULL raises */
	WorkRange	ranges[7][CALENDAR_MAX_RANGES_PER_DAY];
	int			nranges[7];
	bool		day_named[7];
	char	   *tzname;			/* NULL until a tz clause */
	DateADT    *holidays;
	int			nholidays;
	bool		holidays_given;
} CalendarDraft;

/* One blank-separated word of the literal: a slice of the input, not a copy. */
typedef struct CalendarToken
{
	const char *text;
	int			len;
} CalendarToken;

/*
 * Report a malformed literal (a soft error when the caller asked for one)
 * and return false, so parsers can write "return reject(...)".
 */
static bool
reject(const CalendarDraft *draft, const char *reason)
{
	errsave(draft->escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", CALENDAR_TYPNAME, draft->input),
			 errdetail("%s", reason)));
	return false;
}

/* The zone PostgreSQL knows by this name, or NULL. */
pg_tz *
calendar_zone(const char *tzname)
{
	pg_tz	   *zone = pg_tzset(tzname);

	return zone != NULL && pg_tz_acceptable(zone) ? zone : NULL;
}

/* Whether a token is the given lowercase keyword, in any case. */
static bool
token_is(const CalendarToken *token, const char *word)
{
	return token->len == (int) strlen(word) && pg_strncasecmp(token->text, word, token->len) == 0;
}

/* Index of a three-letter day name in any case, or -1. */
static int
day_index(const char *word, int len)
{
	for (int d = 0; d < 7; d++)
		if (len == 3 && pg_strncasecmp(word, day_names[d], 3) == 0)
			return d;
	return -1;
}

/* Whether text[0..n) are all decimal digits. */
static bool
all_digits(const char *text, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char) text[i]))
			return false;
	return true;
}

/* The value of n decimal digits, already checked. */
static int
digits_value(const char *text, int n)
{
	int			value = 0;

	for (int i = 0; i < n; i++)
		value = value * 10 + (text[i] - '0');
	return value;
}

/*
 * Parse the "HH:MM" at text (5 characters of a checked 11-character range)
 * into minutes; 24:00 only when allow_24 is true.  -1 after an error.
 */
static int
parse_clock(CalendarDraft *draft, const char *text, bool allow_24)
{
	int			hours;
	int			minutes;

	if (!(all_digits(text, 2) && text[2] == ':' && all_digits(text + 3, 2)))
	{
		reject(draft, psprintf("Times are written HH:MM, as in 09:00-17:00; got \"%.5s\".", text));
		return -1;
	}
	hours = digits_value(text, 2);
	minutes = digits_value(text + 3, 2);
	if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !allow_24)))
	{
		reject(draft, psprintf("Time %.5s is not a time of day; 24:00 is allowed only as an end.", text));
		return -1;
	}
	return hours * 60 + minutes;
}

/* Parse one "HH:MM-HH:MM" token. */
static bool
parse_range(CalendarDraft *draft, const CalendarToken *token, WorkRange *range)
{
	int			start;
	int			end;

	if (token->len != 11 || token->text[5] != '-')
		return reject(draft, psprintf("Working hours are written HH:MM-HH:MM, as in 09:00-17:00; got \"%.*s\".",
									  token->len, token->text));
	if ((start = parse_clock(draft, token->text, false)) < 0 ||
		(end = parse_clock(draft, token->text + 6, true)) < 0)
		return false;
	if (end <= start)
		return reject(draft, psprintf("Range %.*s ends before it starts.", token->len, token->text));
	range->start = start;
	range->end = end;
	return true;
}

/* Parse a day list such as "mon-fri", "mon,wed,fri" or "mon-wed,sat". */
static bool
parse_days(CalendarDraft *draft, const CalendarToken *token, bool days[7])
{
	const char *item = token->text;
	const char *end = token->text + token->len;

	memset(days, 0, 7 * sizeof(bool));
	while (item < end)
	{
		const char *comma = memchr(item, ',', end - item);
		const char *item_end = comma ? comma : end;
		const char *dash = memchr(item, '-', item_end - item);
		int			first = day_index(item, (dash ? dash : item_end) - item);
		int			last = dash ? day_index(dash + 1, item_end - dash - 1) : first;

		if (first < 0 || last < 0)
			return reject(draft, psprintf("Unknown day \"%.*s\"; days are mon, tue, wed, thu, fri, sat and sun.",
										  (int) (item_end - item), item));
		if (last < first)
			return reject(draft, psprintf("Day range %.*s runs backwards; weeks run from mon to sun.",
										  (int) (item_end - item), item));
		for (int d = first; d <= last; d++)
		{
			if (days[d] || draft->day_named[d])
				return reject(draft, psprintf("Day %s is named twice.", day_names[d]));
			days[d] = true;
		}
		if (comma && comma + 1 == end)
			return reject(draft, psprintf("Day list \"%.*s\" ends with a comma.", token->len, token->text));
		item = comma ? comma + 1 : end;
	}
	return true;
}

/* Order ranges by start, for qsort. */
static int
compare_ranges(const void *a, const void *b)
{
	return ((const WorkRange *) a)->start - ((const WorkRange *) b)->start;
}

/* Parse a day clause: a day list followed by one or more ranges. */
static bool
parse_day_clause(CalendarDraft *draft, const CalendarToken *tokens, int ntokens)
{
	bool		days[7];
	WorkRange	ranges[CALENDAR_MAX_RANGES_PER_DAY];
	int			nranges = 0;
	int			kept = 0;

	if (!parse_days(draft, &tokens[0], days))
		return false;
	if (ntokens < 2)
		return reject(draft, psprintf("Days \"%.*s\" need working hours such as 09:00-17:00.",
									  tokens[0].len, tokens[0].text));
	if (ntokens - 1 > CALENDAR_MAX_RANGES_PER_DAY)
		return reject(draft, psprintf("A day holds at most %d ranges.", CALENDAR_MAX_RANGES_PER_DAY));
	for (int i = 1; i < ntokens; i++)
		if (!parse_range(draft, &tokens[i], &ranges[nranges++]))
			return false;
	qsort(ranges, nranges, sizeof(WorkRange), compare_ranges);

	/* Reject overlaps; merge ranges that touch. */
	for (int i = 1; i < nranges; i++)
	{
		WorkRange  *last = &ranges[kept];

		if (ranges[i].start < last->end)
			return reject(draft, psprintf("Ranges %02d:%02d-%02d:%02d and %02d:%02d-%02d:%02d overlap.",
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
	return true;
}

/* Parse a "YYYY-MM-DD" token into *date. */
static bool
parse_date(CalendarDraft *draft, const CalendarToken *token, DateADT *date)
{
	const char *text = token->text;
	int			year;
	int			month;
	int			day;

	if (token->len != 10 || text[4] != '-' || text[7] != '-' ||
		!all_digits(text, 4) || !all_digits(text + 5, 2) || !all_digits(text + 8, 2))
		return reject(draft, psprintf("Holidays are dates written YYYY-MM-DD; got \"%.*s\".",
									  token->len, text));
	year = digits_value(text, 4);
	month = digits_value(text + 5, 2);
	day = digits_value(text + 8, 2);
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		return reject(draft, psprintf("Holiday %.10s is not a date.", text));
	*date = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	return true;
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
static bool
parse_holidays(CalendarDraft *draft, const CalendarToken *tokens, int ntokens)
{
	int			ndates = ntokens - 1;
	int			kept = 0;

	if (draft->holidays_given)
		return reject(draft, "The holidays clause is given twice.");
	draft->holidays_given = true;
	if (ndates > CALENDAR_MAX_HOLIDAYS)
		return reject(draft, psprintf("A calendar holds at most %d holidays.", CALENDAR_MAX_HOLIDAYS));
	draft->holidays = palloc(Max(1, ndates) * sizeof(DateADT));
	for (int i = 0; i < ndates; i++)
		if (!parse_date(draft, &tokens[i + 1], &draft->holidays[i]))
			return false;
	qsort(draft->holidays, ndates, sizeof(DateADT), compare_dates);
	for (int i = 0; i < ndates; i++)
		if (kept == 0 || draft->holidays[i] != draft->holidays[kept - 1])
			draft->holidays[kept++] = draft->holidays[i];
	draft->nholidays = kept;
	return true;
}

/*
 * Parse a "tz NAME" clause; the name keeps the case it was written in.  An
 * unknown zone is a bad parameter, not syntax.
 */
static bool
parse_zone(CalendarDraft *draft, const CalendarToken *tokens, int ntokens)
{
	char	   *name;
	pg_tz	   *zone;

	if (draft->tzname != NULL)
		return reject(draft, "The tz clause is given twice.");
	if (ntokens != 2)
		return reject(draft, "The tz clause names one time zone, as in tz Europe/Berlin.");
	name = pnstrdup(tokens[1].text, tokens[1].len);
	zone = calendar_zone(name);
	if (zone == NULL)
	{
		errsave(draft->escontext,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" is not recognized", name),
				 errdetail("Use an IANA time zone name such as Europe/Berlin or America/New_York.")));
		return false;
	}
	draft->tzname = pstrdup(pg_get_timezone_name(zone));
	return true;
}

/*
 * Split the clause text[0..len) into blank-separated tokens; with tokens
 * NULL, only count them.
 */
static int
tokenize(const char *text, int len, CalendarToken *tokens)
{
	const char *end = text + len;
	int			n = 0;

	for (;;)
	{
		const char *start;

		while (text < end && isspace((unsigned char) *text))
			text++;
		if (text == end)
			return n;
		start = text;
		while (text < end && !isspace((unsigned char) *text))
			text++;
		if (tokens)
		{
			tokens[n].text = start;
			tokens[n].len = text - start;
		}
		n++;
	}
}

/* Parse one clause, text[0..len) of the literal. */
static bool
parse_clause(CalendarDraft *draft, const char *text, int len)
{
	int			ntokens = tokenize(text, len, NULL);
	CalendarToken *tokens;

	if (ntokens == 0)
		return true;			/* an empty clause, as after a final ";" */
	tokens = palloc(ntokens * sizeof(CalendarToken));
	tokenize(text, len, tokens);
	if (token_is(&tokens[0], "tz"))
		return parse_zone(draft, tokens, ntokens);
	if (token_is(&tokens[0], "holidays"))
		return parse_holidays(draft, tokens, ntokens);
	return parse_day_clause(draft, tokens, ntokens);
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

/*
 * Parse a calendar literal in place: clauses and tokens are slices of the
 * input itself, never of a modified copy.  Bad input is reported through
 * escontext (NULL raises); the result is then NULL.
 */
static BusinessCalendar *
calendar_parse(const char *input, Node *escontext)
{
	CalendarDraft draft;
	const char *clause = input;
	bool		any_hours = false;

	memset(&draft, 0, sizeof(draft));
	draft.input = input;
	draft.escontext = escontext;
	for (;;)
	{
		int			len = strcspn(clause, ";");

		if (!parse_clause(&draft, clause, len))
			return NULL;
		if (clause[len] == '\0')
			break;
		clause += len + 1;
	}
	for (int d = 0; d < 7; d++)
		any_hours |= draft.nranges[d] > 0;
	if (!any_hours)
	{
		reject(&draft, "A calendar needs working hours on at least one day, as in mon-fri 09:00-17:00.");
		return NULL;
	}
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

/* business_calendar_in(cstring): bad input is a soft error where asked. */
Datum
business_calendar_in(PG_FUNCTION_ARGS)
{
	BusinessCalendar *cal = calendar_parse(PG_GETARG_CSTRING(0), fcinfo->context);

	if (cal == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(cal);
}

/* business_calendar_out(business_calendar): the canonical text form. */
Datum
business_calendar_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(calendar_format(PG_GETARG_CALENDAR(0)));
}

/*
 * business_calendar_recv(internal): version byte, then the text form.  Binary
 * input raises its errors: COPY's soft errors cover text input only.
 */
Datum
business_calendar_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	char	   *text;
	int			nbytes;

	summary_recv_version(buf, CALENDAR_TYPNAME);
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(calendar_parse(text, NULL));
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
