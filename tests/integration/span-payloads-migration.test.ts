import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getTrace } from '@/lib/analytics/get-trace';
import { databaseBefore } from '../support/migration-db';

// 20261129080000_span_payloads moves the attribute/resource/event columns of spans stored before it into
// telemetry.span_payloads: a database with such spans keeps every detail through the upgrade.
const PAYLOADS = '20261129080000_span_payloads';
let database: Awaited<ReturnType<typeof databaseBefore>>;

beforeAll(async () => {
  database = await databaseBefore(inject('adminUrl'), PAYLOADS);
});
afterAll(async () => {
  await database?.drop();
});

describe(PAYLOADS, () => {
  it('keeps the details of spans stored before it, readable by the trace view', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
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
      expect((await database.migrate()).applied).toContain(PAYLOADS);
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
