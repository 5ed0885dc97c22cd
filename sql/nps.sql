-- nps_agg and its accessors, checked against the plain SQL formula.

-- Published example: 2 promoters, 2 passives, 2 detractors is NPS 0;
-- three 10s and a 0 is 75% - 25% = 50.
SELECT nps(nps_agg(s)) FROM unnest(ARRAY[10, 9, 8, 7, 6, 0]) s;
SELECT nps(nps_agg(s)) FROM unnest(ARRAY[10, 10, 10, 0]) s;
SELECT nps(nps_agg(s)), promoters(nps_agg(s)), passives(nps_agg(s)),
       detractors(nps_agg(s)), responses(nps_agg(s))
FROM unnest(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NULL]) s;
-- Extremes: all promoters, all detractors.
SELECT nps(nps_agg(10)) AS all_promoters, nps(nps_agg(0)) AS all_detractors;
-- Band edges.
SELECT s, nps_agg(s) FROM unnest(ARRAY[0, 6, 7, 8, 9, 10]) s GROUP BY s ORDER BY s;

-- No rows, or only NULLs: the metric is NULL and the counts are 0.
SELECT nps(nps_agg(s)), responses(nps_agg(s)) FROM unnest(ARRAY[]::int[]) s;
SELECT nps(nps_agg(s)), responses(nps_agg(s)), nps_agg(s) FROM unnest(ARRAY[NULL, NULL]::int[]) s;

-- Generated answers: 6 groups with NULLs; group 5 holds only NULLs.
CREATE TABLE nps_answers AS
SELECT i, i % 5 AS g,
       CASE WHEN hashint4(i) % 9 = 0 THEN NULL ELSE abs(hashint4(i * 31)) % 11 END AS score
FROM generate_series(1, 20000) i;
INSERT INTO nps_answers SELECT i, 5, NULL FROM generate_series(20001, 20010) i;

-- Every group agrees with the formula: % promoters minus % detractors.
WITH ours AS (
    SELECT g, nps_agg(score) AS s FROM nps_answers GROUP BY g
), ref AS (
    SELECT g,
           100.0 * count(*) FILTER (WHERE score >= 9) / nullif(count(score), 0)
         - 100.0 * count(*) FILTER (WHERE score <= 6) / nullif(count(score), 0) AS nps,
           count(*) FILTER (WHERE score >= 9) AS p,
           count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS a,
           count(*) FILTER (WHERE score <= 6) AS d,
           count(score) AS n
    FROM nps_answers GROUP BY g
)
SELECT g, round(nps(s)::numeric, 6) AS nps, round(ref.nps, 6) AS reference,
       round(nps(s)::numeric, 9) IS NOT DISTINCT FROM round(ref.nps, 9) AS nps_ok,
       (promoters(s), passives(s), detractors(s), responses(s)) = (p, a, d, n) AS counts_ok
FROM ours JOIN ref USING (g) ORDER BY g;

-- Out-of-range scores are errors, never clamped or skipped.
SELECT nps_agg(s) FROM unnest(ARRAY[10, 11]) s;
SELECT nps_agg(-1);
SELECT nps_agg(2147483647);

-- Equality and the text form.
SELECT 'nps v1 promoters=3 passives=2 detractors=1'::nps_summary
     = 'nps v1 promoters=3 passives=2 detractors=1'::nps_summary AS same,
       'nps v1 promoters=3 passives=2 detractors=1'::nps_summary
    <> 'nps v1 promoters=1 passives=2 detractors=3'::nps_summary AS differ;
SELECT '  nps   v1 promoters=3  passives=2 detractors=1  '::nps_summary AS lenient_spacing;
SELECT count(*) AS round_trips
FROM (SELECT g, nps_agg(score) AS s FROM nps_answers GROUP BY g) t
WHERE s::text::nps_summary = s;
SELECT nps('nps v1 promoters=9223372036854775807 passives=0 detractors=0');

-- Malformed literals: 22P02 with a detail saying what was wrong.
\set VERBOSITY default
SELECT ''::nps_summary;
SELECT 'csat v1 scale=0 counts='::nps_summary;
SELECT 'nps'::nps_summary;
SELECT 'nps v2 promoters=1 passives=0 detractors=0'::nps_summary;
SELECT 'nps vx promoters=1 passives=0 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=1 passives=0'::nps_summary;
SELECT 'nps v1 passives=0 promoters=1 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=-1 passives=0 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=1.5 passives=0 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=99999999999999999999 passives=0 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=1 passives=0 detractors=0 extra=1'::nps_summary;
SELECT 'nps v1promoters=1 passives=0 detractors=0'::nps_summary;
SELECT 'nps v1 promoters=9223372036854775807 passives=1 detractors=0'::nps_summary;

-- NULL in, NULL out.
SELECT nps(NULL::nps_summary), responses(NULL::nps_summary);
