/*-------------------------------------------------------------------------
 *
 * status.c
 *	  status_summary: one ticket's status history as ordered transitions,
 *	  its aggregates (status_agg, rollup) and accessors (time_in, status_at,
 *	  first_entered, last_entered, times_entered, reopens, sla_due,
 *	  sla_elapsed).
 *
 * A summary holds a table of distinct status names and the transitions
 * (instant, index into the table).  In its canonical form, the one stored
 * and read by the accessors, names are in byte order and transitions are
 * sorted by instant, ties by status name (byte order), so equal histories
 * have equal bytes.  While an aggregate runs, its state is the working form
 * of the same type: names in the order they arrived with a hash table over
 * them, transitions in arrival order, and spare room, so that a row costs a
 * hash lookup and an append.  The final function sorts once.  Partial
 * aggregation (parallel workers, Citus) hands working forms to the combine
 * function and to the output functions, which accept both forms.
 *
 * Segment i of a history runs from transition i to transition i + 1; the
 * last one runs to `until`, or ends at once without it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "csmetrics.h"
#include "calendar.h"

#define STATUS_TYPNAME "status_summary"

/* flags: the working form of an aggregate state (see the file header). */
#define STATUS_WORKING 0x01

/*
 * Initial room of a working form: a ticket's usual history (a handful of
 * changes among the usual statuses) fits without growing, in 256 bytes.  Up
 * to STATUS_MIN_NAMES names are found by a scan, which costs less than
 * hashing; beyond, a working form has a hash table.
 */
#define STATUS_MIN_TRANSITIONS 8
#define STATUS_MIN_NAMES 8
#define STATUS_MIN_NAME_BYTES 48

typedef struct StatusTransition
{
	TimestampTz at;
	int32		status;			/* index into the name table */
	int32		unused;			/* always zero */
} StatusTransition;

/*
 * After the transitions come, sized by the capacities: int32 name_ends[]
 * (name i is bytes name_ends[i - 1] up to name_ends[i] of the name data),
 * int32 hash[] (working form only: name index + 1, or 0 for a free slot),
 * then the name data.  The canonical form has no spare room and no hash.
 */
typedef struct StatusSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* STATUS_WORKING or zero */
	uint16		reserved;		/* always zero */
	int32		ntransitions;
	int32		nnames;
	int32		name_bytes;
	int32		transition_capacity;
	int32		name_capacity;
	int32		name_byte_capacity;
	int32		hash_slots;		/* zero or a power of two */
	int32		unused;			/* always zero */
	StatusTransition transitions[FLEXIBLE_ARRAY_MEMBER];
} StatusSummary;

PG_FUNCTION_INFO_V1(status_summary_in);
PG_FUNCTION_INFO_V1(status_summary_out);
PG_FUNCTION_INFO_V1(status_summary_recv);
PG_FUNCTION_INFO_V1(status_summary_send);
PG_FUNCTION_INFO_V1(status_summary_eq);
PG_FUNCTION_INFO_V1(status_summary_ne);
PG_FUNCTION_INFO_V1(status_summary_hash);
PG_FUNCTION_INFO_V1(status_agg_trans);
PG_FUNCTION_INFO_V1(status_rollup_trans);
PG_FUNCTION_INFO_V1(status_agg_final);
PG_FUNCTION_INFO_V1(status_time_in);
PG_FUNCTION_INFO_V1(status_time_in_any);
PG_FUNCTION_INFO_V1(status_time_in_window);
PG_FUNCTION_INFO_V1(status_time_in_window_any);
PG_FUNCTION_INFO_V1(status_time_in_business);
PG_FUNCTION_INFO_V1(status_time_in_business_any);
PG_FUNCTION_INFO_V1(status_at);
PG_FUNCTION_INFO_V1(status_first_entered);
PG_FUNCTION_INFO_V1(status_last_entered);
PG_FUNCTION_INFO_V1(status_times_entered);
PG_FUNCTION_INFO_V1(status_reopens);
PG_FUNCTION_INFO_V1(status_sla_due);

/* ----------------------------------------------------------------
 * Layout
 * ----------------------------------------------------------------
 */

/* The end offsets of the names. */
static inline int32 *
status_name_ends(const StatusSummary *s)
{
	return (int32 *) (s->transitions + s->transition_capacity);
}

/* The hash slots of a working form. */
static inline int32 *
status_hash_slots(const StatusSummary *s)
{
	return status_name_ends(s) + s->name_capacity;
}

/* The bytes of the names, one after the other. */
static inline char *
status_name_data(const StatusSummary *s)
{
	return (char *) (status_hash_slots(s) + s->hash_slots);
}

/* Name i and its length in bytes. */
static inline const char *
status_name(const StatusSummary *s, int32 i, int *len)
{
	const int32 *ends = status_name_ends(s);
	int32		start = (i == 0) ? 0 : ends[i - 1];

	*len = ends[i] - start;
	return status_name_data(s) + start;
}

/* A new empty summary with the given room; at most 1 GB. */
static StatusSummary *
status_alloc(int64 transitions, int64 names, int64 name_bytes, int64 hash_slots)
{
	int64		size = offsetof(StatusSummary, transitions) +
		transitions * sizeof(StatusTransition) + (names + hash_slots) * sizeof(int32) + name_bytes;
	StatusSummary *s;

	if (size > (int64) MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("status_summary is too large"),
				 errdetail("A status history is limited to 1 GB (some 60 million transitions).")));
	s = palloc0(size);
	SET_VARSIZE(s, size);
	s->version = CSMETRICS_FORMAT_VERSION;
	s->transition_capacity = (int32) transitions;
	s->name_capacity = (int32) names;
	s->name_byte_capacity = (int32) name_bytes;
	s->hash_slots = (int32) hash_slots;
	return s;
}

/* The summary argument, detoasted (the state itself if it was not toasted). */
static inline StatusSummary *
status_arg_raw(FunctionCallInfo fcinfo, int argno)
{
	return (StatusSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
}

/* ----------------------------------------------------------------
 * Working form: name lookup and appends
 * ----------------------------------------------------------------
 */

/* Hash of a status name. */
static inline uint32
status_name_hash(const char *name, int len)
{
	return hash_bytes((const unsigned char *) name, len);
}

/* Whether name i of s is the given name. */
static inline bool
status_name_is(const StatusSummary *s, int32 i, const char *name, int len)
{
	int			ilen;
	const char *iname = status_name(s, i, &ilen);

	return ilen == len && memcmp(iname, name, len) == 0;
}

/*
 * Index of a name in a working form, or -1: a scan while the names are few
 * (no hash table yet), else a hash lookup.
 */
static int32
status_find_working(const StatusSummary *s, const char *name, int len)
{
	const int32 *slots = status_hash_slots(s);
	uint32		mask = (uint32) s->hash_slots - 1;

	if (s->hash_slots == 0)
	{
		for (int32 i = 0; i < s->nnames; i++)
			if (status_name_is(s, i, name, len))
				return i;
		return -1;
	}
	for (uint32 h = status_name_hash(name, len) & mask;; h = (h + 1) & mask)
	{
		if (slots[h] == 0)
			return -1;
		if (status_name_is(s, slots[h] - 1, name, len))
			return slots[h] - 1;
	}
}

/* Put name i into the hash table of a working form, if it has one. */
static void
status_hash_insert(StatusSummary *s, int32 i)
{
	int32	   *slots = status_hash_slots(s);
	uint32		mask = (uint32) s->hash_slots - 1;
	int			len;
	const char *name;
	uint32		h;

	if (s->hash_slots == 0)
		return;
	name = status_name(s, i, &len);
	for (h = status_name_hash(name, len) & mask; slots[h] != 0; h = (h + 1) & mask)
		;
	slots[h] = i + 1;
}

/* Append a name to a working form with room for it; its index. */
static int32
status_add_name(StatusSummary *s, const char *name, int len)
{
	int32		i = s->nnames;

	memcpy(status_name_data(s) + s->name_bytes, name, len);
	s->name_bytes += len;
	status_name_ends(s)[i] = s->name_bytes;
	s->nnames++;
	status_hash_insert(s, i);
	return i;
}

/*
 * Room for n more items when `used` of `capacity` are used: the capacity if
 * they fit, else at least double it.
 */
static int64
status_room(int64 used, int64 n, int64 capacity, int64 minimum)
{
	if (used + n <= capacity)
		return capacity;
	return Max(Max(used + n, 2 * capacity), minimum);
}

/*
 * A working copy of s (either form) with room for `transitions` more
 * transitions, `names` more names and `name_bytes` more name bytes.
 */
static StatusSummary *
status_working(const StatusSummary *s, int64 transitions, int64 names, int64 name_bytes)
{
	int64		name_room = status_room(s->nnames, names, s->name_capacity, STATUS_MIN_NAMES);
	int64		slots = 0;
	StatusSummary *w;

	if (name_room > STATUS_MIN_NAMES)
		for (slots = 4 * STATUS_MIN_NAMES; slots < 2 * name_room; slots *= 2)
			;
	w = status_alloc(status_room(s->ntransitions, transitions, s->transition_capacity, STATUS_MIN_TRANSITIONS),
					 name_room,
					 status_room(s->name_bytes, name_bytes, s->name_byte_capacity, STATUS_MIN_NAME_BYTES),
					 slots);
	w->flags = STATUS_WORKING;
	memcpy(w->transitions, s->transitions, s->ntransitions * sizeof(StatusTransition));
	w->ntransitions = s->ntransitions;
	memcpy(status_name_ends(w), status_name_ends(s), s->nnames * sizeof(int32));
	memcpy(status_name_data(w), status_name_data(s), s->name_bytes);
	w->nnames = s->nnames;
	w->name_bytes = s->name_bytes;
	for (int32 i = 0; i < w->nnames; i++)
		status_hash_insert(w, i);
	return w;
}

/*
 * Append one transition; returns s, or a larger working copy when s is
 * canonical or full.
 */
static StatusSummary *
status_add(StatusSummary *s, TimestampTz at, const char *name, int len)
{
	bool		working = (s->flags & STATUS_WORKING) != 0;
	int32		i = working ? status_find_working(s, name, len) : -1;
	StatusTransition *t;

	if (!working || s->ntransitions == s->transition_capacity ||
		(i < 0 && (s->nnames == s->name_capacity ||
				   len > s->name_byte_capacity - s->name_bytes)))
	{
		s = status_working(s, 1, i < 0, i < 0 ? len : 0);
		i = status_find_working(s, name, len);
	}
	if (i < 0)
		i = status_add_name(s, name, len);
	t = &s->transitions[s->ntransitions++];
	t->at = at;
	t->status = i;
	t->unused = 0;
	return s;
}

/* ----------------------------------------------------------------
 * Canonical form
 * ----------------------------------------------------------------
 */

/* Byte order of two names. */
static int
status_compare_bytes(const char *a, int alen, const char *b, int blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* qsort_arg comparator: byte order of two name indexes of a summary. */
static int
status_compare_names(const void *a, const void *b, void *arg)
{
	const StatusSummary *s = arg;
	int			alen;
	int			blen;
	const char *aname = status_name(s, *(const int32 *) a, &alen);
	const char *bname = status_name(s, *(const int32 *) b, &blen);

	return status_compare_bytes(aname, alen, bname, blen);
}

/* qsort comparator: by instant, then by name (index in byte order). */
static int
status_compare_transitions(const void *a, const void *b)
{
	const StatusTransition *x = a;
	const StatusTransition *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->status > y->status) - (x->status < y->status);
}

/* The canonical form of s: s itself if it is canonical, else a sorted copy. */
static StatusSummary *
status_canonical(StatusSummary *s)
{
	StatusSummary *c;
	int32	   *order;
	int32	   *rank;
	int32	   *ends;
	bool		sorted = true;

	if ((s->flags & STATUS_WORKING) == 0)
		return s;
	order = palloc(Max(s->nnames, 1) * sizeof(int32));
	rank = palloc(Max(s->nnames, 1) * sizeof(int32));
	for (int32 i = 0; i < s->nnames; i++)
		order[i] = i;
	if (s->nnames <= STATUS_MIN_NAMES)
	{
		/* A few names: an insertion sort costs less than qsort's calls. */
		for (int32 i = 1; i < s->nnames; i++)
		{
			int32		name = order[i];
			int32		j = i;

			while (j > 0 && status_compare_names(&order[j - 1], &name, s) > 0)
			{
				order[j] = order[j - 1];
				j--;
			}
			order[j] = name;
		}
	}
	else
		qsort_arg(order, s->nnames, sizeof(int32), status_compare_names, s);
	c = status_alloc(s->ntransitions, s->nnames, s->name_bytes, 0);
	ends = status_name_ends(c);
	for (int32 i = 0; i < s->nnames; i++)
	{
		int			len;
		const char *name = status_name(s, order[i], &len);

		rank[order[i]] = i;
		memcpy(status_name_data(c) + c->name_bytes, name, len);
		c->name_bytes += len;
		ends[i] = c->name_bytes;
	}
	c->nnames = s->nnames;
	for (int32 i = 0; i < s->ntransitions; i++)
	{
		c->transitions[i].at = s->transitions[i].at;
		c->transitions[i].status = rank[s->transitions[i].status];
		if (i > 0 && status_compare_transitions(&c->transitions[i - 1], &c->transitions[i]) > 0)
			sorted = false;
	}
	c->ntransitions = s->ntransitions;
	if (!sorted)
		qsort(c->transitions, c->ntransitions, sizeof(StatusTransition), status_compare_transitions);
	pfree(order);
	pfree(rank);
	return c;
}

/* The summary argument in canonical form. */
static StatusSummary *
status_arg(FunctionCallInfo fcinfo, int argno)
{
	return status_canonical(status_arg_raw(fcinfo, argno));
}

/* Index of a name in a canonical summary, or -1. */
static int32
status_lookup(const StatusSummary *s, const char *name, int len)
{
	int32		low = 0;
	int32		high = s->nnames;

	while (low < high)
	{
		int32		mid = low + (high - low) / 2;
		int			mlen;
		const char *mname = status_name(s, mid, &mlen);
		int			c = status_compare_bytes(mname, mlen, name, len);

		if (c == 0)
			return mid;
		if (c < 0)
			low = mid + 1;
		else
			high = mid;
	}
	return -1;
}

/* ----------------------------------------------------------------
 * Validation and I/O
 * ----------------------------------------------------------------
 */

/* Why a transition read from outside cannot be in a summary, or NULL if it can. */
static const char *
status_invalid_reason(TimestampTz at, const char *name, int len)
{
	if (!IS_VALID_TIMESTAMP(at))
		return "Transition times must be finite and within the timestamp range.";
	if (!pg_verifymbstr(name, len, true))
		return "Status names must be valid text in the database encoding.";
	return NULL;
}

/*
 * status_summary_in(cstring): parse
 * "status v1 transitions=<seconds>:"<status>",...", in any order.
 */
Datum
status_summary_in(PG_FUNCTION_ARGS)
{
	SummaryParser parser;
	StringInfoData name;
	StatusSummary *s = status_alloc(0, 0, 0, 0);
	const char *reason;

	initStringInfo(&name);
	summary_parse_begin(&parser, STATUS_TYPNAME, "status", PG_GETARG_CSTRING(0),
						fcinfo->context);
	if (summary_parse_key(&parser, "transitions") && !summary_parse_list_ends(&parser))
	{
		do
		{
			TimestampTz at = summary_parse_instant(&parser, "transitions");

			if (!parser.failed && !summary_parse_accept(&parser, ":"))
				summary_parse_reject(&parser, "Each entry of \"transitions\" is <seconds>:\"<status>\".");
			resetStringInfo(&name);
			summary_parse_quoted(&parser, "transitions", &name);
			if (!parser.failed && (reason = status_invalid_reason(at, name.data, name.len)) != NULL)
				summary_parse_reject(&parser, reason);
			if (parser.failed)
				break;
			s = status_add(s, at, name.data, name.len);
		} while (summary_parse_accept(&parser, ","));
	}
	summary_parse_end(&parser);
	if (parser.failed)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(status_canonical(s));
}

/* status_summary_out(status_summary): the canonical text form. */
Datum
status_summary_out(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	StringInfoData buf;

	summary_text_begin(&buf, "status");
	appendStringInfoString(&buf, " transitions=");
	for (int32 i = 0; i < s->ntransitions; i++)
	{
		int			len;
		const char *name = status_name(s, s->transitions[i].status, &len);

		if (i > 0)
			appendStringInfoChar(&buf, ',');
		summary_text_instant(&buf, s->transitions[i].at);
		appendStringInfoChar(&buf, ':');
		summary_text_quoted(&buf, name, len);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* Read an int32 that must lie in [0, max]. */
static int32
status_recv_int(StringInfo buf, int32 max, const char *what)
{
	int32		value;

	if (buf->len - buf->cursor < 4)
		summary_reject_binary(STATUS_TYPNAME, "The value ends early.");
	value = (int32) pq_getmsgint(buf, 4);
	if (value < 0 || value > max)
		summary_reject_binary(STATUS_TYPNAME, psprintf("%s %d is out of range.", what, value));
	return value;
}

/*
 * status_summary_recv(internal): version byte; int32 number of names, each
 * an int32 length and the name in the client encoding; int32 number of
 * transitions, each an int64 timestamptz and an int32 name index.
 */
Datum
status_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	StatusSummary *s = status_alloc(0, 0, 0, 0);
	int32		nnames;
	int32		ntransitions;
	char	  **names;
	int		   *lengths;

	summary_recv_version(buf, STATUS_TYPNAME);
	nnames = status_recv_int(buf, (buf->len - buf->cursor) / 4, "Name count");
	names = palloc(Max(nnames, 1) * sizeof(char *));
	lengths = palloc(Max(nnames, 1) * sizeof(int));
	for (int32 i = 0; i < nnames; i++)
	{
		int32		len = status_recv_int(buf, buf->len - buf->cursor - 4, "Name length");

		names[i] = pq_getmsgtext(buf, len, &lengths[i]);
	}
	ntransitions = status_recv_int(buf, (buf->len - buf->cursor - 4) / 12, "Transition count");
	summary_recv_expect_length(buf, ntransitions * 12, STATUS_TYPNAME);
	for (int32 i = 0; i < ntransitions; i++)
	{
		TimestampTz at = (TimestampTz) pq_getmsgint64(buf);
		int32		status = (int32) pq_getmsgint(buf, 4);
		const char *reason;

		if (status < 0 || status >= nnames)
			summary_reject_binary(STATUS_TYPNAME,
								  psprintf("Status index %d is out of range for %d names.", status, nnames));
		if ((reason = status_invalid_reason(at, names[status], lengths[status])) != NULL)
			summary_reject_binary(STATUS_TYPNAME, reason);
		s = status_add(s, at, names[status], lengths[status]);
	}
	PG_RETURN_POINTER(status_canonical(s));
}

/* status_summary_send(status_summary): the binary form read by status_summary_recv. */
Datum
status_summary_send(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CSMETRICS_FORMAT_VERSION);
	pq_sendint32(&buf, s->nnames);
	for (int32 i = 0; i < s->nnames; i++)
	{
		int			len;
		const char *name = status_name(s, i, &len);
		char	   *converted = pg_server_to_client(name, len);

		if (converted != name)
			len = strlen(converted);
		pq_sendint32(&buf, len);
		pq_sendbytes(&buf, converted, len);
	}
	pq_sendint32(&buf, s->ntransitions);
	for (int32 i = 0; i < s->ntransitions; i++)
	{
		pq_sendint64(&buf, s->transitions[i].at);
		pq_sendint32(&buf, s->transitions[i].status);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Whether two summaries hold the same history: canonical forms have equal bytes. */
static bool
status_equal(StatusSummary *a, StatusSummary *b)
{
	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

/* status_summary = status_summary */
Datum
status_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(status_equal(status_arg(fcinfo, 0), status_arg(fcinfo, 1)));
}

/* status_summary <> status_summary */
Datum
status_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!status_equal(status_arg(fcinfo, 0), status_arg(fcinfo, 1)));
}

/* status_summary_hash(status_summary): hash of the canonical bytes. */
Datum
status_summary_hash(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);

	PG_RETURN_UINT32(summary_hash_bytes(s, VARSIZE(s)));
}

/* ----------------------------------------------------------------
 * Aggregates
 * ----------------------------------------------------------------
 */

/*
 * status_agg transition: append one (changed_at, status) row.  In an
 * aggregate the working state grows in place (a larger copy when full, in
 * the per-row context, which the executor copies into the aggregate's);
 * in a plain call the result is a new canonical summary.
 */
Datum
status_agg_trans(PG_FUNCTION_ARGS)
{
	StatusSummary *state = status_arg_raw(fcinfo, 0);
	TimestampTz at = PG_GETARG_TIMESTAMPTZ(1);
	text	   *status = PG_GETARG_TEXT_PP(2);

	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("status change time must be finite"),
				 errdetail("status_agg takes the instants at which a ticket's status changed.")));
	if (!AggCheckCallContext(fcinfo, NULL))
		state = status_working(state, 1, 1, VARSIZE_ANY_EXHDR(status));
	state = status_add(state, at, VARDATA_ANY(status), VARSIZE_ANY_EXHDR(status));
	if (!AggCheckCallContext(fcinfo, NULL))
		state = status_canonical(state);
	PG_RETURN_POINTER(state);
}

/*
 * rollup transition and combine function: append another history of the
 * ticket (either form); sorting waits for the final function.
 */
Datum
status_rollup_trans(PG_FUNCTION_ARGS)
{
	StatusSummary *state = status_arg_raw(fcinfo, 0);
	StatusSummary *other = status_arg_raw(fcinfo, 1);
	bool		in_aggregate = AggCheckCallContext(fcinfo, NULL);
	int32	   *index;

	if (!in_aggregate || (state->flags & STATUS_WORKING) == 0 ||
		other->ntransitions > state->transition_capacity - state->ntransitions ||
		other->nnames > state->name_capacity - state->nnames ||
		other->name_bytes > state->name_byte_capacity - state->name_bytes)
		state = status_working(state, other->ntransitions, other->nnames, other->name_bytes);
	index = palloc(Max(other->nnames, 1) * sizeof(int32));
	for (int32 j = 0; j < other->nnames; j++)
	{
		int			len;
		const char *name = status_name(other, j, &len);

		index[j] = status_find_working(state, name, len);
		if (index[j] < 0)
			index[j] = status_add_name(state, name, len);
	}
	for (int32 i = 0; i < other->ntransitions; i++)
	{
		StatusTransition *t = &state->transitions[state->ntransitions++];

		t->at = other->transitions[i].at;
		t->status = index[other->transitions[i].status];
		t->unused = 0;
	}
	pfree(index);
	if (!in_aggregate)
		state = status_canonical(state);
	PG_RETURN_POINTER(state);
}

/* status_agg and rollup final function: the canonical form, sorted once. */
Datum
status_agg_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(status_arg(fcinfo, 0));
}

/* ----------------------------------------------------------------
 * Accessors
 * ----------------------------------------------------------------
 */

/* Mark name `name` of the text in mask, if the summary has it. */
static void
status_mark(const StatusSummary *s, text *name, bool *mask)
{
	int32		i = status_lookup(s, VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (i >= 0)
		mask[i] = true;
}

/*
 * Which of the summary's names argument argno lists: a text, or a text[]
 * whose NULL elements are ignored.  Unknown names match nothing.
 */
static bool *
status_mask(FunctionCallInfo fcinfo, const StatusSummary *s, int argno, bool is_array)
{
	bool	   *mask = palloc0(Max(s->nnames, 1) * sizeof(bool));

	if (!is_array)
		status_mark(s, PG_GETARG_TEXT_PP(argno), mask);
	else
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(PG_GETARG_ARRAYTYPE_P(argno), TEXTOID, -1, false,
						  TYPALIGN_INT, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				status_mark(s, DatumGetTextPP(elems[i]), mask);
	}
	return mask;
}

/* Reject an infinite bound, which no history can reach. */
static void
status_check_finite(TimestampTz ts, const char *argname)
{
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite timestamp", argname)));
}

/* An interval of usecs microseconds, which must fit. */
static Interval *
status_interval(int128 usecs)
{
	if (usecs > PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range"),
				 errdetail("The time in these statuses exceeds the largest interval.")));
	return duration_make_interval((int64) usecs);
}

/*
 * Time in the masked statuses within [from, until), in calendar time or,
 * with a clock, in working time.
 */
static int128
status_time(const StatusSummary *s, const bool *mask, TimestampTz from,
			TimestampTz until, WorkClock *clock)
{
	int128		total = 0;

	for (int32 i = 0; i < s->ntransitions; i++)
	{
		TimestampTz start;
		TimestampTz end;

		if (!mask[s->transitions[i].status])
			continue;
		start = Max(s->transitions[i].at, from);
		end = (i + 1 < s->ntransitions) ? Min(s->transitions[i + 1].at, until) : until;
		if (start >= end)
			continue;
		if (clock)
			total += calendar_working_between(clock, start, end);
		else
			total += (int128) end - start;
	}
	return total;
}

/*
 * The time_in variants: statuses in argument 1 (text or text[]); optional
 * window start, end and calendar arguments (-1: none).  NULL summary,
 * statuses or calendar give NULL; a NULL or absent end is the last
 * transition, a NULL start the first.
 */
static Datum
status_time_in_args(FunctionCallInfo fcinfo, bool is_array, int from_arg,
					int until_arg, int calendar_arg)
{
	StatusSummary *s;
	TimestampTz from = DT_NOBEGIN;
	TimestampTz until = DT_NOEND;
	bool		has_from = from_arg >= 0 && !PG_ARGISNULL(from_arg);
	bool		has_until = until_arg < PG_NARGS() && !PG_ARGISNULL(until_arg);
	WorkClock  *clock = NULL;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (calendar_arg >= 0 && PG_ARGISNULL(calendar_arg)))
		PG_RETURN_NULL();
	if (has_from)
	{
		from = PG_GETARG_TIMESTAMPTZ(from_arg);
		status_check_finite(from, "from");
	}
	if (has_until)
	{
		until = PG_GETARG_TIMESTAMPTZ(until_arg);
		status_check_finite(until, "until");
		if (has_from && until < from)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("until is before from"),
					 errdetail("time_in counts the time in [from, until); swap the arguments or check the data.")));
	}
	if (calendar_arg >= 0)
		clock = calendar_clock_for(fcinfo, calendar_arg);
	s = status_arg(fcinfo, 0);
	if (s->ntransitions == 0)
		PG_RETURN_INTERVAL_P(duration_make_interval(0));
	if (!has_until)
		until = s->transitions[s->ntransitions - 1].at;
	PG_RETURN_INTERVAL_P(status_interval(status_time(s, status_mask(fcinfo, s, 1, is_array),
													 from, until, clock)));
}

/* time_in(s, status text, until): time in one status. */
Datum
status_time_in(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, false, -1, 2, -1);
}

/* time_in(s, statuses text[], until): time in any of the statuses. */
Datum
status_time_in_any(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, true, -1, 2, -1);
}

/* time_in(s, status text, from, until): the part within [from, until). */
Datum
status_time_in_window(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, false, 2, 3, -1);
}

/* time_in(s, statuses text[], from, until): the part within [from, until). */
Datum
status_time_in_window_any(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, true, 2, 3, -1);
}

/* time_in(s, status text, calendar, until): working time in one status. */
Datum
status_time_in_business(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, false, -1, 3, 2);
}

/*
 * time_in(s, statuses text[], calendar, until) and sla_elapsed(s, running,
 * calendar, until): working time in any of the statuses.
 */
Datum
status_time_in_business_any(PG_FUNCTION_ARGS)
{
	return status_time_in_args(fcinfo, true, -1, 3, 2);
}

/* status_at(s, at): the status at that instant, NULL before the first transition. */
Datum
status_at(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	TimestampTz at = PG_GETARG_TIMESTAMPTZ(1);
	int32		low = 0;
	int32		high = s->ntransitions;
	int			len;
	const char *name;

	/* The number of transitions at or before `at`. */
	while (low < high)
	{
		int32		mid = low + (high - low) / 2;

		if (s->transitions[mid].at <= at)
			low = mid + 1;
		else
			high = mid;
	}
	if (low == 0)
		PG_RETURN_NULL();
	name = status_name(s, s->transitions[low - 1].status, &len);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(name, len));
}

/*
 * Entries into status argument 1: transitions into it from another status
 * (or the first transition).  Their number, and the first and last instant.
 */
static int64
status_entries(FunctionCallInfo fcinfo, TimestampTz *first, TimestampTz *last)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	text	   *name = PG_GETARG_TEXT_PP(1);
	int32		wanted = status_lookup(s, VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
	int64		n = 0;

	for (int32 i = 0; wanted >= 0 && i < s->ntransitions; i++)
	{
		if (s->transitions[i].status != wanted ||
			(i > 0 && s->transitions[i - 1].status == wanted))
			continue;
		if (n++ == 0)
			*first = s->transitions[i].at;
		*last = s->transitions[i].at;
	}
	return n;
}

/* first_entered(s, status): when the ticket first entered the status. */
Datum
status_first_entered(PG_FUNCTION_ARGS)
{
	TimestampTz first;
	TimestampTz last;

	if (status_entries(fcinfo, &first, &last) == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(first);
}

/* last_entered(s, status): when the ticket last entered the status. */
Datum
status_last_entered(PG_FUNCTION_ARGS)
{
	TimestampTz first;
	TimestampTz last;

	if (status_entries(fcinfo, &first, &last) == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(last);
}

/* times_entered(s, status): how many times the ticket entered the status. */
Datum
status_times_entered(PG_FUNCTION_ARGS)
{
	TimestampTz first;
	TimestampTz last;

	PG_RETURN_INT64(status_entries(fcinfo, &first, &last));
}

/*
 * reopens(s, open_statuses, solved_statuses): entries into an open-type
 * status when the latest status of either type was a solved-type one.
 */
Datum
status_reopens(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	bool	   *open = status_mask(fcinfo, s, 1, true);
	bool	   *solved = status_mask(fcinfo, s, 2, true);
	bool		was_solved = false;
	int64		n = 0;

	for (int32 i = 0; i < s->nnames; i++)
		if (open[i] && solved[i])
		{
			int			len;
			const char *name = status_name(s, i, &len);

			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("status \"%.*s\" is both open and solved", len, name),
					 errdetail("A status name may appear in open_statuses or in solved_statuses, not both.")));
		}
	for (int32 i = 0; i < s->ntransitions; i++)
	{
		int32		status = s->transitions[i].status;

		if (solved[status])
			was_solved = true;
		else if (open[status])
		{
			n += was_solved;
			was_solved = false;
		}
	}
	PG_RETURN_INT64(n);
}

/*
 * sla_due(s, target, running, calendar): the instant at which the working
 * time spent in the running statuses reaches target; NULL if it has not
 * and the clock is stopped (the last status is not running).  The clock
 * runs on in the last status when it is a running one.
 */
Datum
status_sla_due(PG_FUNCTION_ARGS)
{
	StatusSummary *s = status_arg(fcinfo, 0);
	int64		remaining = duration_interval_usecs(PG_GETARG_INTERVAL_P(1));
	bool	   *running = status_mask(fcinfo, s, 2, true);
	WorkClock  *clock = calendar_clock_for(fcinfo, 3);

	for (int32 i = 0; i < s->ntransitions; i++)
	{
		TimestampTz start = s->transitions[i].at;
		int64		worked;

		if (!running[s->transitions[i].status])
			continue;
		if (i + 1 == s->ntransitions)
			PG_RETURN_TIMESTAMPTZ(calendar_add_working(clock, start, remaining));
		worked = calendar_working_between(clock, start, s->transitions[i + 1].at);
		if (worked >= remaining)
			PG_RETURN_TIMESTAMPTZ(calendar_add_working(clock, start, remaining));
		remaining -= worked;
	}
	PG_RETURN_NULL();
}
