-- csat_agg and its accessors, checked against the plain SQL formulas.

-- 5-point scale: 4 and 5 are satisfied (top two box).
SELECT csat(s), csat_mean(s), csat_composite(s), responses(s), satisfied(s)
FROM (SELECT csat_agg(r) AS s FROM unnest(ARRAY[1, 2, 3, 4, 5, NULL]) r) t;
-- The same with the scale given; 60% satisfied when the threshold is 3.
SELECT csat(csat_agg(r, 5)), csat(csat_agg(r, 5), 3) FROM unnest(ARRAY[1, 2, 3, 4, 5]) r;
-- 3-point scale (poor / average / great): only "great" is satisfied.
SELECT csat(csat_agg(r, 3)), csat_composite(csat_agg(r, 3)) FROM unnest(ARRAY[1, 2, 3, 3]) r;
-- 10-point scale: 9 and 10.
SELECT csat(csat_agg(r, 10)) FROM unnest(ARRAY[10, 9, 8, 1]) r;
-- Thumbs up/down: the ups.
SELECT csat(csat_agg(b)), csat_agg(b) FROM unnest(ARRAY[true, true, false, NULL]) b;
-- Composite: all top ratings is 100, all bottom is 0.
SELECT csat_composite(csat_agg(5)), csat_composite(csat_agg(1)), csat_composite(csat_agg(r, 7)) FROM unnest(ARRAY[4]) r;
-- The distribution.
SELECT r, rating_count(s, r) FROM (SELECT csat_agg(x) AS s FROM unnest(ARRAY[5, 5, 4, 2]) x) t,
       generate_series(1, 5) r ORDER BY r;

-- No rows, or only NULLs: NULL metrics, zero counts.
SELECT csat(s), csat(s, 3), csat_mean(s), csat_composite(s), responses(s), satisfied(s), rating_count(s, 1), s
FROM (SELECT csat_agg(r) AS s FROM unnest(ARRAY[NULL]::int[]) r) t;

-- Generated ratings on several scales, with NULLs, per group.
CREATE TABLE csat_answers AS
SELECT i, i % 4 AS g, sc AS scale,
       CASE WHEN hashint4(i) % 7 = 0 THEN NULL ELSE 1 + abs(hashint4(i * 17)) % sc END AS rating
FROM generate_series(1, 20000) i, LATERAL (SELECT 2 + (i % 4) * 2 AS sc) s;

WITH ours AS (
    SELECT g, scale, csat_agg(rating, scale) AS s FROM csat_answers GROUP BY g, scale
), ref AS (
    SELECT g, scale,
           100.0 * count(*) FILTER (WHERE rating >= CASE WHEN scale >= 5 THEN scale - 1 ELSE scale END)
                 / nullif(count(rating), 0) AS csat,
           100.0 * count(*) FILTER (WHERE rating >= 2) / nullif(count(rating), 0) AS csat_from_2,
           avg(rating) AS mean,
           100.0 * (avg(rating) - 1) / (scale - 1) AS composite,
           count(rating) AS n
    FROM csat_answers GROUP BY g, scale
)
SELECT g, scale, round(csat(s)::numeric, 6) AS csat,
       round(csat(s)::numeric, 9) = round(ref.csat, 9) AS csat_ok,
       round(csat(s, 2)::numeric, 9) = round(ref.csat_from_2, 9) AS threshold_ok,
       round(csat_mean(s)::numeric, 9) = round(ref.mean, 9) AS mean_ok,
       round(csat_composite(s)::numeric, 9) = round(ref.composite, 9) AS composite_ok,
       responses(s) = n AS n_ok
FROM ours JOIN ref USING (g, scale) ORDER BY g;

-- Errors: rating outside 1..scale is 22003, scale outside 2-10 is 22023.
\set VERBOSITY default
SELECT csat_agg(6);
SELECT csat_agg(0);
SELECT csat_agg(11, 10);
SELECT csat_agg(1, 11);
SELECT csat_agg(1, 1);
SELECT csat_agg(r, sc) FROM (VALUES (5, 5), (5, 10)) v(r, sc);
SELECT csat_agg(r, sc) FROM (VALUES (1, 2)) v(r, sc)
UNION ALL SELECT csat_agg(b) FROM (VALUES (true)) v(b);
SELECT csat(csat_agg(5), 6);
SELECT csat(csat_agg(5), 0);
SELECT rating_count(csat_agg(5), 6);

-- Text form: round trip, equality, malformed literals.
SELECT count(*) AS round_trips
FROM (SELECT g, scale, csat_agg(rating, scale) AS s FROM csat_answers GROUP BY g, scale) t
WHERE s::text::csat_summary = s;
SELECT 'csat v1 scale=3 counts=1,2,3'::csat_summary = 'csat v1 scale=3 counts=1,2,3'::csat_summary AS same,
       'csat v1 scale=3 counts=1,2,3'::csat_summary <> 'csat v1 scale=3 counts=1,2,4'::csat_summary AS differ,
       'csat v1 scale=0 counts='::csat_summary = csat_agg(NULL::int) AS empty_same;
SELECT csat('csat v1 scale=2 counts=0,0'::csat_summary) AS no_answers;
SELECT 'csat v1 scale=11 counts=1,1,1,1,1,1,1,1,1,1,1'::csat_summary;
SELECT 'csat v1 scale=1 counts=1'::csat_summary;
SELECT 'csat v1 scale=5 counts=1,2,3'::csat_summary;
SELECT 'csat v1 scale=2 counts=1,2,3'::csat_summary;
SELECT 'csat v1 scale=0 counts=1'::csat_summary;
SELECT 'csat v1 scale=2 counts=1,'::csat_summary;
SELECT 'csat v1 scale=2 counts=1;2'::csat_summary;
SELECT 'csat v1 scale=2'::csat_summary;
SELECT 'csat v1 scale=2 counts=9223372036854775807,1'::csat_summary;
SELECT 'nps v1 promoters=1 passives=0 detractors=0'::csat_summary;
