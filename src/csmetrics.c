/*-------------------------------------------------------------------------
 *
 * csmetrics.c
 *	  The module's magic block; each summary type lives in its own file.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
