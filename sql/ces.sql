-- ces_agg: Customer Effort Score, the mean answer, checked against avg().

SELECT ces(s), responses(s), s FROM (SELECT ces_agg(x) AS s FROM unnest(ARRAY[7, 6, 5, 2, NULL]) x) t;
SELECT ces(ces_agg(x, 5)), ces_agg(x, 5) FROM unnest(ARRAY[5, 4, 4, 1]) x;
-- No rows, or only NULLs: NULL, zero answers.
SELECT ces(s), responses(s), ci_low(s), s FROM (SELECT ces_agg(x) AS s FROM unnest(ARRAY[NULL]::int[]) x) t;

CREATE TABLE effort AS
SELECT i, i % 5 AS team, CASE WHEN hashint4(i) % 6 = 0 THEN NULL ELSE 1 + abs(hashint4(i * 13)) % 7 END AS score
FROM generate_series(1, 10000) i;
SELECT team, round(ces(ces_agg(score))::numeric, 6) AS ces,
       ces(ces_agg(score)) - avg(score) BETWEEN -1e-12 AND 1e-12 AS mean_ok,
       responses(ces_agg(score)) = count(score) AS n_ok,
       abs(ci_high(ces_agg(score)) - ces(ces_agg(score)) - 1.96 * stddev_samp(score) / sqrt(count(score))) < 1e-3 AS ci_ok
FROM effort GROUP BY team ORDER BY team;
-- Daily summaries roll up exactly.
SELECT rollup(s) = (SELECT ces_agg(score) FROM effort) AS same
FROM (SELECT ces_agg(score) AS s FROM effort GROUP BY i % 31) d;

-- Interval of the mean uses Student's t: t(0.975, 10) = 2.228138852;
-- it stays within the scale.
SELECT round(ci_low(s)::numeric, 6) = round((avg - 2.228138852 * sd / sqrt(11))::numeric, 6) AS low_ok,
       round(ci_high(s)::numeric, 6) = round((avg + 2.228138852 * sd / sqrt(11))::numeric, 6) AS high_ok
FROM (SELECT ces_agg(x) AS s, avg(x) AS avg, stddev_samp(x) AS sd FROM unnest(ARRAY[3, 5, 4, 6, 2, 7, 6, 7, 5, 4, 6]) x) t;
SELECT ci_low(ces_agg(x)), ci_high(ces_agg(x)) FROM unnest(ARRAY[7, 7, 7, 6]) x;
-- Welch's t-test on two teams.
SELECT round(p_value(a, b)::numeric, 4) AS p
FROM (SELECT ces_agg(score) FILTER (WHERE team = 0) AS a, ces_agg(score) FILTER (WHERE team = 1) AS b FROM effort) t;
SELECT p_value(ces_agg(x), ces_agg(x)) FROM unnest(ARRAY[4, 4]) x;

-- Errors.
\set VERBOSITY default
SELECT ces_agg(8);
SELECT ces_agg(0, 5);
SELECT ces_agg(1, 11);
SELECT ces_agg(x, sc) FROM (VALUES (1, 7), (1, 5)) v(x, sc);
SELECT rollup(s) FROM (VALUES ('ces v1 scale=7 counts=1,0,0,0,0,0,0'::ces_summary), ('ces v1 scale=5 counts=1,0,0,0,0')) v(s);
SELECT 'ces v1 scale=7 counts=1,2'::ces_summary;
SELECT 'csat v1 scale=2 counts=1,2'::ces_summary;
SELECT count(*) FILTER (WHERE s::text::ces_summary = s) AS round_trips FROM (SELECT ces_agg(score) AS s FROM effort GROUP BY team) t;
-- p-values compare scores on one scale only.
SELECT p_value('ces v1 scale=7 counts=1,0,0,0,0,0,2'::ces_summary, 'ces v1 scale=5 counts=1,0,0,0,2');
