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

#endif							/* CSMETRICS_COMPAT_H */
