/*-------------------------------------------------------------------------
 *
 * backend_shim.h
 *	  What sanitize.c needs from backend_shim.c: the error trap and the
 *	  per-input memory reset.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSMETRICS_BACKEND_SHIM_H
#define CSMETRICS_BACKEND_SHIM_H

#include <setjmp.h>

/* Where ereport(ERROR) jumps; the harness sets it around every call. */
extern jmp_buf *shim_error_trap;

/* The last error reported, hard or soft. */
#define SHIM_MESSAGE_SIZE 1024
extern int	shim_error_sqlstate;
extern char shim_error_message[SHIM_MESSAGE_SIZE];

/* Free every palloc'd chunk, as a memory context reset does. */
extern void shim_reset_memory(void);

#endif							/* CSMETRICS_BACKEND_SHIM_H */
