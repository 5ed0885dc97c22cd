/*-------------------------------------------------------------------------
 *
 * summary_io.c
 *	  Text and binary forms shared by every summary type, and the checked
 *	  arithmetic on their counters.
 *
 * A summary's text form is "<tag> v<version>" followed by " key=value"
 * fields in a fixed order; values are non-negative decimal int64.  The
 * binary form is a version byte followed by the fields as int64s.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "libpq/pqformat.h"

#include "csmetrics.h"

/* ----------------------------------------------------------------
 * Text input
 *
 * Every call below does nothing (and returns 0) once the parser has failed,
 * so an input function reads all its fields without checking after each
 * one, and checks parser.failed once at the end (see csmetrics.h).
 * ----------------------------------------------------------------
 */

/*
 * Report the literal as malformed, with the reason as detail: through the
 * parser's escontext, so softly where the caller asked for it (16+), else
 * raised.  Only the first report counts; after it the parser has failed.
 */
void
summary_parse_reject(SummaryParser *parser, const char *reason)
{
	if (parser->failed)
		return;
	parser->failed = true;
	errsave(parser->escontext,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", parser->typname, parser->input),
			errdetail("%s", reason));
}

/* Whether c separates fields: the canonical form uses one space. */
static inline bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip blanks. */
static void
skip_spaces(SummaryParser *parser)
{
	while (is_blank(*parser->pos))
		parser->pos++;
}

/* Consume word if the input continues with it. */
static bool
accept_word(SummaryParser *parser, const char *word)
{
	size_t		len = strlen(word);

	if (strncmp(parser->pos, word, len) != 0)
		return false;
	parser->pos += len;
	return true;
}

/* Read an unsigned decimal at the cursor, rejecting values above max. */
static int128
parse_unsigned(SummaryParser *parser, const char *key, int128 max,
			   const char *range_name)
{
	int128		value = 0;

	if (parser->failed)
		return 0;
	if (*parser->pos == '-')
	{
		summary_parse_reject(parser, psprintf("Value of \"%s\" must not be negative.", key));
		return 0;
	}
	if (*parser->pos < '0' || *parser->pos > '9')
	{
		summary_parse_reject(parser, psprintf("Value of \"%s\" must be a whole number.", key));
		return 0;
	}
	while (*parser->pos >= '0' && *parser->pos <= '9')
	{
		int			digit = *parser->pos - '0';

		if (value > (max - digit) / 10)
		{
			summary_parse_reject(parser, psprintf("Value of \"%s\" is out of range for %s.", key, range_name));
			return 0;
		}
		value = value * 10 + digit;
		parser->pos++;
	}
	return value;
}

/* Why a format version is not read, for text and binary input. */
static char *
unsupported_version(int version, int newest)
{
	if (newest == 1)
		return psprintf("Format version %d is not supported; this version of csmetrics reads version 1.",
						version);
	return psprintf("Format version %d is not supported; this version of csmetrics reads versions 1 to %d.",
					version, newest);
}

/* Read an unsigned decimal int64 at the cursor. */
static int64
parse_count(SummaryParser *parser, const char *key)
{
	return (int64) parse_unsigned(parser, key, PG_INT64_MAX, "a 64-bit count");
}

/*
 * Expect "<tag> v<version>" at the start of input, with a version from 1 to
 * newest (the one the type writes); return the version (0 once failed).
 */
int
summary_parse_begin_versions(SummaryParser *parser, const char *typname,
							 const char *tag, const char *input,
							 Node *escontext, int newest)
{
	int128		version;

	parser->typname = typname;
	parser->input = input;
	parser->pos = input;
	parser->escontext = escontext;
	parser->failed = false;
	skip_spaces(parser);
	if (!accept_word(parser, tag) || !is_blank(*parser->pos))
	{
		summary_parse_reject(parser, psprintf("Literals of type %s start with \"%s v%d\".",
											  typname, tag, newest));
		return 0;
	}
	skip_spaces(parser);
	if (!accept_word(parser, "v"))
	{
		summary_parse_reject(parser, psprintf("Expected a format version such as \"v%d\" after \"%s\".",
											  newest, tag));
		return 0;
	}
	version = parse_unsigned(parser, "version", PG_INT32_MAX, "a format version");
	if (!parser->failed && (version < 1 || version > newest))
		summary_parse_reject(parser, unsupported_version((int) version, newest));
	return parser->failed ? 0 : (int) version;
}

/* Expect "<tag> v1" at the start of input. */
void
summary_parse_begin(SummaryParser *parser, const char *typname,
					const char *tag, const char *input, Node *escontext)
{
	summary_parse_begin_versions(parser, typname, tag, input, escontext, CSMETRICS_FORMAT_VERSION);
}

/* Expect " key=" at the cursor; false (after reporting) if it is not there. */
static bool
expect_key(SummaryParser *parser, const char *key)
{
	const char *before = parser->pos;

	if (parser->failed)
		return false;
	skip_spaces(parser);
	if (parser->pos == before || !accept_word(parser, key) || !accept_word(parser, "="))
	{
		summary_parse_reject(parser, psprintf("Expected \"%s=\" next.", key));
		return false;
	}
	return true;
}

/* Expect " key=<count>" and return the count. */
int64
summary_parse_count(SummaryParser *parser, const char *key)
{
	if (!expect_key(parser, key))
		return 0;
	return parse_count(parser, key);
}

/* Expect " key=<total>" with a non-negative 128-bit total. */
int128
summary_parse_total(SummaryParser *parser, const char *key)
{
	if (!expect_key(parser, key))
		return 0;
	return parse_unsigned(parser, key, PG_INT128_MAX, "a 128-bit total");
}

/*
 * Expect " key=<count>,<count>,..." with at most max_counts counts (the list
 * may be empty); return how many were read.
 */
int
summary_parse_count_list(SummaryParser *parser, const char *key,
						 int64 *counts, int max_counts)
{
	int			n = 0;

	if (!expect_key(parser, key))
		return 0;
	if (*parser->pos == '\0' || is_blank(*parser->pos))
		return 0;
	for (;;)
	{
		if (n == max_counts)
		{
			summary_parse_reject(parser, psprintf("\"%s\" holds at most %d values.", key, max_counts));
			return 0;
		}
		counts[n++] = parse_count(parser, key);
		if (parser->failed)
			return 0;
		if (!accept_word(parser, ","))
			return n;
	}
}

/*
 * Expect " key=<index>:<count>,..." with at most max_pairs pairs (the list
 * may be empty); return how many were read.  Indexes are int32, counts int64.
 */
int
summary_parse_pair_list(SummaryParser *parser, const char *key,
						int32 *indexes, int64 *counts, int max_pairs)
{
	int			n = 0;

	if (!expect_key(parser, key))
		return 0;
	if (*parser->pos == '\0' || is_blank(*parser->pos))
		return 0;
	for (;;)
	{
		if (n == max_pairs)
		{
			summary_parse_reject(parser, psprintf("\"%s\" holds at most %d pairs.", key, max_pairs));
			return 0;
		}
		indexes[n] = (int32) parse_unsigned(parser, key, PG_INT32_MAX, "a bucket index");
		if (parser->failed)
			return 0;
		if (!accept_word(parser, ":"))
		{
			summary_parse_reject(parser, psprintf("Each entry of \"%s\" is <index>:<count>.", key));
			return 0;
		}
		counts[n++] = parse_count(parser, key);
		if (parser->failed)
			return 0;
		if (!accept_word(parser, ","))
			return n;
	}
}

/*
 * Expect " key=" before a value read by the helpers below; false (after
 * reporting) if it is not there.
 */
bool
summary_parse_key(SummaryParser *parser, const char *key)
{
	return expect_key(parser, key);
}

/* Whether a list value ends here (at a blank or the end of the literal). */
bool
summary_parse_list_ends(SummaryParser *parser)
{
	return parser->failed || *parser->pos == '\0' || is_blank(*parser->pos);
}

/* Consume word if the input continues with it (a list separator, say). */
bool
summary_parse_accept(SummaryParser *parser, const char *word)
{
	return !parser->failed && accept_word(parser, word);
}

/*
 * Read a double-quoted string into out: inside the quotes \" stands for a
 * quote and \\ for a backslash; every other byte stands for itself.
 */
void
summary_parse_quoted(SummaryParser *parser, const char *key, StringInfo out)
{
	if (parser->failed)
		return;
	if (*parser->pos != '"')
	{
		summary_parse_reject(parser, psprintf("Names in \"%s\" are written in double quotes.", key));
		return;
	}
	parser->pos++;
	for (;;)
	{
		char		c = *parser->pos;

		if (c == '\0')
		{
			summary_parse_reject(parser, psprintf("A quoted name in \"%s\" has no closing quote.", key));
			return;
		}
		if (c == '"')
			break;
		if (c == '\\')
		{
			c = parser->pos[1];
			if (c != '"' && c != '\\')
			{
				summary_parse_reject(parser,
									 psprintf("Inside the quotes of \"%s\", a backslash must be followed by a quote or a backslash.", key));
				return;
			}
			parser->pos++;
		}
		appendStringInfoChar(out, c);
		parser->pos++;
	}
	parser->pos++;
}

/*
 * Read an instant written as seconds since 1970-01-01 00:00:00 UTC, with an
 * optional minus sign and up to six decimals: exact to the microsecond and
 * independent of the TimeZone setting.
 */
TimestampTz
summary_parse_instant(SummaryParser *parser, const char *key)
{
	bool		negative;
	int128		usecs;
	int			decimals = 0;

	if (parser->failed)
		return 0;
	negative = accept_word(parser, "-");
	if (*parser->pos < '0' || *parser->pos > '9')
	{
		summary_parse_reject(parser, psprintf("Times in \"%s\" are seconds since 1970-01-01 00:00:00 UTC.", key));
		return 0;
	}
	usecs = parse_unsigned(parser, key, PG_INT64_MAX, "a timestamp") * USECS_PER_SEC;
	if (!parser->failed && accept_word(parser, "."))
	{
		int64		scale = USECS_PER_SEC;

		while (*parser->pos >= '0' && *parser->pos <= '9')
		{
			if (++decimals > 6)
			{
				summary_parse_reject(parser, psprintf("Times in \"%s\" have at most 6 decimals.", key));
				return 0;
			}
			scale /= 10;
			usecs += (*parser->pos++ - '0') * scale;
		}
		if (decimals == 0)
		{
			summary_parse_reject(parser, psprintf("Times in \"%s\" need a digit after the decimal point.", key));
			return 0;
		}
	}
	if (parser->failed)
		return 0;
	usecs = (negative ? -usecs : usecs) - UNIX_EPOCH_USECS;
	if (usecs < MIN_TIMESTAMP || usecs >= END_TIMESTAMP)
	{
		summary_parse_reject(parser, psprintf("Value of \"%s\" is out of range for a timestamp.", key));
		return 0;
	}
	return (TimestampTz) usecs;
}

/*
 * Expect " key=<word>", a run of characters other than blanks (it may be
 * empty); return where it starts and set *length (empty once failed).
 */
const char *
summary_parse_word(SummaryParser *parser, const char *key, int *length)
{
	const char *start;

	*length = 0;
	if (!expect_key(parser, key))
		return "";
	start = parser->pos;
	while (*parser->pos != '\0' && !is_blank(*parser->pos))
		parser->pos++;
	*length = (int) (parser->pos - start);
	return start;
}

/* Expect nothing but blanks after the last field. */
void
summary_parse_end(SummaryParser *parser)
{
	if (parser->failed)
		return;
	skip_spaces(parser);
	if (*parser->pos != '\0')
		summary_parse_reject(parser, psprintf("Unexpected text \"%s\" after the last field.", parser->pos));
}

/* ----------------------------------------------------------------
 * Text output
 * ----------------------------------------------------------------
 */

/* Start a canonical literal: "<tag> v<version>". */
void
summary_text_begin_version(StringInfo buf, const char *tag, int version)
{
	initStringInfo(buf);
	appendStringInfo(buf, "%s v%d", tag, version);
}

/* Start a canonical literal of the format version most types write. */
void
summary_text_begin(StringInfo buf, const char *tag)
{
	summary_text_begin_version(buf, tag, CSMETRICS_FORMAT_VERSION);
}

/* Append " key=<count>". */
void
summary_text_count(StringInfo buf, const char *key, int64 value)
{
	appendStringInfo(buf, " %s=" INT64_FORMAT, key, value);
}

/* Append " key=<total>" for a non-negative 128-bit total. */
void
summary_text_total(StringInfo buf, const char *key, int128 value)
{
	char		digits[40];
	int			n = 0;

	Assert(value >= 0);
	do
	{
		digits[n++] = '0' + (int) (value % 10);
		value /= 10;
	} while (value > 0);
	appendStringInfo(buf, " %s=", key);
	while (n > 0)
		appendStringInfoChar(buf, digits[--n]);
}

/* Append a double-quoted string, escaping quotes and backslashes. */
void
summary_text_quoted(StringInfo buf, const char *data, int len)
{
	appendStringInfoChar(buf, '"');
	for (int i = 0; i < len; i++)
	{
		if (data[i] == '"' || data[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, data[i]);
	}
	appendStringInfoChar(buf, '"');
}

/* Append an instant as seconds since 1970 UTC, without trailing zero decimals. */
void
summary_text_instant(StringInfo buf, TimestampTz at)
{
	int128		usecs = (int128) at + UNIX_EPOCH_USECS;
	int128		magnitude = usecs < 0 ? -usecs : usecs;
	int64		fraction = (int64) (magnitude % USECS_PER_SEC);
	int			decimals = 6;

	appendStringInfo(buf, "%s" INT64_FORMAT, usecs < 0 ? "-" : "",
					 (int64) (magnitude / USECS_PER_SEC));
	if (fraction == 0)
		return;
	while (fraction % 10 == 0)
	{
		fraction /= 10;
		decimals--;
	}
	appendStringInfo(buf, ".%0*d", decimals, (int) fraction);
}

/* ----------------------------------------------------------------
 * Binary input
 * ----------------------------------------------------------------
 */

/* Report crafted or corrupt binary data, with the reason as detail. */
void
summary_reject_binary(const char *typname, const char *reason)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary data for type %s", typname),
			 errdetail("%s", reason)));
}

/* Read the leading version byte: from 1 to newest; return it. */
int
summary_recv_version_upto(StringInfo buf, const char *typname, int newest)
{
	int			version;

	if (buf->cursor >= buf->len)
		summary_reject_binary(typname, "The value is empty.");
	version = pq_getmsgbyte(buf);
	if (version < 1 || version > newest)
		summary_reject_binary(typname, unsupported_version(version, newest));
	return version;
}

/* Read and check the leading version byte: 1. */
void
summary_recv_version(StringInfo buf, const char *typname)
{
	summary_recv_version_upto(buf, typname, CSMETRICS_FORMAT_VERSION);
}

/* Require exactly nbytes more: a short or padded value is crafted. */
void
summary_recv_expect_length(StringInfo buf, int nbytes, const char *typname)
{
	int			remaining = buf->len - buf->cursor;

	if (remaining != nbytes)
		summary_reject_binary(typname,
							  psprintf("Expected %d more bytes but the value has %d.",
									   nbytes, remaining));
}

/* Read one int64 count, which must not be negative. */
int64
summary_recv_count(StringInfo buf, const char *typname)
{
	int64		value = pq_getmsgint64(buf);

	if (value < 0)
		summary_reject_binary(typname, "Counts must not be negative.");
	return value;
}

/* Read a 128-bit total sent as high then low int64; it must not be negative. */
int128
summary_recv_total(StringInfo buf, const char *typname)
{
	int64		high = pq_getmsgint64(buf);
	uint64		low = (uint64) pq_getmsgint64(buf);
	int128		value = ((int128) high << 64) | (int128) low;

	if (value < 0)
		summary_reject_binary(typname, "Totals must not be negative.");
	return value;
}

/* Send a 128-bit total as high then low int64. */
void
summary_send_total(StringInfo buf, int128 value)
{
	pq_sendint64(buf, (int64) (value >> 64));
	pq_sendint64(buf, (int64) (uint64) value);
}

/* ----------------------------------------------------------------
 * Counters
 * ----------------------------------------------------------------
 */

/* Report a count that would pass 2^63 - 1. */
void
summary_report_count_overflow(const char *typname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s count is out of range", typname),
			 errdetail("A count cannot exceed " INT64_FORMAT ".", PG_INT64_MAX)));
}

/* Whether non-negative counts add up without overflowing an int64. */
bool
summary_counts_fit(const int64 *counts, int ncounts)
{
	int64		total = 0;

	for (int i = 0; i < ncounts; i++)
		if (pg_add_s64_overflow(total, counts[i], &total))
			return false;
	return true;
}

/*
 * The transition state (argument 0) to update: in an aggregate it belongs
 * to the aggregate and is updated in place; in a plain call it is copied.
 */
void *
summary_state_for_update(FunctionCallInfo fcinfo, Size size)
{
	void	   *state = PG_GETARG_POINTER(0);
	void	   *copy;

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	copy = palloc(size);
	memcpy(copy, state, size);
	return copy;
}

/* Hash of a summary's bytes, for the hash operator classes. */
uint32
summary_hash_bytes(const void *data, Size len)
{
	return DatumGetUInt32(hash_any((const unsigned char *) data, (int) len));
}
