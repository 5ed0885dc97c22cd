-- Binary COPY round trips, and crafted binary values rejected by the
-- receive functions (a bytea column copied out in binary carries raw bytes
-- that COPY FROM then hands to the receive function).

-- Server-side COPY: the server writes and reads this file.
SELECT '/tmp/csmetrics_regress_' || pg_backend_pid() || '.bin' AS copy_file \gset

CREATE TABLE stored (day int, nps_s nps_summary, csat_s csat_summary, rate_s rate_summary, aht_s aht_summary,
                     duration_s duration_summary);
INSERT INTO stored
SELECT d, nps_agg(s), csat_agg(r, 7), rate_agg(s > 5), NULL, duration_agg(s * interval '1 minute' + r * interval '1 ms')
FROM (SELECT i % 4 AS d, abs(hashint4(i)) % 11 AS s, 1 + abs(hashint4(i * 3)) % 7 AS r
      FROM generate_series(1, 1000) i) t GROUP BY d;
INSERT INTO stored VALUES (4, 'nps v1 promoters=0 passives=0 detractors=0', 'csat v1 scale=0 counts=',
                           'rate v1 hits=0 trials=0', 'aht v1 contacts=0 total_us=0',
                           'duration v1 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets='),
                          (5, 'nps v1 promoters=9223372036854775807 passives=0 detractors=0',
                           'csat v1 scale=10 counts=1,2,3,4,5,6,7,8,9,10', 'rate v1 hits=5 trials=9',
                           'aht v1 contacts=3 total_us=9223372036854775807',
                           'duration v1 count=1 sum_us=9223372036854775807 sumsq_us2=85070591730234615847396907784232501249 min_us=9223372036854775807 max_us=9223372036854775807 buckets=3711:1'),
                          (6, NULL, NULL, NULL, NULL, NULL);

COPY stored TO :'copy_file' (FORMAT binary);
CREATE TABLE restored (LIKE stored);
COPY restored FROM :'copy_file' (FORMAT binary);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.nps_s = r.nps_s AND s.csat_s = r.csat_s AND s.rate_s = r.rate_s) AS equal,
       count(*) FILTER (WHERE s.aht_s = r.aht_s) AS aht_equal,
       count(*) FILTER (WHERE s.duration_s = r.duration_s) AS duration_equal,
       count(*) FILTER (WHERE s.nps_s IS NULL AND r.nps_s IS NULL) AS both_null
FROM stored s JOIN restored r USING (day);

-- Text COPY round trip too.
COPY stored TO :'copy_file';
TRUNCATE restored;
COPY restored FROM :'copy_file';
SELECT count(*) FILTER (WHERE s.nps_s = r.nps_s AND s.csat_s = r.csat_s AND s.rate_s = r.rate_s) AS equal,
       count(*) FILTER (WHERE s.duration_s = r.duration_s) AS duration_equal
FROM stored s JOIN restored r USING (day);

-- The binary form, byte for byte.
SELECT nps_summary_send('nps v1 promoters=1 passives=2 detractors=3');
SELECT csat_summary_send('csat v1 scale=2 counts=4,5');
SELECT csat_summary_send('csat v1 scale=0 counts=');
SELECT rate_summary_send('rate v1 hits=1 trials=2');
SELECT aht_summary_send('aht v1 contacts=1 total_us=2');
SELECT duration_summary_send('duration v2 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=BQCdAQA=');
SELECT duration_summary_send('duration v2 count=0 sum_us=0 sumsq_us2=0 min_us=0 max_us=0 buckets=');

-- Crafted values: a valid one first, then each kind of damage.
CREATE TABLE one_nps (s nps_summary);
CREATE TABLE one_csat (s csat_summary);
CREATE TABLE one_rate (s rate_summary);
CREATE TABLE one_aht (s aht_summary);
CREATE TABLE one_duration (s duration_summary);
\set VERBOSITY default

COPY (SELECT '\x01000000000000000100000000000000020000000000000003'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
SELECT * FROM one_nps;
-- wrong version
COPY (SELECT '\x02000000000000000100000000000000020000000000000003'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- truncated
COPY (SELECT '\x010000000000000001000000000000000200000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- extra byte
COPY (SELECT '\x0100000000000000010000000000000002000000000000000300'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- empty
COPY (SELECT '\x'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- negative count
COPY (SELECT '\x01ffffffffffffffff00000000000000020000000000000003'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- counts whose total overflows
COPY (SELECT '\x017fffffffffffffff00000000000000020000000000000003'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_nps FROM :'copy_file' (FORMAT binary);
-- csat: scale 11, scale 1, counts missing, negative scale, short scale
COPY (SELECT '\x010000000b'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_csat FROM :'copy_file' (FORMAT binary);
COPY (SELECT '\x0100000001'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_csat FROM :'copy_file' (FORMAT binary);
COPY (SELECT '\x01000000020000000000000004'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_csat FROM :'copy_file' (FORMAT binary);
COPY (SELECT '\x01ffffffff'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_csat FROM :'copy_file' (FORMAT binary);
COPY (SELECT '\x010000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_csat FROM :'copy_file' (FORMAT binary);
-- rate: hits above trials
COPY (SELECT '\x0100000000000000030000000000000002'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_rate FROM :'copy_file' (FORMAT binary);
-- aht: time without contacts
COPY (SELECT '\x0100000000000000000000000000000005'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_aht FROM :'copy_file' (FORMAT binary);
-- duration, version 1 (csmetrics 0.1): a valid value (buckets 5 and 164,
-- written by 0.1), then a short header, a bucket count too large, fewer
-- bucket bytes than announced, decreasing indexes, counts that do not add
-- up, a minimum outside the first bucket, and a negative minimum.
\set v1_duration '\\x010000000000000002000000000000000000000000000000cd00000000000000000000000000009c59000000000000000500000000000000c8000000020005000000000000000100a40000000000000001'
COPY (SELECT :'v1_duration'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
SELECT s, s = 'duration v1 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=5:1,164:1' AS same_as_v1_text FROM one_duration;
COPY (SELECT '\x0100000000000000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 57) || '\x7fffffff'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 57) || '\x00000001'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 61) || '\x00a40000000000000001' || '\x00050000000000000001'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 61) || '\x00050000000000000001' || '\x00a40000000000000002'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 61) || '\x00060000000000000001' || '\x00a40000000000000001'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT substr(:'v1_duration'::bytea, 1, 41) || '\xffffffffffffffff'::bytea || substr(:'v1_duration'::bytea, 50)) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
-- duration, version 2: the same value, then a version this code does not
-- know, a negative list length, a list shorter than announced, a number cut
-- short, a number not in its shortest form, an index past 3711 (directly,
-- and by adjacency), a count past 2^63 - 1, a list that announces a bucket
-- it lacks, and a list that does not match the statistics.
\set v2_head '\\x020000000000000002000000000000000000000000000000cd00000000000000000000000000009c59000000000000000500000000000000c8'
COPY (SELECT :'v2_head'::bytea || '\x000000050500 9d0100'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
SELECT count(*) AS rows, bool_and(s = 'duration v1 count=2 sum_us=205 sumsq_us2=40025 min_us=5 max_us=200 buckets=5:1,164:1') AS all_equal FROM one_duration;
COPY (SELECT '\x03'::bytea || substr(:'v2_head'::bytea, 2) || '\x000000050500 9d0100'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\xffffffff'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x000000060500 9d0100'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x000000040500 9d81'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x000000060500 9d818000'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x00000003a01f00'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x00000004ff1c0100'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x0000000b05feffffffffffffffff01'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x000000020501'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
COPY (SELECT :'v2_head'::bytea || '\x00000005 0600 9c0100'::bytea) TO :'copy_file' (FORMAT binary);
COPY one_duration FROM :'copy_file' (FORMAT binary);
-- business_calendar: binary round trip through COPY, and a bad value.
CREATE TABLE calendars (c business_calendar);
INSERT INTO calendars VALUES ('mon-fri 09:00-17:00; sat 10:00-12:00; tz Asia/Kolkata; holidays 2025-01-26');
COPY calendars TO :'copy_file' (FORMAT binary);
COPY calendars FROM :'copy_file' (FORMAT binary);
SELECT count(DISTINCT c::text) AS distinct_calendars, count(*) FROM calendars;
COPY (SELECT '\x01'::bytea || convert_to('mon-fri 17:00-09:00', 'UTF8')) TO :'copy_file' (FORMAT binary);
COPY calendars FROM :'copy_file' (FORMAT binary);
SELECT count(*) AS accepted FROM one_csat;
-- Leave only an empty file behind.
COPY (SELECT) TO :'copy_file';
