-- COPY ... FROM ... WITH (ON_ERROR ignore) (PostgreSQL 17 and later; the
-- Makefile runs this suite only there): a file of exported summaries and
-- calendars with a few damaged lines loads its good lines and skips the
-- damaged ones, because every input function reports bad input softly.

-- The rows exported, one per group, of every summary type and a calendar.
CREATE TABLE exported AS
SELECT g AS id, nps_agg(s) AS nps, csat_agg(1 + s % 5) AS csat, ces_agg(1 + s % 7) AS ces,
       rate_agg(s > 6) AS rate,
       format('aht v1 contacts=%s total_us=%s', count(*), sum(s) * 1000000)::aht_summary AS aht,
       duration_agg(s * interval '7 minutes') AS duration,
       format('mon-fri 09:00-17:00; tz UTC; holidays 2025-12-%s', 20 + g)::business_calendar AS calendar
FROM (SELECT i % 4 AS g, abs(hashint4(i)) % 11 AS s FROM generate_series(1, 400) i) t
GROUP BY g;

-- Its text COPY output (COPY exported TO STDOUT) loaded back, with seven damaged lines (ids 10-16), one
-- field of each type broken: a typo, a missing count, an unknown format
-- version, more hits than trials, handle time without contacts, a cut-off
-- bucket list and a misspelt time zone.
CREATE TABLE loaded (LIKE exported);
COPY loaded FROM STDIN WITH (ON_ERROR ignore, LOG_VERBOSITY verbose);
0	nps v1 promoters=21 passives=13 detractors=66	csat v1 scale=5 counts=31,15,14,19,21	ces v1 scale=7 counts=21,12,18,23,10,7,9	rate v1 hits=34 trials=100	aht v1 contacts=100 total_us=484000000	duration v1 count=100 sum_us=203280000000 sumsq_us2=604699200000000000000 min_us=0 max_us=4200000000 buckets=0:14,1508:6,1572:7,1611:13,1636:10,1661:7,1675:9,1687:7,1700:6,1712:11,1725:10	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-20
10	nps v1 promoters=l4 passives=15 detractors=71	csat v1 scale=5 counts=28,17,20,18,17	ces v1 scale=7 counts=19,14,20,17,8,13,9	rate v1 hits=29 trials=100	aht v1 contacts=100 total_us=459000000	duration v1 count=100 sum_us=192780000000 sumsq_us2=527612400000000000000 min_us=0 max_us=4200000000 buckets=0:10,1508:8,1572:11,1611:12,1636:8,1661:13,1675:9,1687:9,1700:6,1712:9,1725:5	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-21
1	nps v1 promoters=14 passives=15 detractors=71	csat v1 scale=5 counts=28,17,20,18,17	ces v1 scale=7 counts=19,14,20,17,8,13,9	rate v1 hits=29 trials=100	aht v1 contacts=100 total_us=459000000	duration v1 count=100 sum_us=192780000000 sumsq_us2=527612400000000000000 min_us=0 max_us=4200000000 buckets=0:10,1508:8,1572:11,1611:12,1636:8,1661:13,1675:9,1687:9,1700:6,1712:9,1725:5	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-21
11	nps v1 promoters=23 passives=19 detractors=58	csat v1 scale=5 counts=32,15,21,12	ces v1 scale=7 counts=24,12,18,19,10,8,9	rate v1 hits=42 trials=100	aht v1 contacts=100 total_us=533000000	duration v1 count=100 sum_us=223860000000 sumsq_us2=689194800000000000000 min_us=0 max_us=4200000000 buckets=0:11,1508:6,1572:8,1611:6,1636:10,1661:8,1675:9,1687:13,1700:6,1712:10,1725:13	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-22
12	nps v1 promoters=23 passives=19 detractors=58	csat v1 scale=5 counts=32,15,21,12,20	ces v2 scale=7 counts=24,12,18,19,10,8,9	rate v1 hits=42 trials=100	aht v1 contacts=100 total_us=533000000	duration v1 count=100 sum_us=223860000000 sumsq_us2=689194800000000000000 min_us=0 max_us=4200000000 buckets=0:11,1508:6,1572:8,1611:6,1636:10,1661:8,1675:9,1687:13,1700:6,1712:10,1725:13	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-22
13	nps v1 promoters=23 passives=19 detractors=58	csat v1 scale=5 counts=32,15,21,12,20	ces v1 scale=7 counts=24,12,18,19,10,8,9	rate v1 hits=142 trials=100	aht v1 contacts=100 total_us=533000000	duration v1 count=100 sum_us=223860000000 sumsq_us2=689194800000000000000 min_us=0 max_us=4200000000 buckets=0:11,1508:6,1572:8,1611:6,1636:10,1661:8,1675:9,1687:13,1700:6,1712:10,1725:13	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-22
14	nps v1 promoters=21 passives=20 detractors=59	csat v1 scale=5 counts=30,18,17,18,17	ces v1 scale=7 counts=19,22,21,15,6,8,9	rate v1 hits=41 trials=100	aht v1 contacts=0 total_us=514000000	duration v1 count=100 sum_us=215880000000 sumsq_us2=666792000000000000000 min_us=0 max_us=4200000000 buckets=0:12,1508:9,1572:10,1611:5,1636:6,1661:8,1675:9,1687:7,1700:13,1712:11,1725:10	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-23
15	nps v1 promoters=21 passives=20 detractors=59	csat v1 scale=5 counts=30,18,17,18,17	ces v1 scale=7 counts=19,22,21,15,6,8,9	rate v1 hits=41 trials=100	aht v1 contacts=100 total_us=514000000	duration v1 count=100 sum_us=215880000000 sumsq_us2=666792000000000000000 min_us=0 max_us=4200000000 buckets=0:12,1508:9,1572:10,1611:5,1636:6,1661:8,1675:9,1687:7,1700:13,171	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-23
16	nps v1 promoters=21 passives=20 detractors=59	csat v1 scale=5 counts=30,18,17,18,17	ces v1 scale=7 counts=19,22,21,15,6,8,9	rate v1 hits=41 trials=100	aht v1 contacts=100 total_us=514000000	duration v1 count=100 sum_us=215880000000 sumsq_us2=666792000000000000000 min_us=0 max_us=4200000000 buckets=0:12,1508:9,1572:10,1611:5,1636:6,1661:8,1675:9,1687:7,1700:13,1712:11,1725:10	mon-fri 09:00-17:00; tz Europe/Berlln
2	nps v1 promoters=23 passives=19 detractors=58	csat v1 scale=5 counts=32,15,21,12,20	ces v1 scale=7 counts=24,12,18,19,10,8,9	rate v1 hits=42 trials=100	aht v1 contacts=100 total_us=533000000	duration v1 count=100 sum_us=223860000000 sumsq_us2=689194800000000000000 min_us=0 max_us=4200000000 buckets=0:11,1508:6,1572:8,1611:6,1636:10,1661:8,1675:9,1687:13,1700:6,1712:10,1725:13	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-22
3	nps v1 promoters=21 passives=20 detractors=59	csat v1 scale=5 counts=30,18,17,18,17	ces v1 scale=7 counts=19,22,21,15,6,8,9	rate v1 hits=41 trials=100	aht v1 contacts=100 total_us=514000000	duration v1 count=100 sum_us=215880000000 sumsq_us2=666792000000000000000 min_us=0 max_us=4200000000 buckets=0:12,1508:9,1572:10,1611:5,1636:6,1661:8,1675:9,1687:7,1700:13,1712:11,1725:10	mon-fri 09:00-17:00; tz UTC; holidays 2025-12-23
\.

-- Every good line is back with every value equal; no damaged line is.
SELECT id, l IS NOT NULL AS loaded, l::text = e::text AS equal
FROM exported e FULL JOIN loaded l USING (id)
ORDER BY id;
