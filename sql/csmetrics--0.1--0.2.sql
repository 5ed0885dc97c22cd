-- csmetrics 0.1 -> 0.2.  A fresh install of 0.2 runs csmetrics--0.1.sql and
-- then this script (as contrib's hstore does), so an upgraded database and a
-- new one have the same objects by construction.
\echo Use "ALTER EXTENSION csmetrics UPDATE TO '0.2'" to load this file. \quit
