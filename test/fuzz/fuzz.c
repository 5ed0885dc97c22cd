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
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

typedef struct FuzzType
{
	const char *name;
	const char *seeds[4];
	const char *exercise;		/* query run on accepted values, $1 is the value */
} FuzzType;

static const FuzzType types[] = {
	{"nps_summary",
		{"nps v1 promoters=3 passives=2 detractors=1", "nps v1 promoters=0 passives=0 detractors=0",
		"nps v1 promoters=9223372036854775000 passives=800 detractors=7", NULL},
	"SELECT nps(s), responses(s), ci_low(s), nps_margin(s), rollup(x), p_value(s, s) FROM (SELECT $1::nps_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"csat_summary",
		{"csat v1 scale=5 counts=1,0,3,10,20", "csat v1 scale=0 counts=", "csat v1 scale=10 counts=1,2,3,4,5,6,7,8,9,10", "csat v1 scale=2 counts=4611686018427387903,4611686018427387904"},
	"SELECT csat(s), csat_mean(s), csat_composite(s), ci_high(s), rollup(x), p_value(s, s) FROM (SELECT $1::csat_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"ces_summary",
		{"ces v1 scale=7 counts=0,1,0,0,1,1,1", "ces v1 scale=0 counts=", "ces v1 scale=3 counts=5,0,9", NULL},
	"SELECT ces(s), ci_low(s), ci_high(s), rollup(x), p_value(s, s) FROM (SELECT $1::ces_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"rate_summary",
		{"rate v1 hits=2 trials=5", "rate v1 hits=0 trials=0", "rate v1 hits=9223372036854775807 trials=9223372036854775807", NULL},
	"SELECT rate(s), hits(s), ci_low(s), rollup(x), p_value(s, s) FROM (SELECT $1::rate_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"aht_summary",
		{"aht v1 contacts=2 total_us=1000", "aht v1 contacts=0 total_us=0", "aht v1 contacts=3 total_us=9223372036854775807", NULL},
	"SELECT s::text FROM (SELECT $1::aht_summary AS s) t"},
	{"duration_summary",
		{"duration v1 count=5 sum_us=780000050 sumsq_us2=378000000000002500 min_us=0 max_us=600000000 buckets=0:1,50:1,1330:1,1394:1,1543:1",
			"duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=",
			"duration v1 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=5:1,164:1",
		"duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1"},
	"SELECT median(s), percentile(s, ARRAY[0, 0.5, 0.99, 1]), mean(s), stddev(s), ci_low(s), total_duration(s), rollup(x), p_value(s, s) FROM (SELECT $1::duration_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"business_calendar",
		{"mon-fri 09:00-12:00 13:00-17:00; sat 10:00-14:00; tz Europe/Berlin; holidays 2025-12-25 2025-12-26",
			"mon 22:00-24:00; tue-fri 00:00-06:00 22:00-24:00; sat 00:00-06:00; tz UTC",
		"sun 00:00-24:00; tz Asia/Kathmandu; holidays 2000-01-01", NULL},
	"SELECT business_duration('2024-12-20', '2026-01-10', c), business_add('2025-03-29', '30 hours', c), is_business_time('2025-10-26 01:30+00', c) FROM (SELECT $1::business_calendar AS c) t"},
};

#define NTYPES (sizeof(types) / sizeof(types[0]))
#define MAX_INPUT 4096

static uint64_t rng_state;

/* xorshift64*: a fixed seed gives the same inputs on every run. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static const char *const interesting_numbers[] = {
	"0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"18446744073709551616", "99999999999999999999999999999999999999999", "2147483647",
	"4294967296", "3711", "3712", "11", "10", "2", "1e5", "0x10", "", "24:00", "23:59",
	"00:00", "2025-02-29", "9999-12-31", "0001-01-01", "170141183460469231731687303715884105727",
	"170141183460469231731687303715884105728"
};

/* Mutate a text input in place, len bytes; returns the new length. */
static size_t
mutate_text(char *buf, size_t len, const FuzzType *type)
{
	int			rounds = 1 + (int) (rng() % 3);

	for (int r = 0; r < rounds; r++)
	{
		size_t		pos = len ? rng() % len : 0;

		switch (rng() % 9)
		{
			case 0:				/* truncate */
				len = pos;
				break;
			case 1:				/* flip a bit, never to NUL */
				if (len)
				{
					buf[pos] ^= (char) (1 << (rng() % 7));
					if (buf[pos] == '\0')
						buf[pos] = 'x';
				}
				break;
			case 2:				/* insert a byte */
				if (len + 1 < MAX_INPUT)
				{
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = " =,:;-v0123456789abcdefghijklmnopqrstuvwxyz/\t\n"[rng() % 47];
					len++;
				}
				break;
			case 3:				/* delete a byte */
				if (len)
				{
					memmove(buf + pos, buf + pos + 1, len - pos - 1);
					len--;
				}
				break;
			case 4:				/* replace a run of digits with an extreme number */
				{
					size_t		start = pos;
					size_t		end;
					const char *number = interesting_numbers[rng() % (sizeof(interesting_numbers) / sizeof(char *))];
					size_t		nlen = strlen(number);

					while (start < len && (buf[start] < '0' || buf[start] > '9'))
						start++;
					end = start;
					while (end < len && buf[end] >= '0' && buf[end] <= '9')
						end++;
					if (len - (end - start) + nlen < MAX_INPUT)
					{
						memmove(buf + start + nlen, buf + end, len - end);
						memcpy(buf + start, number, nlen);
						len = len - (end - start) + nlen;
					}
				}
				break;
			case 5:				/* duplicate a slice */
				{
					size_t		slice = len ? 1 + rng() % (len - pos) : 0;

					if (len + slice < MAX_INPUT)
					{
						memmove(buf + pos + slice, buf + pos, len - pos);
						len += slice;
					}
				}
				break;
			case 6:				/* splice in another seed of the same type */
				{
					const char *other = type->seeds[rng() % 4];

					if (other)
					{
						size_t		olen = strlen(other);
						size_t		from = olen ? rng() % olen : 0;

						if (pos + (olen - from) < MAX_INPUT)
						{
							memcpy(buf + pos, other + from, olen - from);
							len = pos + (olen - from);
						}
					}
				}
				break;
			case 7:				/* append an extra field */
				{
					const char *extra = "; extra=1,2:3";
					size_t		elen = 1 + rng() % strlen(extra);

					if (len + elen < MAX_INPUT)
					{
						memcpy(buf + len, extra, elen);
						len += elen;
					}
				}
				break;
			default:			/* random printable bytes */
				len = rng() % 64;
				for (size_t i = 0; i < len; i++)
					buf[i] = (char) (32 + rng() % 95);
				break;
		}
	}
	buf[len] = '\0';
	return len;
}

static const int64_t interesting_int64[] = {
	0, 1, -1, INT64_MAX, INT64_MIN, (int64_t) 1 << 62, (int64_t) 1 << 32, 3711, 3712, 10, 11, 2
};

/* Mutate a binary value in place; returns the new length. */
static size_t
mutate_binary(unsigned char *buf, size_t len)
{
	int			rounds = 1 + (int) (rng() % 3);

	for (int r = 0; r < rounds; r++)
	{
		size_t		pos = len ? rng() % len : 0;

		switch (rng() % 7)
		{
			case 0:
				len = pos;
				break;
			case 1:
				if (len)
					buf[pos] ^= (unsigned char) (1 << (rng() % 8));
				break;
			case 2:
				if (len + 1 < MAX_INPUT)
				{
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = (unsigned char) rng();
					len++;
				}
				break;
			case 3:
				if (len)
				{
					memmove(buf + pos, buf + pos + 1, len - pos - 1);
					len--;
				}
				break;
			case 4:				/* an extreme big-endian int64 or int32 */
				{
					int64_t		v = interesting_int64[rng() % (sizeof(interesting_int64) / sizeof(int64_t))];
					int			width = (rng() % 2) ? 8 : 4;

					for (int i = 0; i < width && pos + i < len; i++)
						buf[pos + i] = (unsigned char) (v >> (8 * (width - 1 - i)));
				}
				break;
			case 5:				/* the version byte */
				if (len)
					buf[0] = (unsigned char) (rng() % 4);
				break;
			default:
				len = rng() % 80;
				for (size_t i = 0; i < len; i++)
					buf[i] = (unsigned char) rng();
				break;
		}
	}
	return len;
}

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

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261123;
	if (rng_state == 0)
		rng_state = 1;
	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "cannot connect: %s\n", PQerrorMessage(conn));
		return 2;
	}
	printf("fuzz: %ld inputs per type and form, seed %s\n", per_type, argc > 2 ? argv[2] : "20261123");
	for (size_t t = 0; t < NTYPES; t++)
	{
		const FuzzType *type = &types[t];
		unsigned char binary_seeds[4][MAX_INPUT];
		size_t		binary_lengths[4];
		int			nseeds = 0;
		long		accepted[2] = {0, 0};
		long		rejected[2] = {0, 0};
		long		before = failures;

		/* The send() form of each seed, fetched as a binary result. */
		for (int s = 0; s < 4 && type->seeds[s]; s++)
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
			char		text[MAX_INPUT + 1];
			unsigned char binary[MAX_INPUT];
			int			s = (int) (rng() % nseeds);
			size_t		len;

			strcpy(text, type->seeds[s]);
			len = mutate_text(text, strlen(text), type);
			try_input(&conn, type, text, len, 0, &accepted[0], &rejected[0]);

			memcpy(binary, binary_seeds[s], binary_lengths[s]);
			len = mutate_binary(binary, binary_lengths[s]);
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
