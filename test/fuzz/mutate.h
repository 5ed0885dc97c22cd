/*-------------------------------------------------------------------------
 *
 * mutate.h
 *	  The fuzzers' shared input source: valid seed values of every
 *	  csmetrics type and the mutations applied to them.  fuzz.c sends the
 *	  mutated values to a real server; sanitize.c feeds the text ones to the
 *	  parsers compiled with AddressSanitizer and UBSan.  Both draw text
 *	  inputs from their own random stream started from the same seed, so
 *	  they see the same text inputs.
 *
 *	  A new type gets one entry in fuzz_types (mutate.c) and one
 *	  PARSER(...) line in sanitize.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_FUZZ_MUTATE_H
#define CSMETRICS_FUZZ_MUTATE_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_MAX_INPUT 4096
#define FUZZ_MAX_SEEDS 4
#define FUZZ_DEFAULT_SEED 20261123ULL

typedef struct FuzzType
{
	const char *name;			/* SQL type name; its input function is name_in */
	const char *seeds[FUZZ_MAX_SEEDS];	/* valid literals, NULL-padded */
	const char *exercise;		/* query run on accepted values, $1 is the value */
} FuzzType;

extern const FuzzType fuzz_types[];
extern const size_t fuzz_ntypes;

/* A random stream: xorshift64*, so a fixed seed gives the same inputs. */
typedef struct FuzzRng
{
	uint64_t	state;
} FuzzRng;

extern void fuzz_rng_init(FuzzRng *rng, uint64_t seed, int stream);
extern uint64_t fuzz_rng(FuzzRng *rng);
extern int	fuzz_nseeds(const FuzzType *type);
extern size_t fuzz_mutate_text(FuzzRng *rng, char *buf, size_t len, const FuzzType *type);
extern size_t fuzz_mutate_binary(FuzzRng *rng, unsigned char *buf, size_t len);

/* Random streams: one for text inputs, one for binary ones. */
#define FUZZ_TEXT_STREAM 0
#define FUZZ_BINARY_STREAM 1

#endif							/* CSMETRICS_FUZZ_MUTATE_H */
