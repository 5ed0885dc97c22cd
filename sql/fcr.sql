-- fcr_rate and rate_agg, checked against the plain SQL formula.

SELECT fcr_rate(b) FROM unnest(ARRAY[true, true, false, NULL]) b;
-- Eligible rows only: FCR tickets / FCR-eligible tickets x 100.
SELECT fcr_rate(r, e) FROM (VALUES (true, true), (false, true), (true, false), (NULL, true), (true, NULL)) v(r, e);
-- No rows, only NULLs, nothing eligible: NULL.
SELECT fcr_rate(b) FROM unnest(ARRAY[]::boolean[]) b;
SELECT fcr_rate(b) FROM unnest(ARRAY[NULL]::boolean[]) b;
SELECT fcr_rate(r, e) FROM (VALUES (true, false)) v(r, e);

-- Generated tickets in groups, with NULLs in both columns.
CREATE TABLE fcr_tickets AS
SELECT i, i % 6 AS g,
       CASE WHEN hashint4(i) % 11 = 0 THEN NULL ELSE abs(hashint4(i * 7)) % 10 < 7 END AS resolved,
       CASE WHEN hashint4(i) % 13 = 0 THEN NULL ELSE abs(hashint4(i * 3)) % 10 < 9 END AS eligible
FROM generate_series(1, 30000) i;

WITH ours AS (
    SELECT g, fcr_rate(resolved) AS plain, fcr_rate(resolved, eligible) AS eligible_only,
           rate_agg(resolved) AS s
    FROM fcr_tickets GROUP BY g
), ref AS (
    SELECT g,
           100.0 * count(*) FILTER (WHERE resolved) / nullif(count(resolved), 0) AS plain,
           100.0 * count(*) FILTER (WHERE resolved AND eligible)
                 / nullif(count(*) FILTER (WHERE eligible AND resolved IS NOT NULL), 0) AS eligible_only,
           count(*) FILTER (WHERE resolved) AS hits, count(resolved) AS trials
    FROM fcr_tickets GROUP BY g
)
SELECT g, round(ours.plain::numeric, 6) AS fcr, round(ours.eligible_only::numeric, 6) AS fcr_eligible,
       round(ours.plain::numeric, 9) = round(ref.plain, 9) AS plain_ok,
       round(ours.eligible_only::numeric, 9) = round(ref.eligible_only, 9) AS eligible_ok,
       (hits(s), trials(s)) = (ref.hits, ref.trials) AND rate(s) = ours.plain AS summary_ok
FROM ours JOIN ref USING (g) ORDER BY g;

-- rate_summary text form.
SELECT rate_agg(b), rate(rate_agg(b)) FROM unnest(ARRAY[true, false, false, NULL]) b;
SELECT rate('rate v1 hits=0 trials=0'), hits('rate v1 hits=2 trials=5'), trials('rate v1 hits=2 trials=5');
SELECT 'rate v1 hits=2 trials=5'::rate_summary = 'rate v1 hits=2 trials=5' AS same,
       'rate v1 hits=2 trials=5'::rate_summary <> 'rate v1 hits=3 trials=5' AS differ;
\set VERBOSITY default
SELECT 'rate v1 hits=6 trials=5'::rate_summary;
SELECT 'rate v1 trials=5 hits=2'::rate_summary;
SELECT 'rate v1 hits=2 trials=-5'::rate_summary;
