-- Answers at the edges (issue 10, section 3): counts near 2^63, extreme
-- confidence levels, exact normal and Student-t quantiles, sliding windows
-- over summaries without answers, shifted samples.  Each reference is
-- independent: published quantiles (R's qnorm and qt, to 16 digits, and
-- mpmath at 40 digits for the exact double levels), closed forms of the t
-- distribution for 1, 2 and 4 degrees of freedom, numeric arithmetic.

-- percentile(s, 1) and the array form near 2^63 answers: the rank
-- ceil(q * count) rounds past the count as a double; the answer is the
-- maximum, never the minimum.
CREATE TABLE huge AS
SELECT format('duration v1 count=%s sum_us=%s sumsq_us2=%s min_us=0 max_us=1000 buckets=0:1,%s:%s',
              n, 1000 * (n - 1), 1000000 * (n - 1), bucket, n - 1)::duration_summary AS s
FROM (SELECT 9223372036854775807::numeric AS n,
             (9 - 6) * 64 + (1000 >> (9 - 6)) AS bucket) x;  -- 1000 us: highest bit 9 (docs/formats.md)
SELECT duration_count(s), percentile(s, 1) AS p100, percentile(s, 0.9999999) AS p9999999,
       percentile(s, 0) AS p0, percentile(s, ARRAY[0, 0.5, 1]) AS arr, max_duration(s)
FROM huge;

-- p_value of rate and CSAT summaries whose pooled hits pass 2^63: a number,
-- against the pooled z-test in numeric and the normal tail integrated in SQL.
CREATE FUNCTION normal_tail_p(z float8) RETURNS float8 LANGUAGE sql AS $$
    SELECT 1 - 2 * sum(exp(-x * x / 2)) * (abs(z) / 20000) / sqrt(2 * pi())
    FROM (SELECT (k + 0.5) * abs(z) / 20000 AS x FROM generate_series(0, 19999) k) t
$$;
WITH v(ha, na, hb, nb) AS (VALUES (4611686018427387904::numeric, 9223372036854775807::numeric,
                                   4611686022427387904::numeric, 9223372036854775807::numeric)),
ref AS (
    SELECT *, (ha + hb) / (na + nb) AS pooled FROM v
)
SELECT round(p_value(format('rate v1 hits=%s trials=%s', ha, na)::rate_summary,
                     format('rate v1 hits=%s trials=%s', hb, nb)::rate_summary)::numeric, 6) AS rate_p,
       round(p_value(format('csat v1 scale=2 counts=%s,%s', na - ha, ha)::csat_summary,
                     format('csat v1 scale=2 counts=%s,%s', nb - hb, hb)::csat_summary)::numeric, 6) AS csat_p,
       round(normal_tail_p(((hb / nb - ha / na) / sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb)))::float8)::numeric, 6) AS reference
FROM ref;

-- The normal quantile, exact to double precision at every level: with
-- 5000 promoters and 5000 detractors the NPS margin is z itself (variance
-- 10000 points^2 over 10000 answers).  The conventional levels are no
-- longer the rounded 1.645, 1.96 and 2.576.
SELECT confidence, nps_margin(s, confidence) AS z, reference,
       abs(nps_margin(s, confidence) - reference) <= 4e-16 * reference AS exact
FROM (SELECT 'nps v1 promoters=5000 passives=0 detractors=5000'::nps_summary AS s) x,
     (VALUES (0.80::float8, 1.2815515655446004),           -- R: qnorm(0.9)
             (0.90, 1.6448536269514722),                   -- qnorm(0.95)
             (0.95, 1.959963984540054),                    -- qnorm(0.975)
             (0.99, 2.5758293035489004),                   -- qnorm(0.995)
             (0.999999999999, 7.130509892879272),          -- mpmath, the double level
             (0.999999999999999, 8.026957018033892),       -- mpmath
             (0.9999999999999999, 8.292361075813596))      -- mpmath: 1 - 2^-53
     AS r(confidence, reference)
ORDER BY confidence;
-- NPS and CES intervals at confidence 1 - 2^-53: numbers, not NaN.
SELECT ci_low(s, 0.9999999999999999) AS nps_low, ci_high(s, 0.9999999999999999) AS nps_high,
       nps_margin(s, 0.9999999999999999) AS nps_margin
FROM (SELECT 'nps v1 promoters=500 passives=300 detractors=200'::nps_summary AS s) x;
-- CES: n = 10^6 answers of 1 and 7 (mean 4, sd 3 sqrt(n / (n - 1))), so
-- the implied t is (ci_high - 4) sqrt(n - 1) / 3; mpmath: t(1 - 2^-53,
-- 999999) = 8.29250570361499; with three answers the interval clips to the
-- scale.
SELECT round(((ci_high(s, 0.9999999999999999) - 4) * sqrt(999999::float8) / 3)::numeric, 10) AS implied_t,
       ci_low(s, 0.9999999999999999) + ci_high(s, 0.9999999999999999) AS twice_mean,
       ci_low('ces v1 scale=7 counts=1,0,0,1,0,0,1'::ces_summary, 0.9999999999999999) AS clipped_low,
       ci_high('ces v1 scale=7 counts=1,0,0,1,0,0,1'::ces_summary, 0.9999999999999999) AS clipped_high
FROM (SELECT 'ces v1 scale=7 counts=500000,0,0,0,0,0,500000'::ces_summary AS s) x;
-- Durations at 1 - 2^-53: ci_low is 0, ci_high the mean plus t(2) sd /
-- sqrt(3) with the closed form t(2) = c / sqrt(2 p (1 - p)), p = (1 + c) / 2.
SELECT ci_low(s, c) AS low,
       abs(extract(epoch FROM ci_high(s, c)) - (120 + c / sqrt(2 * ((1 + c) / 2) * ((1 - c) / 2)) * 60 / sqrt(3))) < 1e-3 AS high_ok
FROM (SELECT duration_agg(d) AS s, 0.9999999999999999::float8 AS c
      FROM unnest(ARRAY[interval '1 min', '2 min', '3 min']) d) x;

-- Student's t: the critical value implied by duration intervals of two
-- values 0 and 2e12 us (mean 1e12, sd/sqrt(n) = 1e12 us) for 1 degree of
-- freedom, tan(pi c / 2); three values 1e13 +- sqrt(3) 1e12 us for 2, the
-- closed form; R's qt(0.975, 10) = 2.228138851986274 for 10, and the
-- normal limit for CES summaries of 10^14 and 10^18 answers (R: qt(0.975,
-- 1e14) = qnorm(0.975) to 16 digits).
SELECT c, round((extract(epoch FROM ci_high(s1, c)) - 1e6) / 1e6, 9) AS t1,
       round(tan(pi() * c / 2)::numeric, 9) AS t1_reference,
       round((extract(epoch FROM ci_high(s2, c)) - 1e7) / 1e6, 9) AS t2,
       round((c / sqrt(2 * ((1 + c) / 2) * ((1 - c) / 2)))::numeric, 9) AS t2_reference
FROM (SELECT duration_agg(d) AS s1 FROM unnest(ARRAY[interval '0', make_interval(secs => 2e6)]) d) a,
     (SELECT duration_agg(make_interval(secs => x)) AS s2
      FROM unnest(ARRAY[1e7 - 1e6 * sqrt(3::numeric), 1e7, 1e7 + 1e6 * sqrt(3::numeric)]) x) b,
     unnest(ARRAY[0.5, 0.9, 0.95, 0.99]::float8[]) c
ORDER BY c;
WITH w AS (SELECT make_interval(secs => x * 1e6) AS d FROM unnest(ARRAY[3, 5, 4, 8, 2, 9, 6, 7, 5, 4, 12]) x)
SELECT abs((extract(epoch FROM ci_high(duration_agg(d))) - avg(extract(epoch FROM d))) * sqrt(11) / stddev_samp(extract(epoch FROM d))
           - 2.228138851986274) < 1e-9 AS t10_ok
FROM w;
SELECT n, round(((ci_high(s) - 4) * sqrt(n - 1) / 3)::numeric, 6) AS implied_t, abs((ci_high(s) - 4) * sqrt(n - 1) / 3 - 1.959963984540054) < 1e-5 AS normal_limit
FROM (VALUES (1e14::float8), (1e18)) v(n),
     LATERAL (SELECT format('ces v1 scale=7 counts=%s,0,0,0,0,0,%s', (n / 2)::bigint, (n / 2)::bigint)::ces_summary AS s) x;

-- Welch's p-value takes the difference of means from the exact integer
-- sums: {0, 1, 3} us against {2, 4, 5} us, and the same shifted by 3472
-- days, give the same p; the reference is the closed form for 4 degrees of
-- freedom, p = 1 - 3x/2 + x^3/2 with x = |t| / sqrt(t^2 + 4).
SELECT p_value(a, b) = p_value(a_shifted, b_shifted) AS shift_invariant, round(p_value(a, b)::numeric, 6) AS p,
       round((1 - 1.5 * x + 0.5 * x ^ 3)::numeric, 6) AS reference
FROM (SELECT duration_agg(make_interval(secs => v / 1e6)) AS a,
             duration_agg(make_interval(days => 3472, secs => v / 1e6)) AS a_shifted
      FROM unnest(ARRAY[0, 1, 3]) v) a,
     (SELECT duration_agg(make_interval(secs => v / 1e6)) AS b,
             duration_agg(make_interval(days => 3472, secs => v / 1e6)) AS b_shifted
      FROM unnest(ARRAY[2, 4, 5]) v) b,
     (SELECT (7 / 3.0) / sqrt(14 / 9.0) AS t) t,
     LATERAL (SELECT t / sqrt(t * t + 4) AS x) x;

-- Sliding windows agree with direct rollups: a frame whose answers leave
-- while a summary without answers but with a scale stays is recomputed.
\set VERBOSITY sqlstate
WITH r(i, s) AS (VALUES (1, 'csat v1 scale=7 counts=0,0,0,0,0,0,1'::csat_summary),
                        (2, 'csat v1 scale=7 counts=0,0,0,0,0,0,0'),
                        (3, 'csat v1 scale=5 counts=0,0,0,0,1'))
SELECT i, rollup(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM r;
SELECT rollup(s) FROM (VALUES ('csat v1 scale=7 counts=0,0,0,0,0,0,0'::csat_summary), ('csat v1 scale=5 counts=0,0,0,0,1')) v(s);
WITH r(i, s) AS (VALUES (1, 'ces v1 scale=7 counts=0,0,0,0,0,0,1'::ces_summary),
                        (2, 'ces v1 scale=7 counts=0,0,0,0,0,0,0'),
                        (3, 'ces v1 scale=5 counts=0,0,0,0,1'))
SELECT i, rollup(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM r;
\set VERBOSITY default
-- Many frames over summaries on one scale, with and without answers and
-- with the scale-0 empty summary, against rollup over each frame directly.
CREATE TABLE frames AS
SELECT i, CASE WHEN hashint4(i) % 3 = 0 THEN 'csat v1 scale=0 counts='::csat_summary
               WHEN hashint4(i * 7) % 2 = 0 THEN 'csat v1 scale=7 counts=0,0,0,0,0,0,0'
               ELSE format('csat v1 scale=7 counts=%s,0,0,1,0,0,%s', abs(hashint4(i * 3)) % 3, abs(hashint4(i * 5)) % 2)::csat_summary
          END AS s
FROM generate_series(1, 400) i;
SELECT count(*) AS frames, count(*) FILTER (WHERE w.r = d.r) AS matching
FROM (SELECT i, rollup(s) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS r FROM frames) w,
     LATERAL (SELECT rollup(s) AS r FROM frames f WHERE f.i BETWEEN w.i - 2 AND w.i) d;

-- p_value of summaries on different scales: 22023 for CSAT as for CES;
-- a summary without answers and scale 0 fits any scale (NULL).
SELECT p_value('csat v1 scale=5 counts=1,0,0,0,1'::csat_summary, 'csat v1 scale=0 counts='::csat_summary) AS empty;
SELECT p_value('csat v1 scale=5 counts=1,0,0,0,1'::csat_summary, 'csat v1 scale=7 counts=1,0,0,0,0,0,1'::csat_summary);
SELECT p_value('ces v1 scale=5 counts=1,0,0,0,1'::ces_summary, 'ces v1 scale=7 counts=1,0,0,0,0,0,1'::ces_summary);

-- percentile with an untyped literal: the text overload reads it as a
-- fraction, so 'NaN' is the fraction error (22003), not an ambiguous call
-- (42725); '0.5' works; an array literal needs its type.
SELECT percentile(duration_agg(d), '0.5') FROM unnest(ARRAY[interval '1 min', '2 min', '4 min']) d;
SELECT percentile(duration_agg(d), 'NaN') FROM unnest(ARRAY[interval '1 min']) d;
SELECT percentile(duration_agg(d), '{0.5}'::float8[]) FROM unnest(ARRAY[interval '1 min']) d;
