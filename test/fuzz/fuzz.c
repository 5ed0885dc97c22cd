/*-------------------------------------------------------------------------
 *
 * fuzz.c
 *	  Mutation fuzzing of every csmetrics input and receive function through
 *	  a real server: valid literals and binary values are truncated, bit-
 *	  flipped, spliced and stuffed with extreme numbers, then sent as text
 *	  and as binary parameters.  Every input must either be accepted (and
 *	  then round-trip through its text form and survive the type's
 *	  functions) or be rejected with an error of SQLSTATE class 22.  A
 *	  crash, any other error, or a broken round trip is a failure.
 *
 *	  fuzz INPUTS_PER_TYPE [SEED]   (connects with the PG* environment)
 *
 *	  The seeds and mutations live in mutate.c, shared with sanitize.c.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "mutate.h"

static long failures = 0;

/* Whether a finished query is acceptable: success, or an error of class 22. */
static int
outcome_ok(PGconn **conn, PGresult *res, const char *type, const char *what,
		   const char *input, size_t len, int binary)
{
	ExecStatusType status = PQresultStatus(res);
	const char *state;

	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
		return 1;
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (PQstatus(*conn) == CONNECTION_OK && state != NULL && strncmp(state, "22", 2) == 0)
		return 0;
	failures++;
	fprintf(stderr, "FAIL %s %s (%s): SQLSTATE %s: %s  input (%zu bytes):", type, what,
			binary ? "binary" : "text", state ? state : "none", PQerrorMessage(*conn), len);
	for (size_t i = 0; i < len && i < 200; i++)
		fprintf(stderr, binary ? " %02x" : "%c", (unsigned char) input[i]);
	fprintf(stderr, "\n");
	if (PQstatus(*conn) != CONNECTION_OK)
	{
		PQfinish(*conn);
		*conn = PQconnectdb("");
		if (PQstatus(*conn) != CONNECTION_OK)
		{
			fprintf(stderr, "cannot reconnect: %s\n", PQerrorMessage(*conn));
			exit(2);
		}
	}
	return -1;
}

/* Try one input; counts accepted and rejected inputs. */
static void
try_input(PGconn **conn, const FuzzType *type, const char *input, size_t len, int binary,
		  long *accepted, long *rejected)
{
	char		sql[512];
	const char *values[1] = {input};
	int			lengths[1] = {(int) len};
	int			formats[1] = {binary};
	PGresult   *res;
	int			ok;

	snprintf(sql, sizeof(sql),
			 "SELECT s::text = (s::text)::%s::text FROM (SELECT $1::%s AS s) t", type->name, type->name);
	res = PQexecParams(*conn, sql, 1, NULL, values, lengths, formats, 0);
	ok = outcome_ok(conn, res, type->name, "input", input, len, binary);
	if (ok == 1 && strcmp(PQgetvalue(res, 0, 0), "t") != 0)
	{
		failures++;
		fprintf(stderr, "FAIL %s: accepted value does not round-trip: %.*s\n", type->name, (int) len, input);
	}
	PQclear(res);
	if (ok != 1)
	{
		*rejected += ok == 0;
		return;
	}
	(*accepted)++;
	res = PQexecParams(*conn, type->exercise, 1, NULL, values, lengths, formats, 0);
	outcome_ok(conn, res, type->name, "functions", input, len, binary);
	PQclear(res);
}

int
main(int argc, char **argv)
{
	long		per_type = argc > 1 ? atol(argv[1]) : 1000;
	PGconn	   *conn = PQconnectdb("");
	long		total_accepted = 0;
	long		total_rejected = 0;
	uint64_t	seed = argc > 2 ? strtoull(argv[2], NULL, 10) : FUZZ_DEFAULT_SEED;
	FuzzRng		text_rng;
	FuzzRng		binary_rng;

	fuzz_rng_init(&text_rng, seed, FUZZ_TEXT_STREAM);
	fuzz_rng_init(&binary_rng, seed, FUZZ_BINARY_STREAM);
	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "cannot connect: %s\n", PQerrorMessage(conn));
		return 2;
	}
	printf("fuzz: %ld inputs per type and form, seed %llu\n", per_type, (unsigned long long) seed);
	for (size_t t = 0; t < fuzz_ntypes; t++)
	{
		const FuzzType *type = &fuzz_types[t];
		unsigned char binary_seeds[FUZZ_MAX_SEEDS][FUZZ_MAX_INPUT];
		size_t		binary_lengths[FUZZ_MAX_SEEDS];
		int			nseeds = 0;
		long		accepted[2] = {0, 0};
		long		rejected[2] = {0, 0};
		long		before = failures;

		/* The send() form of each seed, fetched as a binary result. */
		for (int s = 0; s < FUZZ_MAX_SEEDS && type->seeds[s]; s++)
		{
			char		sql[256];
			const char *values[1] = {type->seeds[s]};
			PGresult   *res;

			snprintf(sql, sizeof(sql), "SELECT $1::%s", type->name);
			res = PQexecParams(conn, sql, 1, NULL, values, NULL, NULL, 1);
			if (PQresultStatus(res) != PGRES_TUPLES_OK)
			{
				fprintf(stderr, "seed %s rejected: %s\n", type->seeds[s], PQerrorMessage(conn));
				return 2;
			}
			binary_lengths[s] = PQgetlength(res, 0, 0);
			memcpy(binary_seeds[s], PQgetvalue(res, 0, 0), binary_lengths[s]);
			PQclear(res);
			nseeds++;
		}
		for (long i = 0; i < per_type; i++)
		{
			char		text[FUZZ_MAX_INPUT + 1];
			unsigned char binary[FUZZ_MAX_INPUT];
			int			s = (int) (fuzz_rng(&text_rng) % nseeds);
			size_t		len;

			strcpy(text, type->seeds[s]);
			len = fuzz_mutate_text(&text_rng, text, strlen(text), type);
			try_input(&conn, type, text, len, 0, &accepted[0], &rejected[0]);

			s = (int) (fuzz_rng(&binary_rng) % nseeds);
			memcpy(binary, binary_seeds[s], binary_lengths[s]);
			len = fuzz_mutate_binary(&binary_rng, binary, binary_lengths[s]);
			try_input(&conn, type, (char *) binary, len, 1, &accepted[1], &rejected[1]);
		}
		printf("fuzz: %-17s text %ld accepted %ld rejected; binary %ld accepted %ld rejected; %ld failures\n",
			   type->name, accepted[0], rejected[0], accepted[1], rejected[1], failures - before);
		total_accepted += accepted[0] + accepted[1];
		total_rejected += rejected[0] + rejected[1];
	}
	PQfinish(conn);
	printf("fuzz: %ld inputs, %ld accepted, %ld rejected with SQLSTATE class 22, %ld crashes or other errors\n",
		   total_accepted + total_rejected + failures, total_accepted, total_rejected, failures);
	printf("fuzz: %ld passed, %ld failed\n", total_accepted + total_rejected, failures);
	return failures > 0;
}
