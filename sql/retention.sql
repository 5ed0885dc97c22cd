-- Retention and churn rates from customer counts.

-- 100 customers at the start, 110 at the end of whom 20 are new: 90 kept.
SELECT retention_rate(100, 110, 20), churn_rate(100, 10);
SELECT retention_rate(3, 2, 0), churn_rate(3, 1);
-- No customers at the start: undefined, NULL.
SELECT retention_rate(0, 5, 5), churn_rate(0, 0);
SELECT retention_rate(NULL, 5, 5), churn_rate(10, NULL);
-- Per month from a customers table, against the formula.
CREATE TABLE customers AS
SELECT i AS id, date '2025-01-01' + (abs(hashint4(i)) % 300) AS signed_up,
       CASE WHEN hashint4(i * 3) % 4 = 0 THEN date '2025-01-01' + (abs(hashint4(i)) % 300) + (abs(hashint4(i * 7)) % 200) END AS cancelled
FROM generate_series(1, 2000) i;
WITH months AS (SELECT generate_series(date '2025-02-01', date '2025-10-01', interval '1 month')::date AS m),
counts AS (
    SELECT m,
           count(*) FILTER (WHERE signed_up < m AND (cancelled IS NULL OR cancelled >= m)) AS at_start,
           count(*) FILTER (WHERE signed_up < (m + interval '1 month') AND (cancelled IS NULL OR cancelled >= m + interval '1 month')) AS at_end,
           count(*) FILTER (WHERE signed_up >= m AND signed_up < m + interval '1 month'
                              AND (cancelled IS NULL OR cancelled >= m + interval '1 month')) AS new_kept,
           count(*) FILTER (WHERE signed_up < m AND cancelled >= m AND cancelled < m + interval '1 month') AS lost
    FROM months, customers GROUP BY m
)
SELECT m, round(retention_rate(at_start, at_end, new_kept)::numeric, 4) AS retention,
       round(churn_rate(at_start, lost)::numeric, 4) AS churn,
       abs(retention_rate(at_start, at_end, new_kept) + churn_rate(at_start, lost) - 100) < 1e-9 AS adds_to_100
FROM counts ORDER BY m;

-- Inconsistent counts are errors.
\set VERBOSITY default
SELECT retention_rate(-1, 5, 5);
SELECT retention_rate(10, 5, 6);
SELECT retention_rate(10, 30, 5);
SELECT churn_rate(10, 11);
SELECT churn_rate(10, -1);
