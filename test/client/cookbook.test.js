// Reads the cookbook views (demo/cookbook.sql) through node-pg, a client that
// knows nothing of csmetrics, and checks what the values arrive as. node-pg's
// documented defaults (text protocol, pg-types):
//   double precision -> JS number       bigint, numeric -> string (no precision lost)
//   interval -> PostgresInterval object  date -> Date at local midnight
//   any type it has no parser for (the csmetrics summaries) -> its text form
// Connects with the PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE it inherits,
// and works in a database of its own that it creates and drops.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const DB = 'csmetrics_client_test';
const read = (file) => fs.readFileSync(path.join(__dirname, file), 'utf8');

describe('csmetrics cookbook views through node-pg', () => {
  let client;

  before(async () => {
    const admin = new Client();
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();

    client = new Client({ database: DB });
    await client.connect();
    // Weeks are the reporting zone's (UTC), whatever the session's.
    await client.query("SET timezone = 'America/Los_Angeles'");
    await client.query('CREATE EXTENSION csmetrics');
    // A multi-statement string goes through the simple query protocol.
    await client.query(read('../../demo/cookbook.sql'));
    await client.query(read('data.sql'));
    await client.query("CALL refresh_daily_metrics('2025-03-01', '2025-03-31')");
  });

  after(async () => {
    if (client) await client.end();
    const admin = new Client();
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.end();
  });

  const byChannel = async (sql) => {
    const { rows } = await client.query(sql);
    return Object.fromEntries(rows.map((r) => [r.channel, r]));
  };

  it('double precision metrics arrive as JS numbers', async () => {
    const nps = await byChannel('SELECT channel, nps, nps_margin FROM weekly_nps');
    assert.equal(typeof nps.email.nps, 'number');
    assert.equal(nps.email.nps, 100);          // one promoter
    assert.equal(nps.phone.nps, 0);            // 9 and 3: one promoter, one detractor
    assert.equal(typeof nps.phone.nps_margin, 'number');
    const [abandon] = (await client.query('SELECT abandonment_pct FROM weekly_abandonment')).rows;
    assert.equal(abandon.abandonment_pct, 100 / 3);   // 1 of 3 calls, float8 round-trips exactly
  });

  it('bigint counts and numeric money arrive as strings', async () => {
    const nps = await byChannel('SELECT channel, responses FROM weekly_nps');
    assert.equal(nps.phone.responses, '2');
    const { rows: [cost] } = await client.query('SELECT cost, tickets, cost_per_ticket FROM monthly_cost_per_ticket');
    assert.equal(cost.cost, '1000.00');
    assert.equal(cost.tickets, '4');
    assert.equal(cost.cost_per_ticket, '250.00');
  });

  it('weeks arrive as Dates at local midnight', async () => {
    const { rows: [row] } = await client.query('SELECT week FROM weekly_ticket_volume LIMIT 1');
    assert.ok(row.week instanceof Date);
    assert.deepEqual([row.week.getFullYear(), row.week.getMonth() + 1, row.week.getDate()], [2025, 3, 3]);
  });

  it('intervals arrive as PostgresInterval objects', async () => {
    const { rows: [call] } = await client.query('SELECT aht FROM weekly_aht');
    assert.equal(call.aht.constructor.name, 'PostgresInterval');
    // (10 min + 9 min 12 s) / 2
    assert.equal(call.aht.minutes, 9);
    assert.equal(call.aht.seconds, 36);
    assert.equal(call.aht.hours, undefined);
    assert.equal(call.aht.toPostgres(), '36 seconds 9 minutes');

    // Durations past a day stay in hours, as csmetrics returns them.
    const res = await byChannel('SELECT channel, resolution_mean FROM weekly_resolution_time');
    assert.deepEqual({ ...res.email.resolution_mean }, { hours: 36, minutes: 7, seconds: 30 });

    // Fractions of a second arrive as milliseconds.
    const { rows: [frac] } = await client.query("SELECT mean(duration_agg(d)) AS m FROM unnest('{1 s, 2 s, 2 s}'::interval[]) d");
    assert.equal(frac.m.seconds, 1);
    assert.equal(frac.m.milliseconds, 666.667);
  });

  it('a summary column arrives as its text form, and goes back as a parameter', async () => {
    const result = await client.query('SELECT nps_agg(nps_score) AS s, duration_agg(agent_reply_at - customer_message_at) AS d FROM surveys, ticket_replies WHERE surveys.ticket_id = ticket_replies.ticket_id');
    const [row] = result.rows;
    assert.equal(typeof row.s, 'string');
    assert.equal(row.s, 'nps v1 promoters=2 passives=0 detractors=1');
    assert.match(row.d, /^duration v2 count=3 sum_us=3690000000 /);
    // Extension types have OIDs past the built-in range: node-pg has no parser for them.
    assert.ok(result.fields[0].dataTypeID >= 16384);

    const { rows: [back] } = await client.query('SELECT nps($1::nps_summary) AS nps, responses($1::nps_summary) AS n', [row.s]);
    assert.equal(back.nps, 100 / 3);
    assert.equal(back.n, '3');
  });

  it('the bi views give durations as JS numbers in the unit of their name', async () => {
    const { rows: [call] } = await client.query('SELECT aht_minutes FROM bi.weekly_aht');
    assert.equal(call.aht_minutes, 9.6);       // 9 min 36 s
    const res = await byChannel('SELECT channel, resolution_mean_hours FROM bi.weekly_resolution_time');
    assert.equal(res.email.resolution_mean_hours, 36.125);   // 36:07:30
    const daily = await byChannel("SELECT channel, first_response_median_minutes, aht_minutes FROM bi.daily_metrics WHERE day = '2025-03-03'");
    assert.equal(daily.email.first_response_median_minutes, 60);
    assert.equal(daily.phone.first_response_median_minutes, 0.5);
    assert.equal(daily.email.aht_minutes, null);
    // No column of any bi view is an interval or a csmetrics type.
    const { rows: types } = await client.query(`
      SELECT DISTINCT format_type(a.atttypid, NULL) AS type
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'bi'::regnamespace AND a.attnum > 0 ORDER BY 1`);
    assert.deepEqual(types.map((t) => t.type), ['bigint', 'date', 'double precision', 'numeric', 'text']);
  });

  it('weeks are the reporting zone\'s whatever the session\'s', async () => {
    // 23:30 UTC on Sunday 2025-03-02 is Monday morning in Tokyo.
    await client.query('BEGIN');
    try {
      await client.query("INSERT INTO tickets (id, channel, team, customer_id, created_at, status) VALUES (5, 'chat', 'billing', 1, '2025-03-02 23:30+00', 'new')");
      const read = async () => (await client.query("SELECT week::text AS week FROM bi.weekly_ticket_volume WHERE channel = 'chat'")).rows[0].week;
      await client.query("SET LOCAL timezone = 'Asia/Tokyo'");
      assert.equal(await read(), '2025-02-24');    // the reporting zone is UTC
      await client.query("UPDATE reporting_settings SET time_zone = 'Asia/Tokyo'");
      await client.query("SET LOCAL timezone = 'America/Los_Angeles'");
      assert.equal(await read(), '2025-03-03');
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('the staffing view arrives as numbers, with half hours as time strings', async () => {
    const { rows } = await client.query(
      'SELECT isodow, half_hour, offered_calls, agents, scheduled_agents, service_level_pct, occupancy_pct '
      + 'FROM staffing_half_hourly WHERE offered_calls > 0 ORDER BY isodow, half_hour');
    // Mon 11:00 one call of 10 min; Tue 13:30 an abandoned call (the queue's AHT, 9 min 36 s);
    // Tue 14:00 one of 9 min 12 s. One week: A = 0.33, 0.32, 0.31 erlangs, for which one agent
    // answers only 67-70% within 20 s (M/M/1: 1 - A exp(-(1 - A) 20 s / AHT)), so two are needed.
    assert.deepEqual(rows.map((r) => [r.isodow, r.half_hour, r.offered_calls, r.agents, r.scheduled_agents]),
      [[1, '11:00:00', '1', 2, 3], [2, '13:30:00', '1', 2, 3], [2, '14:00:00', '1', 2, 3]]);
    assert.equal(typeof rows[0].service_level_pct, 'number');
    assert.ok(rows.every((r) => r.service_level_pct >= 80 && r.occupancy_pct <= 85));
    const { rows: [all] } = await client.query('SELECT count(*) AS half_hours, sum(agents) AS agents FROM staffing_half_hourly');
    assert.deepEqual({ ...all }, { half_hours: '336', agents: '6' });
  });

  it('the rollup views read the stored daily summaries as plain columns', async () => {
    const m = await byChannel('SELECT channel, tickets, nps, csat_pct, aht FROM monthly_rollup');
    assert.equal(m.phone.tickets, '2');
    assert.equal(m.phone.nps, 0);
    assert.equal(m.phone.csat_pct, 50);        // 4 and 2 of 5
    assert.equal(m.phone.aht.minutes, 9);
    assert.equal(m.phone.aht.seconds, 36);
    assert.equal(m.email.csat_pct, 100);
    assert.equal(m.email.aht, null);           // no calls on email
  });
});
