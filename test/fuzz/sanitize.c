/*-------------------------------------------------------------------------
 *
 * sanitize.c
 *	  Every csmetrics text parser, compiled with AddressSanitizer and UBSan
 *	  against plain malloc (backend_shim.c), fed the fuzzer's mutated text
 *	  inputs (mutate.c).  Each input must be accepted, and then its text
 *	  form must read back to the same text, or be rejected with an SQLSTATE
 *	  of class 22.  Any sanitizer report stops the run with the input that
 *	  caused it; run.sh fails on it.
 *
 *	  sanitize INPUTS_PER_TYPE [SEED]
 *
 *	  Adding a type: give it an entry in mutate.c's fuzz_types and one
 *	  PARSER(typename) line below (its functions are typename_in and
 *	  typename_out; sanitize.sh compiles every file in src).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <sanitizer/common_interface_defs.h>
#include <stdio.h>
#include <stdlib.h>

#include "fmgr.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

#include "backend_shim.h"
#include "mutate.h"

/* The parsers under test, one line per type. */
#define PARSERS \
	PARSER(nps_summary) \
	PARSER(csat_summary) \
	PARSER(ces_summary) \
	PARSER(rate_summary) \
	PARSER(aht_summary) \
	PARSER(duration_summary) \
	PARSER(status_summary) \
	PARSER(business_calendar)

#define PARSER(name) extern Datum name##_in(PG_FUNCTION_ARGS); extern Datum name##_out(PG_FUNCTION_ARGS);
PARSERS
#undef PARSER

typedef struct Parser
{
	const char *name;
	PGFunction	in;
	PGFunction	out;
} Parser;

#define PARSER(name) {#name, name##_in, name##_out},
static const Parser parsers[] = {PARSERS};
#undef PARSER

/* What is being parsed, for the death callback's message. */
static const char *current_type = "";
static const char *current_input = "";

/* Name the input that made a sanitizer stop the run. */
static void
report_death(void)
{
	fprintf(stderr, "sanitize: the report above came from %s input \"%s\"\n",
			current_type, current_input);
}

/* The five characters of a packed SQLSTATE. */
static const char *
sqlstate_text(int sqlstate)
{
	static char text[6];

	for (int i = 0; i < 5; i++)
	{
		text[i] = PGUNSIXBIT(sqlstate);
		sqlstate >>= 6;
	}
	return text;
}

/*
 * Call an input function as the server does (typioparam and typmod
 * unknown); on 16+ with an ErrorSaveContext, so soft errors are exercised.
 * Returns false when the input was rejected softly.
 */
static bool
call_in(const Parser *parser, const char *text, Datum *result)
{
	LOCAL_FCINFO(fcinfo, 3);
#if PG_VERSION_NUM >= 160000
	ErrorSaveContext escontext = {T_ErrorSaveContext};

	fcinfo->context = (Node *) &escontext;
#else
	fcinfo->context = NULL;
#endif
	fcinfo->flinfo = NULL;
	fcinfo->resultinfo = NULL;
	fcinfo->fncollation = InvalidOid;
	fcinfo->isnull = false;
	fcinfo->nargs = 3;
	fcinfo->args[0].value = CStringGetDatum(text);
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = ObjectIdGetDatum(InvalidOid);
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = Int32GetDatum(-1);
	fcinfo->args[2].isnull = false;
	*result = parser->in(fcinfo);
#if PG_VERSION_NUM >= 160000
	if (escontext.error_occurred)
		return false;
#endif
	if (fcinfo->isnull || DatumGetPointer(*result) == NULL)
	{
		fprintf(stderr, "FAIL %s: input \"%s\" gave NULL without an error\n", parser->name, text);
		exit(1);
	}
	return true;
}

/* The text form of a value. */
static char *
call_out(const Parser *parser, Datum value)
{
	LOCAL_FCINFO(fcinfo, 1);

	fcinfo->flinfo = NULL;
	fcinfo->context = NULL;
	fcinfo->resultinfo = NULL;
	fcinfo->fncollation = InvalidOid;
	fcinfo->isnull = false;
	fcinfo->nargs = 1;
	fcinfo->args[0].value = value;
	fcinfo->args[0].isnull = false;
	return DatumGetCString(parser->out(fcinfo));
}

/*
 * Try one input: 1 if accepted and its text form reads back to itself, 0 if
 * rejected with a class-22 SQLSTATE, -1 (after a message) otherwise.
 */
static int
try_input(const Parser *parser, const char *input)
{
	jmp_buf		trap;
	volatile bool accepted = false;
	volatile bool round_trip = false;

	current_type = parser->name;
	current_input = input;
	shim_error_sqlstate = 0;
	shim_error_trap = &trap;
	if (setjmp(trap) == 0)
	{
		Datum		value;

		if (call_in(parser, input, &value))
		{
			char	   *text;

			accepted = true;
			text = call_out(parser, value);
			if (call_in(parser, text, &value) && strcmp(text, call_out(parser, value)) == 0)
				round_trip = true;
			else
				snprintf(shim_error_message, SHIM_MESSAGE_SIZE, "the text form \"%s\" does not read back to itself", text);
		}
	}
	shim_error_trap = NULL;
	shim_reset_memory();
	if (round_trip)
		return 1;
	if (!accepted && ERRCODE_TO_CATEGORY(shim_error_sqlstate) == ERRCODE_DATA_EXCEPTION)
		return 0;
	fprintf(stderr, "FAIL %s: SQLSTATE %s: %s  input: \"%s\"\n", parser->name,
			sqlstate_text(shim_error_sqlstate), shim_error_message, input);
	return -1;
}

/* The parser of a fuzzed type; a type without one fails the run. */
static const Parser *
find_parser(const char *name)
{
	for (size_t i = 0; i < lengthof(parsers); i++)
		if (strcmp(parsers[i].name, name) == 0)
			return &parsers[i];
	fprintf(stderr, "FAIL %s: fuzzed in mutate.c but has no PARSER(%s) line in sanitize.c\n", name, name);
	exit(1);
}

int
main(int argc, char **argv)
{
	long		per_type = argc > 1 ? atol(argv[1]) : 1000;
	uint64_t	seed = argc > 2 ? strtoull(argv[2], NULL, 10) : FUZZ_DEFAULT_SEED;
	FuzzRng		rng;
	long		passed = 0;
	long		failed = 0;

	__sanitizer_set_death_callback(report_death);
	fuzz_rng_init(&rng, seed, FUZZ_TEXT_STREAM);
	if (fuzz_ntypes != lengthof(parsers))
	{
		fprintf(stderr, "FAIL: sanitize.c has %zu parsers for %zu fuzzed types\n",
				lengthof(parsers), fuzz_ntypes);
		return 1;
	}
	for (size_t t = 0; t < fuzz_ntypes; t++)
	{
		const FuzzType *type = &fuzz_types[t];
		const Parser *parser = find_parser(type->name);
		int			nseeds = fuzz_nseeds(type);
		long		outcomes[3] = {0, 0, 0};	/* failed, rejected, accepted */

		for (int s = 0; s < nseeds; s++)
			if (try_input(parser, type->seeds[s]) != 1)
			{
				fprintf(stderr, "FAIL %s: seed \"%s\" is not accepted\n", type->name, type->seeds[s]);
				outcomes[0]++;
			}
		for (long i = 0; i < per_type; i++)
		{
			char		text[FUZZ_MAX_INPUT + 1];
			int			s = (int) (fuzz_rng(&rng) % nseeds);

			strcpy(text, type->seeds[s]);
			fuzz_mutate_text(&rng, text, strlen(text), type);
			outcomes[1 + try_input(parser, text)]++;
		}
		printf("fuzz: sanitized %-17s %ld accepted %ld rejected %ld failures\n",
			   type->name, outcomes[2], outcomes[1], outcomes[0]);
		passed += outcomes[1] + outcomes[2];
		failed += outcomes[0];
	}
	printf("fuzz: %ld passed, %ld failed\n", passed, failed);
	return failed > 0;
}
