/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The one place where csmetrics bridges server versions (15 and 18 are
 *	  built and tested; 16 and 17 are expected to work through the same
 *	  guards).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_COMPAT_H
#define CSMETRICS_COMPAT_H

/* Since 16 the varlena macros (VARSIZE, SET_VARSIZE) live in varatt.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced pg_attribute_noreturn() after a declaration with pg_noreturn
 * before it; C11's _Noreturn means the same to the compilers 15 supports.
 */
#ifndef pg_noreturn
#define pg_noreturn _Noreturn
#endif

/*
 * Soft input errors (16+): input functions report bad input through
 * errsave/ereturn with fcinfo->context, so pg_input_is_valid and COPY ...
 * ON_ERROR ignore work.  15 has no such mechanism: the same calls raise.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#else
#define errsave(context, ...) ereport(ERROR, __VA_ARGS__)
#define ereturn(context, dummy_value, ...) ereport(ERROR, __VA_ARGS__)
#define SOFT_ERROR_OCCURRED(escontext) false
#endif

/* 18 declares common/base64.h's routines over uint8 rather than char. */
#if PG_VERSION_NUM >= 180000
typedef uint8 csm_b64_byte;
#else
typedef char csm_b64_byte;
#endif

#endif							/* CSMETRICS_COMPAT_H */
