/*-------------------------------------------------------------------------
 *
 * aht.c
 *	  aht_summary: contacts and their total handle time in microseconds, the
 *	  state of the aht aggregates.
 *
 * Durations are held as exact integer microseconds (duration_input.c), so
 * the mean is the same in serial and parallel plans whatever order rows
 * arrive in.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/timestamp.h"

#include "csmetrics.h"

#define AHT_TYPNAME "aht_summary"

typedef struct AhtSummary
{
	int32		version;		/* CSMETRICS_FORMAT_VERSION */
	int32		flags;			/* reserved, always zero */
	int64		contacts;		/* rows counted */
	int64		total_us;		/* their summed handle time */
} AhtSummary;

#define PG_GETARG_AHT(n) ((AhtSummary *) PG_GETARG_POINTER(n))

PG_FUNCTION_INFO_V1(aht_summary_in);
PG_FUNCTION_INFO_V1(aht_summary_out);
PG_FUNCTION_INFO_V1(aht_summary_recv);
PG_FUNCTION_INFO_V1(aht_summary_send);
PG_FUNCTION_INFO_V1(aht_summary_eq);
PG_FUNCTION_INFO_V1(aht_summary_ne);
PG_FUNCTION_INFO_V1(aht_summary_hash);
PG_FUNCTION_INFO_V1(aht_interval_trans);
PG_FUNCTION_INFO_V1(aht_parts_trans);
PG_FUNCTION_INFO_V1(aht_seconds_trans);
PG_FUNCTION_INFO_V1(aht_interval_inv);
PG_FUNCTION_INFO_V1(aht_parts_inv);
PG_FUNCTION_INFO_V1(aht_seconds_inv);
PG_FUNCTION_INFO_V1(aht_combine);
PG_FUNCTION_INFO_V1(aht_mean_interval);
PG_FUNCTION_INFO_V1(aht_mean_seconds);

/* A new summary with the given totals. */
static AhtSummary *
aht_make(int64 contacts, int64 total_us)
{
	AhtSummary *summary = palloc0(sizeof(AhtSummary));

	summary->version = CSMETRICS_FORMAT_VERSION;
	summary->contacts = contacts;
	summary->total_us = total_us;
	return summary;
}

/* Why totals read from outside cannot form a summary, or NULL if they can. */
static const char *
aht_invalid_reason(const AhtSummary *summary)
{
	if (summary->contacts == 0 && summary->total_us != 0)
		return "A summary without contacts cannot hold handle time.";
	return NULL;
}

/* aht_summary_in(cstring): parse "aht v1 contacts=N total_us=T". */
Datum
aht_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SummaryParser parser;
	AhtSummary *summary;
	const char *reason;
	int64		contacts;
	int64		total_us;

	summary_parse_begin(&parser, AHT_TYPNAME, "aht", input, fcinfo->context);
	contacts = summary_parse_count(&parser, "contacts");
	total_us = summary_parse_count(&parser, "total_us");
	summary_parse_end(&parser);

	summary = aht_make(contacts, total_us);
	if ((reason = aht_invalid_reason(summary)) != NULL)
		summary_parse_reject(&parser, reason);
	if (parser.failed)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(summary);
}

/* aht_summary_out(aht_summary): the canonical text form. */
Datum
aht_summary_out(PG_FUNCTION_ARGS)
{
	AhtSummary *summary = PG_GETARG_AHT(0);
	StringInfoData buf;

	summary_text_begin(&buf, "aht");
	summary_text_count(&buf, "contacts", summary->contacts);
	summary_text_count(&buf, "total_us", summary->total_us);
	PG_RETURN_CSTRING(buf.data);
}

/* aht_summary_recv(internal): version byte, then contacts and total_us. */
Datum
aht_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	AhtSummary *summary;
	const char *reason;
	int64		contacts;
	int64		total_us;

	summary_recv_version(buf, AHT_TYPNAME);
	summary_recv_expect_length(buf, 2 * sizeof(int64), AHT_TYPNAME);
	contacts = summary_recv_count(buf, AHT_TYPNAME);
	total_us = summary_recv_count(buf, AHT_TYPNAME);

	summary = aht_make(contacts, total_us);
	if ((reason = aht_invalid_reason(summary)) != NULL)
		summary_reject_binary(AHT_TYPNAME, reason);
	PG_RETURN_POINTER(summary);
}

/* aht_summary_send(aht_summary): the binary form read by aht_summary_recv. */
Datum
aht_summary_send(PG_FUNCTION_ARGS)
{
	AhtSummary *summary = PG_GETARG_AHT(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint64(&buf, summary->contacts);
	pq_sendint64(&buf, summary->total_us);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries hold the same totals. */
static bool
aht_equal(const AhtSummary *a, const AhtSummary *b)
{
	return a->contacts == b->contacts && a->total_us == b->total_us;
}

/* aht_summary = aht_summary */
Datum
aht_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(aht_equal(PG_GETARG_AHT(0), PG_GETARG_AHT(1)));
}

/* aht_summary <> aht_summary */
Datum
aht_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!aht_equal(PG_GETARG_AHT(0), PG_GETARG_AHT(1)));
}

/* aht_summary_hash(aht_summary): equal summaries have equal bytes, so hash those. */
Datum
aht_summary_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(summary_hash_bytes(PG_GETARG_POINTER(0), sizeof(AhtSummary)));
}

/* Report a total handle time beyond an int64 of microseconds. */
static void
report_total_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("aht_summary total handle time is out of range"),
			 errdetail("The handle times add up to more than 292,000 years.")));
}

/* Add one contact of the given handle time to the state. */
static void
aht_count(AhtSummary *state, int64 usecs)
{
	summary_add_count(&state->contacts, 1, AHT_TYPNAME);
	if (pg_add_s64_overflow(state->total_us, usecs, &state->total_us))
		report_total_overflow();
}

/* talk + hold + wrap_up (arguments 1 to 3) in microseconds. */
static int64
aht_parts_usecs(FunctionCallInfo fcinfo)
{
	int64		usecs = duration_interval_usecs(PG_GETARG_INTERVAL_P(1));

	if (pg_add_s64_overflow(usecs, duration_interval_usecs(PG_GETARG_INTERVAL_P(2)), &usecs) ||
		pg_add_s64_overflow(usecs, duration_interval_usecs(PG_GETARG_INTERVAL_P(3)), &usecs))
		report_total_overflow();
	return usecs;
}

/* aht(interval) transition. */
Datum
aht_interval_trans(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));

	aht_count(state, duration_interval_usecs(PG_GETARG_INTERVAL_P(1)));
	PG_RETURN_POINTER(state);
}

/* aht(talk, hold, wrap_up) transition: one contact of their sum. */
Datum
aht_parts_trans(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));

	aht_count(state, aht_parts_usecs(fcinfo));
	PG_RETURN_POINTER(state);
}

/* aht(seconds) transition: seconds are counted to the microsecond. */
Datum
aht_seconds_trans(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));
	aht_count(state, duration_seconds_usecs(PG_GETARG_FLOAT8(1)));
	PG_RETURN_POINTER(state);
}

/* Remove one contact counted before, for window frames. */
static void
aht_uncount(AhtSummary *state, int64 usecs)
{
	if (state->contacts == 0 || state->total_us < usecs)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove handle time that aht_summary does not hold")));
	state->contacts--;
	state->total_us -= usecs;
}

/* aht(interval) inverse transition. */
Datum
aht_interval_inv(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));

	aht_uncount(state, duration_interval_usecs(PG_GETARG_INTERVAL_P(1)));
	PG_RETURN_POINTER(state);
}

/* aht(talk, hold, wrap_up) inverse transition. */
Datum
aht_parts_inv(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));

	aht_uncount(state, aht_parts_usecs(fcinfo));
	PG_RETURN_POINTER(state);
}

/* aht(seconds) inverse transition. */
Datum
aht_seconds_inv(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));

	aht_uncount(state, duration_seconds_usecs(PG_GETARG_FLOAT8(1)));
	PG_RETURN_POINTER(state);
}

/* aht combine: add another state's totals. */
Datum
aht_combine(PG_FUNCTION_ARGS)
{
	AhtSummary *state = summary_state_for_update(fcinfo, sizeof(AhtSummary));
	AhtSummary *other = PG_GETARG_AHT(1);

	summary_add_count(&state->contacts, other->contacts, AHT_TYPNAME);
	if (pg_add_s64_overflow(state->total_us, other->total_us, &state->total_us))
		report_total_overflow();
	PG_RETURN_POINTER(state);
}

/* aht final function for intervals: the mean, rounded to the microsecond. */
Datum
aht_mean_interval(PG_FUNCTION_ARGS)
{
	AhtSummary *summary = PG_GETARG_AHT(0);

	if (summary->contacts == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(duration_make_interval(duration_mean_usecs(summary->total_us, summary->contacts)));
}

/* aht final function for seconds: the mean in seconds. */
Datum
aht_mean_seconds(PG_FUNCTION_ARGS)
{
	AhtSummary *summary = PG_GETARG_AHT(0);

	if (summary->contacts == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) summary->total_us / (double) summary->contacts / USECS_PER_SEC);
}
