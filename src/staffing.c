/*-------------------------------------------------------------------------
 *
 * staffing.c
 *	  Erlang C staffing: how likely a contact is to wait, the service level,
 *	  the average speed of answer and the occupancy of a queue with a given
 *	  number of agents, the agents it needs to meet a service level, and
 *	  the agents to schedule once shrinkage is allowed for.
 *
 * The model (M/M/N): contacts arrive at random (a Poisson process) at a
 * steady rate, handle times are exponential with mean h, one first-come
 * first-served queue is answered by N agents, and nobody hangs up.  The
 * traffic A = arrivals / period x h, in erlangs, is the number of agents
 * the work keeps busy on average.  With N > A agents:
 *
 *	  C(N, A)   = N B / (N - A (1 - B))		probability that a contact waits
 *	  SL(t)		= 1 - C exp(-(N - A) t / h)	share answered within t
 *	  ASA		= C h / (N - A)				mean wait
 *	  occupancy = A / N
 *
 * B = B(N, A) is the Erlang B formula, computed through its inverse
 * R(k) = 1 / B(k, A) by the recursion
 *
 *	  R(0) = 1,  R(k) = 1 + (k / A) R(k - 1)
 *
 * so that C = N / (A + (N - A) R).  Every term is positive: no digits are
 * lost to cancellation, and nothing underflows.  R grows without bound once
 * k passes A; when it overflows to infinity B is below 1e-308 and C is 0 to
 * double precision, which is the answer the formula gives.  With N <= A
 * the queue is unstable (it grows without end): every contact waits, the
 * service level is 0 and the mean wait is infinite, returned as NULL.  No
 * agents and no arrivals leave nothing to measure: every function returns
 * NULL.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/timestamp.h"

#include "csmetrics.h"

/*
 * The recursion need not start at k = 0.  For k < A each step multiplies an
 * error in R by k / A < 1, and past A the relative error never grows, so
 * starting at k0 = A - START_MARGIN sqrt(A) from R = 1 (the true R(k0) is
 * between 1 and A / (A - k0)) leaves a relative error below
 * sqrt(A) exp(-START_MARGIN^2 / 2), under 1e-27 for any traffic an int32 of
 * agents can serve: far below double rounding.  A call then costs
 * O(sqrt(A) + N - A) steps instead of O(N), and R overflows within about
 * 38 sqrt(A) steps past A, so even N = 2^31 - 1 returns at once.
 * Below A = START_MARGIN^2 the recursion starts at 0, exactly.
 */
#define START_MARGIN 12.0

/* Interrupts are checked this often in the recursion (a power of two). */
#define INTERRUPT_EVERY 65536

/* A queue: its traffic in erlangs and mean handle time in microseconds. */
typedef struct StaffingQueue
{
	double		arrivals;		/* contacts per period, for messages */
	double		traffic;		/* A = arrivals x handle_time / period */
	double		handle_us;		/* h */
} StaffingQueue;

PG_FUNCTION_INFO_V1(staffing_erlang_c);
PG_FUNCTION_INFO_V1(staffing_service_level);
PG_FUNCTION_INFO_V1(staffing_average_speed_of_answer);
PG_FUNCTION_INFO_V1(staffing_occupancy);
PG_FUNCTION_INFO_V1(staffing_agents_needed);
PG_FUNCTION_INFO_V1(staffing_scheduled_agents);

/* Reject a negative number of agents. */
static int32
check_agents(int32 agents)
{
	if (agents < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("agents %d is out of range", agents),
				 errdetail("The number of agents must be zero or positive.")));
	return agents;
}

/*
 * An interval argument in microseconds, months counted as 30 days and days
 * as 24 hours as everywhere in csmetrics.  A double holds any interval
 * without overflow.  Negative, infinite (PostgreSQL 17+) or, unless
 * zero_ok, zero is an error naming the argument.
 */
static double
interval_arg_usecs(const Interval *value, const char *argname, bool zero_ok,
				   const char *detail)
{
	double		usecs = ((double) value->month * DAYS_PER_MONTH + value->day) * USECS_PER_DAY +
		(double) value->time;
	bool		finite = true;

#if PG_VERSION_NUM >= 170000
	finite = !INTERVAL_NOT_FINITE(value);
#endif
	if (!finite || usecs < 0 || (usecs == 0 && !zero_ok))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is out of range", argname,
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(value)))),
				 errdetail("%s", detail)));
	return usecs;
}

/* The queue of arguments first .. first + 2: arrivals, handle_time, period. */
static StaffingQueue
read_queue(FunctionCallInfo fcinfo, int first)
{
	StaffingQueue queue;
	double		period_us;

	queue.arrivals = PG_GETARG_FLOAT8(first);
	/* Written so that NaN fails the test too. */
	if (!(queue.arrivals >= 0 && queue.arrivals <= DBL_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("arrivals %s is out of range", float8out_internal(queue.arrivals)),
				 errdetail("Arrivals must be a finite number, zero or positive.")));
	queue.handle_us = interval_arg_usecs(PG_GETARG_INTERVAL_P(first + 1), "handle_time", true,
										 "Handle times must be finite, zero or positive.");
	period_us = interval_arg_usecs(PG_GETARG_INTERVAL_P(first + 2), "period", false,
								   "The period must be finite and longer than zero.");
	/* May overflow to infinity: an unstable queue for any number of agents. */
	queue.traffic = queue.arrivals * queue.handle_us / period_us;
	return queue;
}

/* Whether there are neither agents nor contacts: nothing to measure. */
static inline bool
is_empty(int32 agents, const StaffingQueue *queue)
{
	return agents == 0 && queue->arrivals == 0;
}

/* Whether agents cannot keep up with the traffic (agents = 0 included). */
static inline bool
is_unstable(int64 agents, double traffic)
{
	return traffic >= (double) agents;
}

/* Where the recursion for traffic A starts (see START_MARGIN). */
static int64
recursion_start(double traffic)
{
	double		start = traffic - START_MARGIN * sqrt(traffic);

	return start > 0 ? (int64) start : 0;
}

/*
 * One step of the recursion: R(k) from R(k - 1).  Inline and shared, so
 * that agents_needed computes bit for bit what the other functions report.
 */
static inline double
inverse_b_step(double r, int64 k, double traffic)
{
	return 1.0 + r * ((double) k / traffic);
}

/* R(agents) = 1 / B(agents, traffic), for 0 < traffic < agents. */
static double
inverse_erlang_b(int64 agents, double traffic)
{
	double		r = 1.0;

	for (int64 k = recursion_start(traffic) + 1; k <= agents && !isinf(r); k++)
	{
		if ((k & (INTERRUPT_EVERY - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		r = inverse_b_step(r, k, traffic);
	}
	return r;
}

/* Erlang C from R(agents), for 0 < traffic < agents; 0 once R overflowed. */
static inline double
wait_probability_from_r(int64 agents, double traffic, double r)
{
	return (double) agents / (traffic + ((double) agents - traffic) * r);
}

/* Erlang C: the probability that a contact waits, for traffic < agents. */
static double
wait_probability(int64 agents, double traffic)
{
	if (traffic == 0)
		return 0;
	return wait_probability_from_r(agents, traffic, inverse_erlang_b(agents, traffic));
}

/*
 * The percentage answered within within_us, given the probability of
 * waiting, for traffic < agents.  A contact waits only if traffic > 0,
 * which needs a handle time above zero, so the division is safe.
 */
static inline double
service_level_percent(int64 agents, const StaffingQueue *queue, double within_us,
					  double wait)
{
	if (wait == 0)
		return 100;
	return 100 * (1 - wait * exp(-((double) agents - queue->traffic) * within_us / queue->handle_us));
}

/* The percentage of agents' time spent on contacts, for agents > 0. */
static inline double
occupancy_percent(int64 agents, double traffic)
{
	return is_unstable(agents, traffic) ? 100 : 100 * traffic / (double) agents;
}

/*
 * erlang_c(agents, arrivals, handle_time, period): the percentage of
 * contacts that wait; 100 for an unstable queue, NULL without agents and
 * arrivals.
 */
Datum
staffing_erlang_c(PG_FUNCTION_ARGS)
{
	int32		agents = check_agents(PG_GETARG_INT32(0));
	StaffingQueue queue = read_queue(fcinfo, 1);

	if (is_empty(agents, &queue))
		PG_RETURN_NULL();
	if (is_unstable(agents, queue.traffic))
		PG_RETURN_FLOAT8(100);
	PG_RETURN_FLOAT8(100 * wait_probability(agents, queue.traffic));
}

/*
 * service_level(agents, arrivals, handle_time, period, answer_within): the
 * percentage of contacts answered within answer_within; 0 for an unstable
 * queue, NULL without agents and arrivals.
 */
Datum
staffing_service_level(PG_FUNCTION_ARGS)
{
	int32		agents = check_agents(PG_GETARG_INT32(0));
	StaffingQueue queue = read_queue(fcinfo, 1);
	double		within_us = interval_arg_usecs(PG_GETARG_INTERVAL_P(4), "answer_within", true,
											   "The answer time target must be finite, zero or positive.");

	if (is_empty(agents, &queue))
		PG_RETURN_NULL();
	if (is_unstable(agents, queue.traffic))
		PG_RETURN_FLOAT8(0);
	PG_RETURN_FLOAT8(service_level_percent(agents, &queue, within_us,
										   wait_probability(agents, queue.traffic)));
}

/*
 * average_speed_of_answer(agents, arrivals, handle_time, period): the mean
 * wait of all contacts, those answered at once included, rounded to the
 * microsecond; NULL for an unstable queue, whose wait has no mean, and
 * without agents and arrivals.
 */
Datum
staffing_average_speed_of_answer(PG_FUNCTION_ARGS)
{
	int32		agents = check_agents(PG_GETARG_INT32(0));
	StaffingQueue queue = read_queue(fcinfo, 1);
	double		wait;
	double		asa_us;

	if (is_empty(agents, &queue))
		PG_RETURN_NULL();
	if (is_unstable(agents, queue.traffic))
		PG_RETURN_NULL();
	wait = wait_probability(agents, queue.traffic);
	if (wait == 0)
		PG_RETURN_INTERVAL_P(duration_make_interval(0));
	asa_us = floor(wait * queue.handle_us / ((double) agents - queue.traffic) + 0.5);
	/* 2^63 itself does not fit in an int64. */
	if (!(asa_us < -(double) PG_INT64_MIN))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("average speed of answer is out of range"),
				 errdetail("Traffic of %s erlangs is so close to the number of agents, %d, that the mean wait exceeds 292,000 years.",
						   float8out_internal(queue.traffic), agents)));
	PG_RETURN_INTERVAL_P(duration_make_interval((int64) asa_us));
}

/*
 * occupancy(agents, arrivals, handle_time, period): the percentage of the
 * agents' time spent on contacts, traffic / agents x 100; 100 for an
 * unstable queue, NULL without agents.
 */
Datum
staffing_occupancy(PG_FUNCTION_ARGS)
{
	int32		agents = check_agents(PG_GETARG_INT32(0));
	StaffingQueue queue = read_queue(fcinfo, 1);

	if (agents == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(occupancy_percent(agents, queue.traffic));
}

/* Report a number of agents that does not fit in an integer. */
static pg_noreturn void
report_agents_overflow(double traffic, double max_occupancy)
{
	if (max_occupancy < 100)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("agents needed for traffic of %s erlangs at most %s%% busy are out of range",
						float8out_internal(traffic), float8out_internal(max_occupancy)),
				 errdetail("The number of agents must fit in an integer.")));
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("agents needed for traffic of %s erlangs are out of range", float8out_internal(traffic)),
			 errdetail("The number of agents must fit in an integer.")));
}

/*
 * The fewest agents, from min_agents up, whose occupancy is at most
 * max_occupancy, by the same computation occupancy() reports.
 */
static int64
agents_for_occupancy(int64 min_agents, double traffic, double max_occupancy)
{
	double		estimate = ceil(100 * traffic / max_occupancy);
	int64		agents;

	/* Written so that infinity fails the test too. */
	if (!(estimate <= PG_INT32_MAX))
		report_agents_overflow(traffic, max_occupancy);
	agents = Max(min_agents, (int64) estimate);

	while (agents > min_agents && occupancy_percent(agents - 1, traffic) <= max_occupancy)
		agents--;
	while (occupancy_percent(agents, traffic) > max_occupancy)
		agents++;
	return agents;
}

/*
 * agents_needed(arrivals, handle_time, period, answer_within, target_level
 * [, max_occupancy]): the fewest agents whose service level is at least
 * target_level and whose occupancy is at most max_occupancy (100 when not
 * given).  Never fewer than a stable queue needs, floor(traffic) + 1, even
 * for a target of 0; 0 when nothing arrives.
 *
 * The service level rises with every agent added, so the answer is found
 * by stepping up from the larger of the stable and the occupancy minimum,
 * carrying R from one number of agents to the next: O(sqrt(A)) steps to
 * get there, then a few more, about sqrt(A) at most.
 */
Datum
staffing_agents_needed(PG_FUNCTION_ARGS)
{
	StaffingQueue queue = read_queue(fcinfo, 0);
	double		within_us = interval_arg_usecs(PG_GETARG_INTERVAL_P(3), "answer_within", true,
											   "The answer time target must be finite, zero or positive.");
	double		target = PG_GETARG_FLOAT8(4);
	double		max_occupancy = 100;
	int64		agents;
	double		r;

	if (!(target >= 0 && target < 100))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target_level %s is out of range", float8out_internal(target)),
				 errdetail("Service level targets must be at least 0 and below 100: when contacts arrive at random, no number of agents answers every one in time.")));
	if (PG_NARGS() > 5)
	{
		max_occupancy = PG_GETARG_FLOAT8(5);
		if (!(max_occupancy > 0 && max_occupancy <= 100))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("max_occupancy %s is out of range", float8out_internal(max_occupancy)),
					 errdetail("Occupancy caps must be above 0 and at most 100.")));
	}

	if (queue.arrivals == 0)
		PG_RETURN_INT32(0);
	/* Stay clear of the top so that agents + 1 below cannot pass it unseen. */
	if (!(queue.traffic < PG_INT32_MAX - 1))
		report_agents_overflow(queue.traffic, max_occupancy);

	agents = agents_for_occupancy((int64) floor(queue.traffic) + 1, queue.traffic, max_occupancy);
	if (agents > PG_INT32_MAX)
		report_agents_overflow(queue.traffic, max_occupancy);
	if (queue.traffic == 0)
		PG_RETURN_INT32((int32) agents);

	r = inverse_erlang_b(agents, queue.traffic);
	for (;;)
	{
		double		wait = wait_probability_from_r(agents, queue.traffic, r);

		if (service_level_percent(agents, &queue, within_us, wait) >= target)
			break;
		if (++agents > PG_INT32_MAX)
			report_agents_overflow(queue.traffic, max_occupancy);
		if ((agents & (INTERRUPT_EVERY - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		r = inverse_b_step(r, agents, queue.traffic);
	}
	PG_RETURN_INT32((int32) agents);
}

/* Shrinkage is counted in millionths of a percent, exactly. */
#define SHRINKAGE_UNITS 1000000.0

/*
 * scheduled_agents(agents, shrinkage): the agents to schedule so that
 * agents remain on contacts when shrinkage percent of paid time goes to
 * breaks, training and absence: agents / (1 - shrinkage / 100), rounded up.
 * Computed in integers from the shrinkage in millionths of a percent, so
 * that 14 agents at 30% shrinkage are 20, not 21 by a rounding error.
 */
Datum
staffing_scheduled_agents(PG_FUNCTION_ARGS)
{
	int32		agents = check_agents(PG_GETARG_INT32(0));
	double		shrinkage = PG_GETARG_FLOAT8(1);
	double		units = rint(shrinkage * SHRINKAGE_UNITS);
	int64		available;
	int64		scheduled;

	/* Written so that NaN fails the test too. */
	if (!(shrinkage >= 0 && shrinkage < 100 && units < 100 * SHRINKAGE_UNITS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("shrinkage %s is out of range", float8out_internal(shrinkage)),
				 errdetail("Shrinkage is the percentage of paid time away from contacts, at least 0 and below 100.")));
	available = (int64) (100 * SHRINKAGE_UNITS - units);
	/* agents x 1e8 < 2^31 x 2^27 fits in an int64; round the quotient up. */
	scheduled = ((int64) agents * (int64) (100 * SHRINKAGE_UNITS) + available - 1) / available;
	if (scheduled > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("scheduled agents for %d agents at %s%% shrinkage are out of range",
						agents, float8out_internal(shrinkage)),
				 errdetail("The number of agents must fit in an integer.")));
	PG_RETURN_INT32((int32) scheduled);
}
