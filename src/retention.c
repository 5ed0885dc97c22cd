/*-------------------------------------------------------------------------
 *
 * retention.c
 *	  Customer retention and churn rates from customer counts, with the
 *	  counts checked for consistency.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_FUNCTION_INFO_V1(retention_rate);
PG_FUNCTION_INFO_V1(churn_rate);

/* Reject a negative customer count. */
static void
check_count(int64 count, const char *argname)
{
	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s " INT64_FORMAT " is out of range", argname, count),
				 errdetail("Customer counts must be zero or positive.")));
}

/* Reject a part larger than the whole it belongs to. */
static void
check_part(int64 part, const char *part_name, int64 whole, const char *whole_name,
		   const char *why)
{
	if (part > whole)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s " INT64_FORMAT " exceeds %s " INT64_FORMAT,
						part_name, part, whole_name, whole),
				 errdetail("%s", why)));
}

/*
 * retention_rate(customers_at_start, customers_at_end, new_customers):
 * (end - new) / start * 100, NULL when there were no customers at the start.
 */
Datum
retention_rate(PG_FUNCTION_ARGS)
{
	int64		at_start = PG_GETARG_INT64(0);
	int64		at_end = PG_GETARG_INT64(1);
	int64		new_customers = PG_GETARG_INT64(2);

	check_count(at_start, "customers_at_start");
	check_count(at_end, "customers_at_end");
	check_count(new_customers, "new_customers");
	check_part(new_customers, "new_customers", at_end, "customers_at_end",
			   "Customers at the end of the period include those who joined during it.");
	check_part(at_end - new_customers, "customers kept", at_start, "customers_at_start",
			   "Customers kept from the start, customers_at_end minus new_customers, cannot outnumber those at the start.");
	if (at_start == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) (at_end - new_customers) / (double) at_start);
}

/*
 * churn_rate(customers_at_start, customers_lost): lost / start * 100, NULL
 * when there were no customers at the start.
 */
Datum
churn_rate(PG_FUNCTION_ARGS)
{
	int64		at_start = PG_GETARG_INT64(0);
	int64		lost = PG_GETARG_INT64(1);

	check_count(at_start, "customers_at_start");
	check_count(lost, "customers_lost");
	check_part(lost, "customers_lost", at_start, "customers_at_start",
			   "Only customers there at the start of the period can be lost during it.");
	if (at_start == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) lost / (double) at_start);
}
