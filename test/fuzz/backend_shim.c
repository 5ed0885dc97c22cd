/*-------------------------------------------------------------------------
 *
 * backend_shim.c
 *	  Just enough of the server's runtime to run csmetrics' input and output
 *	  functions in a plain process under AddressSanitizer and UBSan
 *	  (sanitize.c).  The real source files are compiled against the real
 *	  server headers; only these functions are replaced:
 *
 *	  - palloc and friends are malloc: every chunk is its own allocation,
 *	    with redzones on both sides, so a write one byte past a chunk is
 *	    reported (PostgreSQL's allocator rounds chunks up to a power of two
 *	    and hides it).  shim_reset_memory frees all of them after each
 *	    input, as a memory context reset does, so a dangling pointer into
 *	    the previous input's memory is reported too.
 *	  - ereport(ERROR) records the SQLSTATE and message and longjmps to the
 *	    harness; errsave into an ErrorSaveContext (16+) records them and
 *	    returns, as the server does.
 *	  - time zones are a fixed list of names; dates use an independent
 *	    civil-calendar conversion.
 *	  - text is checked as UTF-8, the fuzzed server's encoding.
 *
 *	  StringInfo, psprintf, qsort and the string helpers come from the
 *	  server's own libpgcommon and libpgport.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

#include "backend_shim.h"
#include "compat.h"

jmp_buf    *shim_error_trap = NULL;
int			shim_error_sqlstate = 0;
char		shim_error_message[SHIM_MESSAGE_SIZE];

/* ----------------------------------------------------------------
 * Memory: one malloc per chunk, all freed by shim_reset_memory
 * ----------------------------------------------------------------
 */

static void **chunks = NULL;
static size_t nchunks = 0;
static size_t max_chunks = 0;

/* Stop the run: the shim itself cannot go on. */
static void
shim_fatal(const char *what)
{
	fprintf(stderr, "sanitize: %s\n", what);
	abort();
}

/* Remember a new chunk. */
static void *
track(void *chunk)
{
	if (chunk == NULL)
		shim_fatal("out of memory");
	if (nchunks == max_chunks)
	{
		max_chunks = max_chunks ? 2 * max_chunks : 256;
		chunks = realloc(chunks, max_chunks * sizeof(void *));
		if (chunks == NULL)
			shim_fatal("out of memory");
	}
	chunks[nchunks++] = chunk;
	return chunk;
}

/* Forget a chunk; freeing memory not from palloc is a bug. */
static void
untrack(void *chunk)
{
	for (size_t i = nchunks; i > 0; i--)
		if (chunks[i - 1] == chunk)
		{
			chunks[i - 1] = chunks[--nchunks];
			return;
		}
	shim_fatal("pfree or repalloc of memory that palloc did not return");
}

void
shim_reset_memory(void)
{
	for (size_t i = 0; i < nchunks; i++)
		free(chunks[i]);
	nchunks = 0;
}

/* A chunk larger than the server allows is an error there, and here. */
static void
check_request(Size size)
{
	if (!AllocSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
}

void *
palloc(Size size)
{
	check_request(size);
	/* malloc(0) may return NULL; the server returns a chunk. */
	return track(malloc(size ? size : 1));
}

void *
palloc0(Size size)
{
	check_request(size);
	return track(calloc(1, size ? size : 1));
}

void *
palloc_extended(Size size, int flags)
{
	return (flags & MCXT_ALLOC_ZERO) ? palloc0(size) : palloc(size);
}

void *
repalloc(void *pointer, Size size)
{
	void	   *moved;

	check_request(size);
	untrack(pointer);
	moved = realloc(pointer, size ? size : 1);
	return track(moved);
}

void
pfree(void *pointer)
{
	untrack(pointer);
	free(pointer);
}

char *
pstrdup(const char *in)
{
	size_t		len = strlen(in);
	char	   *out = palloc(len + 1);

	memcpy(out, in, len + 1);
	return out;
}

char *
pnstrdup(const char *in, Size size)
{
	size_t		len = strnlen(in, size);
	char	   *out = palloc(len + 1);

	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

#ifdef USE_ASSERT_CHECKING
/* A failed assertion (in an assertion build of the server) fails the run. */
#if PG_VERSION_NUM >= 160000
void
ExceptionalCondition(const char *conditionName, const char *fileName, int lineNumber)
#else
void
ExceptionalCondition(const char *conditionName, const char *errorType,
					 const char *fileName, int lineNumber)
#endif
{
	fprintf(stderr, "sanitize: assertion \"%s\" failed at %s:%d\n", conditionName, fileName, lineNumber);
	abort();
}
#endif

/* Values made by the input functions are never compressed or external. */
struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	if (VARATT_IS_EXTENDED(datum))
		shim_fatal("a toasted or short value reached pg_detoast_datum");
	return datum;
}

/* ----------------------------------------------------------------
 * Errors
 * ----------------------------------------------------------------
 */

static int	error_level;
static bool error_is_soft;

bool
errstart(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;			/* notices and warnings are not reported */
	error_level = elevel;
	error_is_soft = false;
	shim_error_sqlstate = ERRCODE_INTERNAL_ERROR;
	shim_error_message[0] = '\0';
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	if (shim_error_trap == NULL)
		shim_fatal("an error was raised outside the harness's trap");
	longjmp(*shim_error_trap, 1);
}

#if PG_VERSION_NUM >= 160000
/* A soft error goes into an ErrorSaveContext; anything else raises. */
bool
errsave_start(struct Node *context, const char *domain)
{
	errstart(ERROR, domain);
	error_is_soft = context != NULL && IsA(context, ErrorSaveContext);
	return true;
}

void
errsave_finish(struct Node *context, const char *filename, int lineno, const char *funcname)
{
	if (!error_is_soft)
		errfinish(filename, lineno, funcname);
	((ErrorSaveContext *) context)->error_occurred = true;
}
#endif

int
errcode(int sqlerrcode)
{
	shim_error_sqlstate = sqlerrcode;
	return 0;
}

/*
 * errmsg, errmsg_internal and errdetail: format the message (so its
 * arguments are checked too); keep the message, drop the detail.
 */
#define FORMAT_INTO(buffer, fmt) \
	do { \
		va_list		args; \
		\
		va_start(args, fmt); \
		vsnprintf(buffer, sizeof(buffer), fmt, args); \
		va_end(args); \
	} while (0)

int
errmsg(const char *fmt,...)
{
	FORMAT_INTO(shim_error_message, fmt);
	return 0;
}

int
errmsg_internal(const char *fmt,...)
{
	FORMAT_INTO(shim_error_message, fmt);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	char		detail[1024];

	FORMAT_INTO(detail, fmt);
	return 0;
}

/* ----------------------------------------------------------------
 * Time zones and dates
 * ----------------------------------------------------------------
 */

struct pg_tz
{
	const char *name;			/* as PostgreSQL spells it */
};

/* The zones the fuzzer's seeds name, and a few more. */
static struct pg_tz zones[] = {
	{"UTC"}, {"Europe/Berlin"}, {"Asia/Kathmandu"}, {"America/New_York"}, {"Asia/Kolkata"}
};

pg_tz *
pg_tzset(const char *tzname)
{
	for (size_t i = 0; i < lengthof(zones); i++)
		if (pg_strcasecmp(tzname, zones[i].name) == 0)
			return &zones[i];
	return NULL;
}

bool
pg_tz_acceptable(pg_tz *tz)
{
	return true;
}

const char *
pg_get_timezone_name(pg_tz *tz)
{
	return tz->name;
}

const int	day_tab[2][13] = {
	{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
	{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0}
};

/* Julian day of a Gregorian date (H. Hinnant's days_from_civil). */
int
date2j(int year, int month, int day)
{
	int			y = year - (month <= 2);
	int			era = (y >= 0 ? y : y - 399) / 400;
	int			yoe = y - era * 400;
	int			doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int			doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468 + UNIX_EPOCH_JDATE;
}

/* Gregorian date of a Julian day (civil_from_days). */
void
j2date(int jd, int *year, int *month, int *day)
{
	int			z = jd - UNIX_EPOCH_JDATE + 719468;
	int			era = (z >= 0 ? z : z - 146096) / 146097;
	int			doe = z - era * 146097;
	int			yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int			doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int			mp = (5 * doy + 2) / 153;

	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (*month <= 2);
}

/* ----------------------------------------------------------------
 * Encodings
 * ----------------------------------------------------------------
 */

/* The fuzzed server's encoding is UTF-8: check the bytes as UTF-8. */
bool
pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	if (pg_encoding_verifymbstr(PG_UTF8, mbstr, len) == len)
		return true;
	if (!noError)
		shim_fatal("pg_verifymbstr without noError");
	return false;
}
