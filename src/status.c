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
 * have equal bytes.  While an aggregate runs, its state is a working form
 * of the same type.  A history starts in the small working form: 128
 * bytes, one allocator size class, with room for a usual ticket (up to 8
 * transitions and 8 names in 96 bytes they share), kept in canonical order
 * as rows arrive, so that a ticket costs one small allocation, a row an
 * ordered insert after a scan of a few names, and the final function a
 * copy.  A history that outgrows it moves to the large working form: names
 * and transitions in the order they arrived, with a hash table over the
 * names once they are more than a few, and regions that each double when
 * full; the final function sorts it once.  Partial aggregation (parallel
 * workers, Citus) hands working forms to the combine function and to the
 * output functions, which accept every form.
 *
 * Segment i of a history runs from transition i to transition i + 1; the
 * last one runs to `until`, or ends at once without it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/tupmacs.h"
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

/* flags: the working forms of an aggregate state (see the file header). */
#define STATUS_WORKING 0x01
#define STATUS_SMALL 0x02		/* with STATUS_WORKING: the small form */

/*
 * Up to this many names, a scan finds a name faster than hashing it and an
 * insertion sort orders them faster than qsort's calls.  A small working
 * form holds up to this many; past it, a large one has a hash table.
 */
#define STATUS_FEW_NAMES 8

/* Least room of the large working form. */
#define STATUS_MIN_TRANSITIONS 8
#define STATUS_MIN_NAME_BYTES 48

typedef struct StatusTransition
{
	TimestampTz at;
	int32		status;			/* index into the name table */
	int32		unused;			/* always zero */
} StatusTransition;

/*
 * Canonical and large working form.  After the transitions come, sized by
 * the capacities: int32 name_ends[] (name i is bytes name_ends[i - 1] up to
 * name_ends[i] of the name data), int32 hash[] (large working form only:
 * name index + 1, or 0 for a free slot), then the name data.  The canonical
 * form has no spare room and no hash.
 */
typedef struct StatusSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* STATUS_WORKING, with STATUS_SMALL, or zero */
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

/*
 * Small working form: the same first 8 bytes, then counts and indexes in
 * bytes.  It is kept in canonical order, names in byte order and
 * transitions sorted, so that the final function only copies it: the
 * instants fill the STATUS_SMALL_ROOM bytes after the header from the
 * front, the names (name i is bytes name_ends[i - 1] up to name_ends[i] of
 * them) the last name_bytes bytes of the value.
 */
#define STATUS_SMALL_SIZE 128
#define STATUS_SMALL_TRANSITIONS 8

typedef struct StatusSmall
{
	int32		vl_len_;		/* varlena header: STATUS_SMALL_SIZE */
	uint8		version;		/* CSMETRICS_FORMAT_VERSION */
	uint8		flags;			/* STATUS_WORKING | STATUS_SMALL */
	uint16		reserved;		/* always zero */
	uint8		ntransitions;
	uint8		nnames;
	uint8		name_bytes;
	uint8		unused;			/* always zero */
	uint8		status[STATUS_SMALL_TRANSITIONS];	/* index into the names */
	uint8		name_ends[STATUS_FEW_NAMES];
	int32		unused2;		/* always zero */
	TimestampTz at[FLEXIBLE_ARRAY_MEMBER];
} StatusSmall;

#define STATUS_SMALL_ROOM ((int) (STATUS_SMALL_SIZE - offsetof(StatusSmall, at)))

StaticAssertDecl(STATUS_SMALL_ROOM <= PG_UINT8_MAX &&
				 STATUS_SMALL_TRANSITIONS * sizeof(TimestampTz) <= STATUS_SMALL_ROOM,
				 "the small form's name offsets are bytes and its instants fit");

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

/* Whether s is in the small working form. */
static inline bool
status_is_small(const StatusSummary *s)
{
	return (s->flags & STATUS_SMALL) != 0;
}

/* Whether s is in the large working form. */
static inline bool
status_is_large(const StatusSummary *s)
{
	return (s->flags & (STATUS_WORKING | STATUS_SMALL)) == STATUS_WORKING;
}

/* The end offsets of the names (canonical or large form). */
static inline int32 *
status_name_ends(const StatusSummary *s)
{
	return (int32 *) (s->transitions + s->transition_capacity);
}

/* The hash slots of a large working form. */
static inline int32 *
status_hash_slots(const StatusSummary *s)
{
	return status_name_ends(s) + s->name_capacity;
}

/* The bytes of the names, one after the other (canonical or large form). */
static inline char *
status_name_data(const StatusSummary *s)
{
	return (char *) (status_hash_slots(s) + s->hash_slots);
}

/* Number of transitions of s, in any form. */
static inline int32
status_count(const StatusSummary *s)
{
	return status_is_small(s) ? ((const StatusSmall *) s)->ntransitions : s->ntransitions;
}

/* Number of names of s, in any form. */
static inline int32
status_name_count(const StatusSummary *s)
{
	return status_is_small(s) ? ((const StatusSmall *) s)->nnames : s->nnames;
}

/* Bytes of all the names of s, in any form. */
static inline int32
status_name_byte_count(const StatusSummary *s)
{
	return status_is_small(s) ? ((const StatusSmall *) s)->name_bytes : s->name_bytes;
}

/* Instant of transition i of s, in any form. */
static inline TimestampTz
status_transition_at(const StatusSummary *s, int32 i)
{
	return status_is_small(s) ? ((const StatusSmall *) s)->at[i] : s->transitions[i].at;
}

/* Name index of transition i of s, in any form. */
static inline int32
status_transition_status(const StatusSummary *s, int32 i)
{
	return status_is_small(s) ? ((const StatusSmall *) s)->status[i] : s->transitions[i].status;
}

/* Name i of s, in any form, and its length in bytes. */
static inline const char *
status_name(const StatusSummary *s, int32 i, int *len)
{
	int32		start;

	if (status_is_small(s))
	{
		const StatusSmall *small = (const StatusSmall *) s;

		start = (i == 0) ? 0 : small->name_ends[i - 1];
		*len = small->name_ends[i] - start;
		return (const char *) small + STATUS_SMALL_SIZE - small->name_bytes + start;
	}
	start = (i == 0) ? 0 : status_name_ends(s)[i - 1];
	*len = status_name_ends(s)[i] - start;
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

/*
 * The summary argument, detoasted (the state itself if it was not toasted,
 * without a call for the state of an aggregate, which never is).
 */
static inline StatusSummary *
status_arg_raw(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *value = (struct varlena *) PG_GETARG_POINTER(argno);

	if (VARATT_IS_EXTENDED(value))
		value = pg_detoast_datum(value);
	return (StatusSummary *) value;
}

/* ----------------------------------------------------------------
 * Working forms: name lookup and appends
 * ----------------------------------------------------------------
 */

/* A new empty small working form. */
static StatusSummary *
status_small_new(void)
{
	StatusSmall *s = palloc0(STATUS_SMALL_SIZE);

	SET_VARSIZE(s, STATUS_SMALL_SIZE);
	s->version = CSMETRICS_FORMAT_VERSION;
	s->flags = STATUS_WORKING | STATUS_SMALL;
	return (StatusSummary *) s;
}

/* Byte order of two names: a loop over a short common length, else memcmp. */
static inline int
status_compare_bytes(const char *a, int alen, const char *b, int blen)
{
	int			n = Min(alen, blen);
	int			c = 0;

	if (n > 16)
		c = memcmp(a, b, n);
	else
		for (int i = 0; i < n && c == 0; i++)
			c = (int) (unsigned char) a[i] - (int) (unsigned char) b[i];
	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/*
 * Index of a name in a small working form, or, when it has none, -1 - the
 * index at which it would go in byte order.
 */
static inline int32
status_small_find(const StatusSmall *s, const char *name, int len)
{
	const char *names = (const char *) s + STATUS_SMALL_SIZE - s->name_bytes;
	int32		start = 0;

	for (int32 i = 0; i < s->nnames; i++)
	{
		int32		end = s->name_ends[i];
		int			c = status_compare_bytes(names + start, end - start, name, len);

		if (c >= 0)
			return c == 0 ? i : -1 - i;
		start = end;
	}
	return -1 - s->nnames;
}

/*
 * Insert one transition into a small working form, in order, if there is
 * room; whether there was.
 */
static inline bool
status_small_add(StatusSmall *s, TimestampTz at, const char *name, int len)
{
	int32		i = status_small_find(s, name, len);
	int32		n = s->ntransitions;
	int32		j;

	if (n == STATUS_SMALL_TRANSITIONS ||
		(i < 0 && (s->nnames == STATUS_FEW_NAMES ||
				   len > STATUS_SMALL_ROOM - (n + 1) * (int) sizeof(TimestampTz) - s->name_bytes)) ||
		(n + 1) * (int) sizeof(TimestampTz) + s->name_bytes > STATUS_SMALL_ROOM)
		return false;
	if (i < 0)
	{
		/* A new name at index i: the names before it move down by len. */
		char	   *names = (char *) s + STATUS_SMALL_SIZE - s->name_bytes;
		int32		start;

		i = -1 - i;
		start = (i == 0) ? 0 : s->name_ends[i - 1];
		memmove(names - len, names, start);
		memcpy(names - len + start, name, len);
		for (j = s->nnames; j > i; j--)
			s->name_ends[j] = s->name_ends[j - 1] + len;
		s->name_ends[i] = start + len;
		s->nnames++;
		s->name_bytes += len;
		for (j = 0; j < n; j++)
			s->status[j] += (s->status[j] >= i);
	}
	for (j = n; j > 0 && (s->at[j - 1] > at || (s->at[j - 1] == at && s->status[j - 1] > i)); j--)
	{
		s->at[j] = s->at[j - 1];
		s->status[j] = s->status[j - 1];
	}
	s->at[j] = at;
	s->status[j] = i;
	s->ntransitions = n + 1;
	return true;
}

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
 * Index of a name in a large working form, or -1: a scan while the names
 * are few (no hash table yet), else a hash lookup.
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

/* Put name i into the hash table of a large working form, if it has one. */
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

/* Append a name to a large working form with room for it; its index. */
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
 * A large working copy of s (any form) with room for `transitions` more
 * transitions, `names` more names and `name_bytes` more name bytes.
 */
static StatusSummary *
status_working(const StatusSummary *s, int64 transitions, int64 names, int64 name_bytes)
{
	bool		small = status_is_small(s);
	int32		ntransitions = status_count(s);
	int32		nnames = status_name_count(s);
	int32		nbytes = status_name_byte_count(s);
	int64		name_room = status_room(nnames, names, small ? nnames : s->name_capacity, STATUS_FEW_NAMES);
	int64		slots = 0;
	StatusSummary *w;
	int32	   *ends;

	if (name_room > STATUS_FEW_NAMES)
		for (slots = 4 * STATUS_FEW_NAMES; slots < 2 * name_room; slots *= 2)
			;
	w = status_alloc(status_room(ntransitions, transitions, small ? ntransitions : s->transition_capacity,
								 STATUS_MIN_TRANSITIONS),
					 name_room,
					 status_room(nbytes, name_bytes, small ? nbytes : s->name_byte_capacity,
								 STATUS_MIN_NAME_BYTES),
					 slots);
	w->flags = STATUS_WORKING;
	for (int32 i = 0; i < ntransitions; i++)
	{
		w->transitions[i].at = status_transition_at(s, i);
		w->transitions[i].status = status_transition_status(s, i);
	}
	w->ntransitions = ntransitions;
	ends = status_name_ends(w);
	for (int32 i = 0; i < nnames; i++)
	{
		int			len;
		const char *name = status_name(s, i, &len);

		memcpy(status_name_data(w) + w->name_bytes, name, len);
		w->name_bytes += len;
		ends[i] = w->name_bytes;
		status_hash_insert(w, i);
	}
	w->nnames = nnames;
	return w;
}

/*
 * Append one transition to s, in any form; returns s, or a new working form
 * when s is canonical or full: a small one for an empty history, else a
 * larger one.
 */
static StatusSummary *
status_add(StatusSummary *s, TimestampTz at, const char *name, int len)
{
	bool		large;
	int32		i;
	StatusTransition *t;

	if (status_is_small(s))
	{
		if (status_small_add((StatusSmall *) s, at, name, len))
			return s;
	}
	else if ((s->flags & STATUS_WORKING) == 0 && s->ntransitions == 0)
	{
		StatusSummary *small = status_small_new();

		if (status_small_add((StatusSmall *) small, at, name, len))
			return small;
		pfree(small);
	}
	large = status_is_large(s);
	i = large ? status_find_working(s, name, len) : -1;
	if (!large || s->ntransitions == s->transition_capacity ||
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

/* The names of a summary being sorted, for status_compare_names. */
typedef struct StatusNames
{
	const char **names;
	int		   *lengths;
} StatusNames;

/* qsort_arg comparator: byte order of two name indexes into StatusNames. */
static int
status_compare_names(const void *a, const void *b, void *arg)
{
	const StatusNames *n = arg;
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return status_compare_bytes(n->names[x], n->lengths[x], n->names[y], n->lengths[y]);
}

/* Whether transition x comes before y: by instant, then by name (index in byte order). */
static inline bool
status_transition_before(const StatusTransition *x, const StatusTransition *y)
{
	return x->at < y->at || (x->at == y->at && x->status < y->status);
}

/* qsort comparator of transitions, in the order of status_transition_before. */
static int
status_compare_transitions(const void *a, const void *b)
{
	return status_transition_before(b, a) - status_transition_before(a, b);
}

/* The canonical form of a small working form, which is in order: a copy. */
static StatusSummary *
status_small_canonical(const StatusSmall *s)
{
	StatusSummary *c = status_alloc(s->ntransitions, s->nnames, s->name_bytes, 0);
	int32	   *ends = status_name_ends(c);

	for (int32 i = 0; i < s->ntransitions; i++)
	{
		c->transitions[i].at = s->at[i];
		c->transitions[i].status = s->status[i];
	}
	c->ntransitions = s->ntransitions;
	for (int32 i = 0; i < s->nnames; i++)
		ends[i] = s->name_ends[i];
	c->nnames = s->nnames;
	memcpy(status_name_data(c), (const char *) s + STATUS_SMALL_SIZE - s->name_bytes, s->name_bytes);
	c->name_bytes = s->name_bytes;
	return c;
}

/*
 * The canonical form of s: s itself if it is canonical, a copy of a small
 * working form, a sorted copy of a large one.
 */
static StatusSummary *
status_canonical(StatusSummary *s)
{
	StatusNames n;
	StatusSummary *c;
	int32	   *order;
	int32	   *rank;
	int32	   *ends;
	bool		sorted = true;

	if ((s->flags & STATUS_WORKING) == 0)
		return s;
	if (status_is_small(s))
		return status_small_canonical((const StatusSmall *) s);
	n.names = palloc(Max(s->nnames, 1) * sizeof(const char *));
	n.lengths = palloc(Max(s->nnames, 1) * sizeof(int));
	order = palloc(Max(s->nnames, 1) * sizeof(int32));
	rank = palloc(Max(s->nnames, 1) * sizeof(int32));
	for (int32 i = 0; i < s->nnames; i++)
	{
		n.names[i] = status_name(s, i, &n.lengths[i]);
		order[i] = i;
	}
	if (s->nnames <= STATUS_FEW_NAMES)
	{
		for (int32 i = 1; i < s->nnames; i++)
		{
			int32		name = order[i];
			int32		j = i;

			while (j > 0 && status_compare_names(&order[j - 1], &name, &n) > 0)
			{
				order[j] = order[j - 1];
				j--;
			}
			order[j] = name;
		}
	}
	else
		qsort_arg(order, s->nnames, sizeof(int32), status_compare_names, &n);
	c = status_alloc(s->ntransitions, s->nnames, s->name_bytes, 0);
	ends = status_name_ends(c);
	for (int32 i = 0; i < s->nnames; i++)
	{
		rank[order[i]] = i;
		memcpy(status_name_data(c) + c->name_bytes, n.names[order[i]], n.lengths[order[i]]);
		c->name_bytes += n.lengths[order[i]];
		ends[i] = c->name_bytes;
	}
	c->nnames = s->nnames;
	for (int32 i = 0; i < s->ntransitions; i++)
	{
		c->transitions[i].at = s->transitions[i].at;
		c->transitions[i].status = rank[s->transitions[i].status];
		if (i > 0 && status_transition_before(&c->transitions[i], &c->transitions[i - 1]))
			sorted = false;
	}
	c->ntransitions = s->ntransitions;
	if (!sorted)
		qsort(c->transitions, c->ntransitions, sizeof(StatusTransition), status_compare_transitions);
	pfree(n.names);
	pfree(n.lengths);
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
 * aggregate the working state grows in place (a new one, small, for the
 * first row, and a larger one when full, in the per-row context, which the
 * executor copies into the aggregate's); in a plain call the result is a
 * new canonical summary.
 */
Datum
status_agg_trans(PG_FUNCTION_ARGS)
{
	StatusSummary *state = status_arg_raw(fcinfo, 0);
	TimestampTz at = PG_GETARG_TIMESTAMPTZ(1);
	text	   *status = PG_GETARG_TEXT_PP(2);
	int			len = VARSIZE_ANY_EXHDR(status);

	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("status change time must be finite"),
				 errdetail("status_agg takes the instants at which a ticket's status changed.")));
	if (!AggCheckCallContext(fcinfo, NULL))
		PG_RETURN_POINTER(status_canonical(status_add(status_working(state, 1, 1, len),
													  at, VARDATA_ANY(status), len)));
	PG_RETURN_POINTER(status_add(state, at, VARDATA_ANY(status), len));
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
	int32		ntransitions = status_count(other);
	int32		nnames = status_name_count(other);
	int32		nbytes = status_name_byte_count(other);
	int32	   *index;

	if (!in_aggregate || !status_is_large(state) ||
		ntransitions > state->transition_capacity - state->ntransitions ||
		nnames > state->name_capacity - state->nnames ||
		nbytes > state->name_byte_capacity - state->name_bytes)
		state = status_working(state, ntransitions, nnames, nbytes);
	index = palloc(Max(nnames, 1) * sizeof(int32));
	for (int32 j = 0; j < nnames; j++)
	{
		int			len;
		const char *name = status_name(other, j, &len);

		index[j] = status_find_working(state, name, len);
		if (index[j] < 0)
			index[j] = status_add_name(state, name, len);
	}
	for (int32 i = 0; i < ntransitions; i++)
	{
		StatusTransition *t = &state->transitions[state->ntransitions++];

		t->at = status_transition_at(other, i);
		t->status = index[status_transition_status(other, i)];
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

/* Mask entries a summary with up to this many names keeps on the stack. */
#define STATUS_STACK_MASK 64

/* Mark name `name` of the text in mask, if the summary has it. */
static inline void
status_mark(const StatusSummary *s, const text *name, bool *mask)
{
	int32		i = status_lookup(s, VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (i >= 0)
		mask[i] = true;
}

/*
 * Which of the summary's names argument argno lists: a text, or a text[]
 * whose NULL elements are ignored.  Unknown names match nothing.  The mask
 * is `room` (STATUS_STACK_MASK entries of the caller's) when it fits.  The
 * array is read in place, as deconstruct_array would read it, without
 * copying its elements out.
 */
static bool *
status_mask(FunctionCallInfo fcinfo, const StatusSummary *s, int argno, bool is_array, bool *room)
{
	bool	   *mask = (s->nnames <= STATUS_STACK_MASK) ? room : palloc(s->nnames);

	memset(mask, 0, s->nnames);
	if (!is_array)
		status_mark(s, PG_GETARG_TEXT_PP(argno), mask);
	else
	{
		ArrayType  *array = PG_GETARG_ARRAYTYPE_P(argno);
		int			n = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
		const bits8 *nulls = ARR_NULLBITMAP(array);
		const char *element = ARR_DATA_PTR(array);

		for (int i = 0; i < n; i++)
		{
			if (nulls != NULL && (nulls[i / 8] & (1 << (i % 8))) == 0)
				continue;
			status_mark(s, (const text *) element, mask);
			element = att_addlength_pointer(element, -1, element);
			element = (const char *) att_align_nominal(element, TYPALIGN_INT);
		}
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
	bool		room[STATUS_STACK_MASK];

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
	PG_RETURN_INTERVAL_P(status_interval(status_time(s, status_mask(fcinfo, s, 1, is_array, room),
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
	bool		open_room[STATUS_STACK_MASK];
	bool		solved_room[STATUS_STACK_MASK];
	bool	   *open = status_mask(fcinfo, s, 1, true, open_room);
	bool	   *solved = status_mask(fcinfo, s, 2, true, solved_room);
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
	bool		running_room[STATUS_STACK_MASK];
	bool	   *running = status_mask(fcinfo, s, 2, true, running_room);
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
