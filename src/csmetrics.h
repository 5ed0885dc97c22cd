/*-------------------------------------------------------------------------
 *
 * csmetrics.h
 *	  Declarations shared by the csmetrics summary types: the versioned
 *	  text form, checked counters, and in-place state updates.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_H
#define CSMETRICS_H

#include "common/int.h"
#include "compat.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/nodes.h"
#include "utils/timestamp.h"

#ifndef HAVE_INT128
#error "csmetrics needs a compiler with 128-bit integers"
#endif

#ifndef PG_INT128_MAX
#define PG_INT128_MAX ((int128) (~(uint128) 0 >> 1))
#endif

/* Microseconds from 1970-01-01 to 2000-01-01 (the PostgreSQL epoch), UTC. */
#define UNIX_EPOCH_USECS \
	((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY)

/* Version written in every summary's text and binary form. */
#define CSMETRICS_FORMAT_VERSION 1

/*
 * Reading a summary literal such as "nps v1 promoters=3 passives=2
 * detractors=1": every type's input function uses this parser, so that bad
 * input is reported alike everywhere and, on PostgreSQL 16 and later,
 * softly (pg_input_is_valid, pg_input_error_info, COPY ... ON_ERROR).
 *
 *	Datum
 *	nps_summary_in(PG_FUNCTION_ARGS)
 *	{
 *		SummaryParser parser;
 *
 *		summary_parse_begin(&parser, NPS_TYPNAME, "nps", PG_GETARG_CSTRING(0),
 *							fcinfo->context);
 *		promoters = summary_parse_count(&parser, "promoters");
 *		...
 *		summary_parse_end(&parser);
 *		summary = nps_make(...);
 *		if ((reason = nps_invalid_reason(summary)) != NULL)
 *			summary_parse_reject(&parser, reason);
 *		if (parser.failed)
 *			PG_RETURN_NULL();
 *		PG_RETURN_POINTER(summary);
 *	}
 *
 * Every problem is reported with summary_parse_reject (never ereport): it
 * raises "invalid input syntax for type T: "<literal>"" with the reason as
 * detail (SQLSTATE 22P02), unless the caller asked for soft errors through
 * fcinfo->context; then it records the error, sets parser.failed and
 * returns.  Once failed, every parse call does nothing and returns 0 (so
 * the values read are harmless zeros and later checks report nothing), and
 * the input function must return NULL.  On 15 the reports always raise.
 * Binary receive functions keep hard errors (summary_reject_binary), as
 * PostgreSQL's own types do.
 */
typedef struct SummaryParser
{
	const char *typname;		/* SQL type name, for messages */
	const char *input;			/* the whole literal, for messages */
	const char *pos;			/* next character to read */
	Node	   *escontext;		/* fcinfo->context: where soft errors go */
	bool		failed;			/* an error was reported softly */
} SummaryParser;

extern void summary_parse_begin(SummaryParser *parser, const char *typname,
								const char *tag, const char *input,
								Node *escontext);
extern int	summary_parse_begin_versions(SummaryParser *parser, const char *typname,
										 const char *tag, const char *input,
										 Node *escontext, int newest);
extern int64 summary_parse_count(SummaryParser *parser, const char *key);
extern int128 summary_parse_total(SummaryParser *parser, const char *key);
extern int	summary_parse_count_list(SummaryParser *parser, const char *key,
									 int64 *counts, int max_counts);
extern int	summary_parse_pair_list(SummaryParser *parser, const char *key,
									int32 *indexes, int64 *counts, int max_pairs);
extern bool summary_parse_key(SummaryParser *parser, const char *key);
extern bool summary_parse_list_ends(SummaryParser *parser);
extern bool summary_parse_accept(SummaryParser *parser, const char *word);
extern void summary_parse_quoted(SummaryParser *parser, const char *key,
								 StringInfo out);
extern TimestampTz summary_parse_instant(SummaryParser *parser, const char *key);
extern const char *summary_parse_word(SummaryParser *parser, const char *key,
									  int *length);
extern void summary_parse_end(SummaryParser *parser);
extern void summary_parse_reject(SummaryParser *parser, const char *reason);

extern void summary_text_begin(StringInfo buf, const char *tag);
extern void summary_text_begin_version(StringInfo buf, const char *tag, int version);
extern void summary_text_count(StringInfo buf, const char *key, int64 value);
extern void summary_text_total(StringInfo buf, const char *key, int128 value);
extern void summary_text_quoted(StringInfo buf, const char *data, int len);
extern void summary_text_instant(StringInfo buf, TimestampTz at);

extern int64 summary_recv_count(StringInfo buf, const char *typname);
extern int128 summary_recv_total(StringInfo buf, const char *typname);
extern void summary_send_total(StringInfo buf, int128 value);
extern void summary_recv_version(StringInfo buf, const char *typname);
extern int	summary_recv_version_upto(StringInfo buf, const char *typname, int newest);
extern void summary_recv_expect_length(StringInfo buf, int nbytes,
									   const char *typname);
extern pg_noreturn void summary_reject_binary(const char *typname,
								  const char *reason);

extern pg_noreturn void summary_report_count_overflow(const char *typname);

/* *total += addend, or an error: a count must never wrap.  Inline: per row. */
static inline void
summary_add_count(int64 *total, int64 addend, const char *typname)
{
	if (unlikely(pg_add_s64_overflow(*total, addend, total)))
		summary_report_count_overflow(typname);
}
extern bool summary_counts_fit(const int64 *counts, int ncounts);
extern void *summary_state_for_update(FunctionCallInfo fcinfo, Size size);
extern uint32 summary_hash_bytes(const void *data, Size len);

extern void stats_check_confidence(float8 confidence);
extern double stats_z(float8 confidence);
extern double stats_t_quantile(float8 confidence, double df);
extern void stats_wilson(int64 hits, int64 n, double z, double *low, double *high);
extern double stats_normal_p(double difference, double standard_error);
extern double stats_mean_difference(int128 sum_a, int64 n_a, int128 sum_b, int64 n_b);
extern double stats_two_proportion_p(int64 hits_a, int64 n_a, int64 hits_b, int64 n_b);
extern double stats_welch_p(double difference, double var_a, double n_a,
							double var_b, double n_b);

extern pg_noreturn void duration_report_interval(const Interval *duration, bool negative);

/*
 * An interval's length in microseconds (months as 30 days, days as 24
 * hours); negative or too long is an error.  Inline: called per row.
 */
static inline int64
duration_interval_usecs(const Interval *duration)
{
	int64		days = (int64) duration->month * DAYS_PER_MONTH + duration->day;
	int64		usecs;

#if PG_VERSION_NUM >= 170000
	/* PostgreSQL 17 has infinite intervals; no duration is infinite. */
	if (unlikely(INTERVAL_NOT_FINITE(duration)))
		duration_report_interval(duration, false);
#endif
	if (unlikely(pg_mul_s64_overflow(days, USECS_PER_DAY, &usecs) ||
				 pg_add_s64_overflow(usecs, duration->time, &usecs)))
		duration_report_interval(duration, false);
	if (unlikely(usecs < 0))
		duration_report_interval(duration, true);
	return usecs;
}
extern int64 duration_seconds_usecs(float8 seconds);
extern int64 duration_mean_usecs(int128 total, int64 count);
extern Interval *duration_make_interval(int64 usecs);

#endif							/* CSMETRICS_H */
