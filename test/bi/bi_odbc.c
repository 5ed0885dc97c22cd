/*
 * bi_odbc.c
 *	  Reads every view of a schema through ODBC as Excel (MS Query) does:
 *	  lists the views with SQLTables, describes each column with
 *	  SQLDescribeCol and binds it with SQLBindCol: numbers, booleans, dates
 *	  and timestamps to their C types, strings to a buffer of exactly the
 *	  declared column size.  Writes what it read to a file (compare.awk
 *	  checks it against psql's answers) and exits 1 on a column of any other
 *	  type, on a truncated value (SQLSTATE 01004) or on any other warning or
 *	  error.
 *
 *	  bi_odbc "Driver=...;Server=...;Port=...;Database=...;Uid=...;Pwd=..." \
 *	          SCHEMA EXPECTED_TIMEZONE OUTPUT
 *
 *	  The session's time zone comes from PGTZ, which libpq (under psqlODBC)
 *	  sends at connection; the program checks that it is EXPECTED_TIMEZONE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#define MAX_VIEWS 256
#define MAX_COLUMNS 64
#define NAME_LEN 256
#define NUMERIC_EXTRA 3			/* sign, decimal point and terminator */

static int	failures = 0;

/* Reports a failure with the diagnostics of the handle, if any. */
static void
fail(SQLSMALLINT handle_type, SQLHANDLE handle, const char *what)
{
	SQLCHAR		state[6];
	SQLCHAR		message[1024];
	SQLINTEGER	native;
	SQLSMALLINT length;

	fprintf(stderr, "FAIL: %s\n", what);
	for (SQLSMALLINT i = 1;
		 handle != NULL &&
		 SQL_SUCCEEDED(SQLGetDiagRec(handle_type, handle, i, state, &native, message,
									 sizeof(message), &length));
		 i++)
		fprintf(stderr, "  SQLSTATE %s: %s\n", state, message);
	failures++;
}

/* Any return but SQL_SUCCESS (a warning such as 01004, or an error) fails. */
static int
check(SQLRETURN rc, SQLSMALLINT handle_type, SQLHANDLE handle, const char *what)
{
	if (rc == SQL_SUCCESS || rc == SQL_NO_DATA)
		return 1;
	fail(handle_type, handle, what);
	return 0;
}

typedef struct Column
{
	SQLCHAR		name[NAME_LEN];
	SQLSMALLINT sql_type;
	SQLULEN		size;
	SQLSMALLINT c_type;
	SQLLEN		buffer_len;
	void	   *buffer;
	SQLLEN		indicator;
} Column;

/* The C type a BI tool binds an SQL type to, or 0 if it isn't one it charts. */
static SQLSMALLINT
c_type_for(SQLSMALLINT sql_type)
{
	switch (sql_type)
	{
		case SQL_BIGINT:
		case SQL_INTEGER:
		case SQL_SMALLINT:
		case SQL_TINYINT:
			return SQL_C_SBIGINT;
		case SQL_DOUBLE:
		case SQL_FLOAT:
		case SQL_REAL:
			return SQL_C_DOUBLE;
		case SQL_NUMERIC:
		case SQL_DECIMAL:
		case SQL_CHAR:
		case SQL_VARCHAR:
		case SQL_LONGVARCHAR:
		case SQL_WCHAR:
		case SQL_WVARCHAR:
		case SQL_WLONGVARCHAR:
			return SQL_C_CHAR;
		case SQL_BIT:
			return SQL_C_BIT;
		case SQL_TYPE_DATE:
			return SQL_C_TYPE_DATE;
		case SQL_TYPE_TIMESTAMP:
			return SQL_C_TYPE_TIMESTAMP;
		default:
			return 0;
	}
}

/* Prints one bound value as compare.awk expects it; \N for NULL. */
static void
print_value(FILE *out, const Column *col)
{
	if (col->indicator == SQL_NULL_DATA)
	{
		fputs("\\N", out);
		return;
	}
	switch (col->c_type)
	{
		case SQL_C_SBIGINT:
			fprintf(out, "%lld", (long long) *(SQLBIGINT *) col->buffer);
			break;
		case SQL_C_DOUBLE:
			fprintf(out, "%.17g", *(SQLDOUBLE *) col->buffer);
			break;
		case SQL_C_BIT:
			fputs(*(SQLCHAR *) col->buffer ? "t" : "f", out);
			break;
		case SQL_C_TYPE_DATE:
			{
				SQL_DATE_STRUCT *d = col->buffer;

				fprintf(out, "%04d-%02d-%02d", d->year, d->month, d->day);
				break;
			}
		case SQL_C_TYPE_TIMESTAMP:
			{
				SQL_TIMESTAMP_STRUCT *t = col->buffer;

				fprintf(out, "%04d-%02d-%02d %02d:%02d:%02d", t->year, t->month, t->day,
						t->hour, t->minute, t->second);
				break;
			}
		default:
			fputs((char *) col->buffer, out);
			break;
	}
}

/* Reads one view with columns bound by their declared sizes. */
static long
read_view(SQLHDBC dbc, const char *schema, const char *view, FILE *out)
{
	SQLHSTMT	stmt;
	char		sql[2 * NAME_LEN + 64];
	char		what[3 * NAME_LEN];
	Column		cols[MAX_COLUMNS];
	SQLSMALLINT ncols = 0;
	long		rows = 0;
	SQLRETURN	rc;

	memset(cols, 0, sizeof(cols));
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
	snprintf(what, sizeof(what), "SELECT from %s.%s", schema, view);
	snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\".\"%s\" ORDER BY 1, 2", schema, view);
	if (!check(SQLExecDirect(stmt, (SQLCHAR *) sql, SQL_NTS), SQL_HANDLE_STMT, stmt, what) ||
		!check(SQLNumResultCols(stmt, &ncols), SQL_HANDLE_STMT, stmt, what))
		goto done;
	if (ncols > MAX_COLUMNS)
	{
		fail(SQL_HANDLE_STMT, NULL, "too many columns");
		goto done;
	}

	fprintf(out, "== %s.%s\n", schema, view);
	for (SQLUSMALLINT i = 0; i < (SQLUSMALLINT) ncols; i++)
	{
		Column	   *col = &cols[i];
		SQLSMALLINT name_len;
		SQLSMALLINT digits;
		SQLSMALLINT nullable;

		snprintf(what, sizeof(what), "SQLDescribeCol on %s.%s", schema, view);
		if (!check(SQLDescribeCol(stmt, i + 1, col->name, sizeof(col->name), &name_len,
								  &col->sql_type, &col->size, &digits, &nullable),
				   SQL_HANDLE_STMT, stmt, what))
			goto done;
		fprintf(out, "%s%s", i > 0 ? "\t" : "", (char *) col->name);

		col->c_type = c_type_for(col->sql_type);
		if (col->c_type == 0)
		{
			snprintf(what, sizeof(what), "%s.%s.%s has SQL type %d: not a number, string, boolean, date or timestamp",
					 schema, view, (char *) col->name, col->sql_type);
			fail(SQL_HANDLE_STMT, NULL, what);
			col->c_type = SQL_C_CHAR;	/* read it as text, as a tool would */
		}
		if (col->c_type == SQL_C_CHAR)
		{
			/* The declared size, plus the terminator; numbers a sign and a point. */
			if (col->size == 0 || col->size > 1000000)
			{
				snprintf(what, sizeof(what), "%s.%s.%s declares size %lu", schema, view,
						 (char *) col->name, (unsigned long) col->size);
				fail(SQL_HANDLE_STMT, NULL, what);
				col->size = 1000000;
			}
			col->buffer_len = (SQLLEN) col->size +
				(col->sql_type == SQL_NUMERIC || col->sql_type == SQL_DECIMAL ? NUMERIC_EXTRA : 1);
		}
		else
			col->buffer_len = sizeof(SQL_TIMESTAMP_STRUCT) + sizeof(SQLDOUBLE);
		col->buffer = calloc(1, col->buffer_len);
		snprintf(what, sizeof(what), "SQLBindCol on %s.%s.%s", schema, view, (char *) col->name);
		if (!check(SQLBindCol(stmt, i + 1, col->c_type, col->buffer, col->buffer_len, &col->indicator),
				   SQL_HANDLE_STMT, stmt, what))
			goto done;
	}
	fputc('\n', out);

	while ((rc = SQLFetch(stmt)) != SQL_NO_DATA)
	{
		snprintf(what, sizeof(what), "row %ld of %s.%s", rows + 1, schema, view);
		if (!check(rc, SQL_HANDLE_STMT, stmt, what))
		{
			if (!SQL_SUCCEEDED(rc))
				break;
		}
		for (SQLSMALLINT i = 0; i < ncols; i++)
		{
			if (i > 0)
				fputc('\t', out);
			print_value(out, &cols[i]);
		}
		fputc('\n', out);
		rows++;
	}

done:
	for (SQLSMALLINT i = 0; i < ncols && i < MAX_COLUMNS; i++)
		free(cols[i].buffer);
	SQLFreeHandle(SQL_HANDLE_STMT, stmt);
	return rows;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp((const char *) a, (const char *) b);
}

int
main(int argc, char **argv)
{
	SQLHENV		env;
	SQLHDBC		dbc;
	SQLHSTMT	stmt;
	static char views[MAX_VIEWS][NAME_LEN];
	SQLCHAR		name[NAME_LEN];
	SQLLEN		name_ind;
	int			nviews = 0;
	long		rows = 0;
	FILE	   *out;

	if (argc != 5)
	{
		fprintf(stderr, "usage: bi_odbc CONNECTION_STRING SCHEMA EXPECTED_TIMEZONE OUTPUT\n");
		return 2;
	}
	out = fopen(argv[4], "w");
	if (out == NULL)
	{
		perror(argv[4]);
		return 2;
	}

	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER) SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *) argv[1], SQL_NTS, NULL, 0, NULL,
										SQL_DRIVER_NOPROMPT)))
	{
		fail(SQL_HANDLE_DBC, dbc, "connect");
		return 1;
	}

	/* The session's time zone is the one this run is about. */
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
	if (check(SQLExecDirect(stmt, (SQLCHAR *) "SHOW TimeZone", SQL_NTS), SQL_HANDLE_STMT, stmt, "SHOW TimeZone") &&
		SQL_SUCCEEDED(SQLFetch(stmt)) &&
		SQL_SUCCEEDED(SQLGetData(stmt, 1, SQL_C_CHAR, name, sizeof(name), &name_ind)) &&
		strcmp((char *) name, argv[3]) != 0)
	{
		fprintf(stderr, "FAIL: session TimeZone is %s, not %s\n", (char *) name, argv[3]);
		failures++;
	}
	SQLFreeHandle(SQL_HANDLE_STMT, stmt);

	/* The views, as the tool's table list shows them. */
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
	if (check(SQLTables(stmt, NULL, 0, (SQLCHAR *) argv[2], SQL_NTS, (SQLCHAR *) "%", SQL_NTS,
						(SQLCHAR *) "VIEW", SQL_NTS), SQL_HANDLE_STMT, stmt, "SQLTables"))
	{
		SQLBindCol(stmt, 3, SQL_C_CHAR, name, sizeof(name), &name_ind);
		while (SQL_SUCCEEDED(SQLFetch(stmt)) && nviews < MAX_VIEWS)
			snprintf(views[nviews++], NAME_LEN, "%s", (char *) name);
	}
	SQLFreeHandle(SQL_HANDLE_STMT, stmt);
	if (nviews == 0)
	{
		fprintf(stderr, "FAIL: no views in schema %s\n", argv[2]);
		failures++;
	}
	qsort(views, nviews, NAME_LEN, compare_names);

	for (int i = 0; i < nviews; i++)
		rows += read_view(dbc, argv[2], views[i], out);

	fclose(out);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	printf("odbc %s: %d views of %s, %ld rows read\n", argv[3], nviews, argv[2], rows);
	return failures == 0 ? 0 : 1;
}
