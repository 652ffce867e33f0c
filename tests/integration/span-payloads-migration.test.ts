import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getTrace } from '@/lib/analytics/get-trace';
import { MIGRATIONS_DIR, migrate } from '@/lib/db/migrator';

// 20261129080000_span_payloads moves the attribute/resource/event columns of spans stored before it into
// telemetry.span_payloads: a database with such spans keeps every detail through the upgrade.
const PAYLOADS = '20261129080000_span_payloads';
const adminUrl = inject('adminUrl');
const name = `tw_t_${randomBytes(6).toString('hex')}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
let before: string;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  before = await mkdtemp(path.join(tmpdir(), 'tw-migrations-'));
  for (const entry of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name >= PAYLOADS) continue;
    await cp(path.join(MIGRATIONS_DIR, entry.name), path.join(before, entry.name), { recursive: true });
  }
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await rm(before, { recursive: true, force: true });
});

describe(PAYLOADS, () => {
  it('keeps the details of spans stored before it, readable by the trace view', async () => {
    await migrate(url, before);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const traceId = 'ab'.repeat(16);
      const start = new Date(Date.now() - 3_600_000);
      await pool.query(`SELECT telemetry.ensure_day_partition('spans', $1::date)`, [start.toISOString().slice(0, 10)]);
      for (const [spanId, attributes] of [
        ['01'.repeat(8), { 'url.path': '/a', n: 1 }],
        ['02'.repeat(8), { 'url.path': '/b', nested: { x: [1, 'two'] } }],
      ] as const) {
        await pool.query(
          `INSERT INTO telemetry.spans (project_id, trace_id, span_id, start_time, duration_ms, name, kind, status_code,
             service, release, environment, route, method, http_status, is_request, is_error, attributes, resource, events)
           VALUES (7, decode($1, 'hex'), decode($2, 'hex'), $3, 12.5, 'GET /a', 2, 0, 'api', 'v1', 'prod', '/a', 'GET',
             200, true, false, $4, '{"service.name":"api"}', '[{"name":"retry","timeMs":1,"attributes":{}}]')`,
          [traceId, spanId, start, JSON.stringify(attributes)],
        );
      }
      expect((await migrate(url)).applied).toContain(PAYLOADS);
      const spans = await getTrace(pool, 7, traceId);
      expect(spans.map((s) => [s.spanId, s.attributes, s.resource, s.events])).toEqual([
        [
          '01'.repeat(8),
          { 'url.path': '/a', n: 1 },
          { 'service.name': 'api' },
          [{ name: 'retry', timeMs: 1, attributes: {} }],
        ],
        [
          '02'.repeat(8),
          { 'url.path': '/b', nested: { x: [1, 'two'] } },
          { 'service.name': 'api' },
          [{ name: 'retry', timeMs: 1, attributes: {} }],
        ],
      ]);
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM information_schema.columns
         WHERE table_schema = 'telemetry' AND table_name = 'spans' AND column_name IN ('attributes', 'resource', 'events')`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
