/*-------------------------------------------------------------------------
 *
 * mutate.c
 *	  Seed values of every csmetrics type and the mutations the fuzzers
 *	  apply to them: truncation, bit flips, inserted and deleted bytes,
 *	  extreme numbers, duplicated slices, splices of other seeds, extra
 *	  fields and random bytes.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "mutate.h"

/* Every type the fuzzers try; a new type adds its entry here. */
const FuzzType fuzz_types[] = {
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
		{"duration v2 count=5 sum_us=780000050 sumsq_us2=378000000000002500 min_us=0 max_us=600000000 buckets=AAAwAP4JAD4AkwEA",
			"duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=",
			"duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdAQA=",
		"duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1"},
	"SELECT median(s), percentile(s, ARRAY[0, 0.5, 0.99, 1]), mean(s), stddev(s), ci_low(s), total_duration(s), rollup(x), p_value(s, s) FROM (SELECT $1::duration_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"status_summary",
		{"status v1 transitions=1740992400:\"new\",1740992700:\"open\",1740994200.25:\"on \\\"hold\\\"\",1740994200.25:\"pending\"",
			"status v1 transitions=",
			"status v1 transitions=-210866803200:\"a\\\\b = c, d\",0:\"\",9224318015999.999999:\"wartet – Kunde\"",
		"status v1 transitions=1:\"solved\",2:\"open\",2:\"open\",3:\"closed\",4:\"new\""},
	"SELECT time_in(s, 'open'), time_in(s, ARRAY['new', 'open'], now()), time_in(s, '{open}'::text[], '2000-01-01'::timestamptz, '2030-01-01'), time_in(s, 'open', 'mon-fri 09:00-17:00'::business_calendar, '2030-01-01'), status_at(s, '2025-03-03 09:10+00'), first_entered(s, 'open'), last_entered(s, 'new'), times_entered(s, 'open'), reopens(s), sla_due(s, '1 hour', '{new,open}', 'mon-fri 09:00-17:00'), rollup(x) FROM (SELECT $1::status_summary AS s) t, LATERAL (VALUES (s), (s)) v(x) GROUP BY s"},
	{"business_calendar",
		{"mon-fri 09:00-12:00 13:00-17:00; sat 10:00-14:00; tz Europe/Berlin; holidays 2025-12-25 2025-12-26",
			"mon 22:00-24:00; tue-fri 00:00-06:00 22:00-24:00; sat 00:00-06:00; tz UTC",
		"sun 00:00-24:00; tz Asia/Kathmandu; holidays 2000-01-01", NULL},
	"SELECT business_duration('2024-12-20', '2026-01-10', c), business_add('2025-03-29', '30 hours', c), is_business_time('2025-10-26 01:30+00', c) FROM (SELECT $1::business_calendar AS c) t"},
};

const size_t fuzz_ntypes = sizeof(fuzz_types) / sizeof(fuzz_types[0]);

/*
 * Start a stream: the text stream from the seed itself, the binary stream
 * from a different but fixed state.
 */
void
fuzz_rng_init(FuzzRng *rng, uint64_t seed, int stream)
{
	rng->state = seed ^ ((uint64_t) stream * 0x9E3779B97F4A7C15ULL);
	if (rng->state == 0)
		rng->state = 1;
}

/* The next number of a stream (xorshift64*). */
uint64_t
fuzz_rng(FuzzRng *rng)
{
	rng->state ^= rng->state >> 12;
	rng->state ^= rng->state << 25;
	rng->state ^= rng->state >> 27;
	return rng->state * 2685821657736338717ULL;
}

/* Number of seeds a type has. */
int
fuzz_nseeds(const FuzzType *type)
{
	int			n = 0;

	while (n < FUZZ_MAX_SEEDS && type->seeds[n])
		n++;
	return n;
}

static const char *const interesting_numbers[] = {
	"0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"18446744073709551616", "99999999999999999999999999999999999999999", "2147483647",
	"4294967296", "3711", "3712", "11", "10", "2", "1e5", "0x10", "", "24:00", "23:59",
	"00:00", "2025-02-29", "9999-12-31", "0001-01-01", "170141183460469231731687303715884105727",
	"170141183460469231731687303715884105728"
};

/* Mutate a text input in place, len bytes; returns the new length. */
size_t
fuzz_mutate_text(FuzzRng *rng, char *buf, size_t len, const FuzzType *type)
{
	int			rounds = 1 + (int) (fuzz_rng(rng) % 3);

	for (int r = 0; r < rounds; r++)
	{
		size_t		pos = len ? fuzz_rng(rng) % len : 0;

		switch (fuzz_rng(rng) % 9)
		{
			case 0:				/* truncate */
				len = pos;
				break;
			case 1:				/* flip a bit, never to NUL */
				if (len)
				{
					buf[pos] ^= (char) (1 << (fuzz_rng(rng) % 7));
					if (buf[pos] == '\0')
						buf[pos] = 'x';
				}
				break;
			case 2:				/* insert a byte */
				if (len + 1 < FUZZ_MAX_INPUT)
				{
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = " =,:;-v0123456789abcdefghijklmnopqrstuvwxyz/\t\n"[fuzz_rng(rng) % 47];
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
					const char *number = interesting_numbers[fuzz_rng(rng) % (sizeof(interesting_numbers) / sizeof(char *))];
					size_t		nlen = strlen(number);

					while (start < len && (buf[start] < '0' || buf[start] > '9'))
						start++;
					end = start;
					while (end < len && buf[end] >= '0' && buf[end] <= '9')
						end++;
					if (len - (end - start) + nlen < FUZZ_MAX_INPUT)
					{
						memmove(buf + start + nlen, buf + end, len - end);
						memcpy(buf + start, number, nlen);
						len = len - (end - start) + nlen;
					}
				}
				break;
			case 5:				/* duplicate a slice */
				{
					size_t		slice = len ? 1 + fuzz_rng(rng) % (len - pos) : 0;

					if (len + slice < FUZZ_MAX_INPUT)
					{
						memmove(buf + pos + slice, buf + pos, len - pos);
						len += slice;
					}
				}
				break;
			case 6:				/* splice in another seed of the same type */
				{
					const char *other = type->seeds[fuzz_rng(rng) % FUZZ_MAX_SEEDS];

					if (other)
					{
						size_t		olen = strlen(other);
						size_t		from = olen ? fuzz_rng(rng) % olen : 0;

						if (pos + (olen - from) < FUZZ_MAX_INPUT)
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
					size_t		elen = 1 + fuzz_rng(rng) % strlen(extra);

					if (len + elen < FUZZ_MAX_INPUT)
					{
						memcpy(buf + len, extra, elen);
						len += elen;
					}
				}
				break;
			default:			/* random printable bytes */
				len = fuzz_rng(rng) % 64;
				for (size_t i = 0; i < len; i++)
					buf[i] = (char) (32 + fuzz_rng(rng) % 95);
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
size_t
fuzz_mutate_binary(FuzzRng *rng, unsigned char *buf, size_t len)
{
	int			rounds = 1 + (int) (fuzz_rng(rng) % 3);

	for (int r = 0; r < rounds; r++)
	{
		size_t		pos = len ? fuzz_rng(rng) % len : 0;

		switch (fuzz_rng(rng) % 7)
		{
			case 0:
				len = pos;
				break;
			case 1:
				if (len)
					buf[pos] ^= (unsigned char) (1 << (fuzz_rng(rng) % 8));
				break;
			case 2:
				if (len + 1 < FUZZ_MAX_INPUT)
				{
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = (unsigned char) fuzz_rng(rng);
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
					int64_t		v = interesting_int64[fuzz_rng(rng) % (sizeof(interesting_int64) / sizeof(int64_t))];
					int			width = (fuzz_rng(rng) % 2) ? 8 : 4;

					for (int i = 0; i < width && pos + i < len; i++)
						buf[pos + i] = (unsigned char) (v >> (8 * (width - 1 - i)));
				}
				break;
			case 5:				/* the version byte */
				if (len)
					buf[0] = (unsigned char) (fuzz_rng(rng) % 4);
				break;
			default:
				len = fuzz_rng(rng) % 80;
				for (size_t i = 0; i < len; i++)
					buf[i] = (unsigned char) fuzz_rng(rng);
				break;
		}
	}
	return len;
}
