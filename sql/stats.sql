-- Confidence intervals and p-values, checked against published test
-- vectors and against the formulas computed independently in plain SQL
-- (critical values from published tables, probabilities by numerical
-- integration of the density).

-- Wilson score interval, published vectors: 10 of 100 at 95% is
-- [5.523%, 17.437%]; 0 of 1 is [0%, z^2 / (1 + z^2)] = [0%, 79.345%] with
-- the exact z = 1.959963984540054 (79.346% with the rounded 1.96).
SELECT round(ci_low(s)::numeric, 3) AS low, round(rate(s)::numeric, 3) AS rate, round(ci_high(s)::numeric, 3) AS high
FROM (VALUES ('rate v1 hits=10 trials=100'::rate_summary), ('rate v1 hits=0 trials=1'), ('rate v1 hits=1 trials=1')) v(s);
-- The same proportion through CSAT (top two box) and FCR-style rates.
SELECT round(ci_low(csat_agg(r))::numeric, 3) AS low, round(ci_high(csat_agg(r))::numeric, 3) AS high
FROM (SELECT CASE WHEN i <= 10 THEN 5 ELSE 2 END AS r FROM generate_series(1, 100) i) t;

-- Newcombe (Statistics in Medicine 17, 1998), table I, Wilson intervals at
-- 95% printed to 4 places: 81/263 [0.2553, 0.3662], 15/148 [0.0624, 0.1605],
-- 0/20 [0, 0.1611], 1/29 [0.0061, 0.1718]; still matched with the exact z.
SELECT h, n, round((ci_low(s) / 100)::numeric, 4) AS low, round((ci_high(s) / 100)::numeric, 4) AS high
FROM (VALUES (81, 263), (15, 148), (0, 20), (1, 29)) v(h, n),
     LATERAL (SELECT format('rate v1 hits=%s trials=%s', h, n)::rate_summary AS s) x;

-- Wilson against the formula in SQL, for many rates and five levels, with
-- the exact normal quantiles at every level (R's qnorm, to 16 digits).
WITH z(confidence, z) AS (VALUES (0.80, 1.2815515655446004), (0.90, 1.6448536269514722), (0.95, 1.959963984540054),
                                 (0.99, 2.5758293035489004), (0.999, 3.2905267314918945)),
rates AS (
    SELECT format('rate v1 hits=%s trials=%s', h, n)::rate_summary AS s, h, n
    FROM generate_series(1, 40) n, generate_series(0, 40) h WHERE h <= n
), ref AS (
    SELECT s, confidence,
           100 * ((h::float8 / n + z * z / (2 * n)) - z * sqrt(h::float8 / n * (1 - h::float8 / n) / n + z * z / (4.0 * n * n))) / (1 + z * z / n) AS low,
           100 * ((h::float8 / n + z * z / (2 * n)) + z * sqrt(h::float8 / n * (1 - h::float8 / n) / n + z * z / (4.0 * n * n))) / (1 + z * z / n) AS high
    FROM rates, z
)
SELECT confidence, count(*) AS intervals,
       count(*) FILTER (WHERE abs(ci_low(s, confidence) - greatest(0, low)) < 1e-9
                          AND abs(ci_high(s, confidence) - least(100, high)) < 1e-9) AS matching
FROM ref GROUP BY confidence ORDER BY confidence;

-- NPS: margin = z x sqrt((p + d - (p - d)^2) / n) in points, interval
-- clipped to [-100, 100].
SELECT nps(s), round(nps_margin(s)::numeric, 4) AS margin, round(ci_low(s)::numeric, 4) AS low,
       round(ci_high(s)::numeric, 4) AS high, round(ci_low(s, 0.99)::numeric, 4) AS low_99
FROM (VALUES ('nps v1 promoters=50 passives=30 detractors=20'::nps_summary),
             ('nps v1 promoters=9 passives=0 detractors=1'),
             ('nps v1 promoters=3 passives=0 detractors=0'),
             ('nps v1 promoters=0 passives=0 detractors=0')) v(s);
WITH g AS (
    SELECT i % 7 AS grp, abs(hashint4(i)) % 11 AS score FROM generate_series(1, 5000) i
), ref AS (
    SELECT grp, nps_agg(score) AS s,
           count(*) FILTER (WHERE score >= 9)::float8 / count(*) AS p,
           count(*) FILTER (WHERE score <= 6)::float8 / count(*) AS d, count(*) AS n
    FROM g GROUP BY grp
)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(nps_margin(s) - 100 * 1.959963984540054 * sqrt((p + d - (p - d) ^ 2) / n)) < 1e-9) AS margin_ok,
       count(*) FILTER (WHERE abs(ci_low(s) - (nps(s) - nps_margin(s))) < 1e-9
                          AND abs(ci_high(s) - (nps(s) + nps_margin(s))) < 1e-9) AS interval_ok
FROM ref;

-- p-values from normal tests against the normal tail integrated in SQL:
-- P(|Z| >= z) = 1 - 2 * integral from 0 to z of the density.
CREATE FUNCTION normal_two_sided_p(z float8) RETURNS float8 LANGUAGE sql AS $$
    SELECT 1 - 2 * sum(exp(-x * x / 2)) * (abs(z) / 20000) / sqrt(2 * pi())
    FROM (SELECT (k + 0.5) * abs(z) / 20000 AS x FROM generate_series(0, 19999) k) t
$$;
-- Two proportions: 45 of 100 against 30 of 100, pooled standard error.
SELECT round(p_value('rate v1 hits=45 trials=100'::rate_summary, 'rate v1 hits=30 trials=100')::numeric, 6) AS p,
       round(normal_two_sided_p((0.45 - 0.30) / sqrt(0.375 * 0.625 * (2.0 / 100)))::numeric, 6) AS reference;
-- NPS: the difference over the combined standard error.
WITH v(a, b) AS (VALUES ('nps v1 promoters=50 passives=30 detractors=20'::nps_summary,
                         'nps v1 promoters=40 passives=30 detractors=30'::nps_summary))
SELECT round(p_value(a, b)::numeric, 6) AS p,
       round(normal_two_sided_p((30 - 10) / sqrt((10000 * (0.7 - 0.09) / 100) + (10000 * (0.7 - 0.01) / 100)))::numeric, 6) AS reference
FROM v;
-- CSAT: satisfied shares 60 of 80 against 50 of 80.
SELECT round(p_value(a, b)::numeric, 6) AS p,
       round(normal_two_sided_p((60 - 50) / 80.0 / sqrt(110 / 160.0 * 50 / 160.0 * 2 / 80.0))::numeric, 6) AS reference
FROM (VALUES ('csat v1 scale=5 counts=10,5,5,30,30'::csat_summary, 'csat v1 scale=5 counts=10,10,10,25,25'::csat_summary)) v(a, b);
-- Equal shares give 1; summaries without answers give NULL.
SELECT p_value('rate v1 hits=5 trials=10'::rate_summary, 'rate v1 hits=50 trials=100'),
       p_value('rate v1 hits=0 trials=10'::rate_summary, 'rate v1 hits=0 trials=100'),
       p_value('rate v1 hits=0 trials=0'::rate_summary, 'rate v1 hits=0 trials=100'),
       p_value('nps v1 promoters=1 passives=0 detractors=0'::nps_summary, 'nps v1 promoters=0 passives=0 detractors=1');

-- Welch's t-test against Student's t tail integrated in SQL, with t = sqrt(df) tan(theta):
-- P(|T| >= t) = integral over [atan(t / sqrt(df)), pi/2] of cos^(df-1) / the same over [0, pi/2].
CREATE FUNCTION t_two_sided_p(t float8, df float8) RETURNS float8 LANGUAGE sql AS $$
    SELECT sum(CASE WHEN theta >= atan(abs(t) / sqrt(df)) THEN f ELSE 0 END) / sum(f)
    FROM (SELECT CASE WHEN (df - 1) * ln(cos(theta)) < -700 THEN 0 ELSE exp((df - 1) * ln(cos(theta))) END AS f, theta
          FROM (SELECT (k + 0.5) * pi() / 2 / 200000 AS theta FROM generate_series(0, 199999) k) k) s
$$;
CREATE TABLE waits AS
SELECT CASE WHEN i <= 40 THEN 'a' ELSE 'b' END AS grp,
       make_interval(secs => CASE WHEN i <= 40 THEN 300 + abs(hashint4(i)) % 240 ELSE 330 + abs(hashint4(i)) % 400 END) AS w
FROM generate_series(1, 100) i;
WITH m AS (
    SELECT grp, duration_agg(w) AS s, avg(extract(epoch FROM w)) AS mean, var_samp(extract(epoch FROM w)) AS var, count(*) AS n
    FROM waits GROUP BY grp
), ab AS (
    SELECT a.s AS sa, b.s AS sb, (a.mean - b.mean) / sqrt(a.var / a.n + b.var / b.n) AS t,
           (a.var / a.n + b.var / b.n) ^ 2 / ((a.var / a.n) ^ 2 / (a.n - 1) + (b.var / b.n) ^ 2 / (b.n - 1)) AS df
    FROM m a, m b WHERE a.grp = 'a' AND b.grp = 'b'
)
SELECT round(p_value(sa, sb)::numeric, 6) AS p, round(t_two_sided_p(t, df)::numeric, 6) AS reference,
       round(t::numeric, 4) AS t, round(df::numeric, 2) AS df
FROM ab;

-- Mean intervals use Student's t: t(0.975, 10) = 2.228138852 and
-- t(0.995, 10) = 3.169272673 from published tables.
WITH w AS (SELECT make_interval(secs => 60 * x) AS d FROM unnest(ARRAY[3, 5, 4, 8, 2, 9, 6, 7, 5, 4, 12]) x)
SELECT ci_low(duration_agg(d)) AS low, mean(duration_agg(d)), ci_high(duration_agg(d)) AS high,
       abs(extract(epoch FROM ci_high(duration_agg(d))) - (avg(extract(epoch FROM d)) + 2.228138852 * stddev_samp(extract(epoch FROM d)) / sqrt(11))) < 1e-5 AS t95_ok,
       abs(extract(epoch FROM ci_high(duration_agg(d), 0.99)) - (avg(extract(epoch FROM d)) + 3.169272673 * stddev_samp(extract(epoch FROM d)) / sqrt(11))) < 1e-5 AS t99_ok
FROM w;
-- Fewer than two durations: no interval.
SELECT ci_low(duration_agg(d)), ci_high(duration_agg(d)), p_value(duration_agg(d), duration_agg(d))
FROM unnest(ARRAY['00:01:00'::interval]) d;

-- Bad confidence levels: 22023.
\set VERBOSITY default
SELECT ci_low('rate v1 hits=1 trials=2'::rate_summary, 1.5);
SELECT ci_high('nps v1 promoters=1 passives=0 detractors=0'::nps_summary, 0);
SELECT nps_margin('nps v1 promoters=1 passives=0 detractors=0'::nps_summary, 1);
SELECT ci_low(csat_agg(5), 'NaN');
SELECT ci_high(duration_agg('1 min'::interval), -0.5);
-- A level given as real (0.949999988 as a double) gets the exact quantile of
-- that level, within 1e-7 of 0.95's: intervals move smoothly with the level.
SELECT ci_high(s, 0.95::real) <> ci_high(s) AS own_z, abs(ci_high(s, 0.95::real) - ci_high(s)) < 1e-5 AS close
FROM (SELECT 'rate v1 hits=0 trials=1'::rate_summary AS s) x;
