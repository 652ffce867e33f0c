import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseBefore } from '../support/migration-db';

// 20261129120000_spans_time_first_key drops the trace-id-first index that poll answers looked their traces up
// through: answers old enough to be settled take their trace's latency in the migration, newer ones stay to
// be settled (and are looked up live until then).
const MIGRATION = '20261129120000_spans_time_first_key';
let database: Awaited<ReturnType<typeof databaseBefore>>;

beforeAll(async () => {
  database = await databaseBefore(inject('adminUrl'), MIGRATION);
});
afterAll(async () => {
  await database?.drop();
});

describe(MIGRATION, () => {
  it('settles the traces of answers received before it, and keeps the key unique', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const now = Date.now();
      const span = async (trace: string, spanId: string, startMs: number, ms: number, service: string) => {
        const start = new Date(startMs);
        await pool.query(`SELECT telemetry.ensure_day_partition('spans', $1::date)`, [
          start.toISOString().slice(0, 10),
        ]);
        await pool.query(
          `INSERT INTO telemetry.spans (project_id, trace_id, span_id, start_time, duration_ms, name, kind, status_code,
             service, release, environment, route, method, http_status, is_request, is_error, payload_id)
           VALUES (7, decode($1, 'hex'), decode($2, 'hex'), $3, $4, 'GET /a', 2, 0, $5, 'v1', 'prod', '/a', 'GET', 200,
             true, false, 0)`,
          [trace, spanId, start, ms, service],
        );
      };
      const answer = (trace: string, receivedMs: number, comment: string) =>
        pool.query(
          `INSERT INTO telemetry.feedback (project_id, received_at, rating, scale, trigger, path, comment, trace_id, origin)
           VALUES (7, $1, 4, 5, 'manual', '/a', $2, decode($3, 'hex'), 'https://shop.example')`,
          [new Date(receivedMs), comment, trace],
        );
      await span('aa'.repeat(16), '01'.repeat(8), now - 3_600_000, 812, 'checkout');
      await span('aa'.repeat(16), '02'.repeat(8), now - 3_599_990, 40, 'db');
      await span('bb'.repeat(16), '03'.repeat(8), now - 60_000, 90, 'checkout');
      await answer('aa'.repeat(16), now - 3_590_000, 'old');
      await answer('cc'.repeat(16), now - 3_590_000, 'old, no trace');
      await answer('bb'.repeat(16), now - 50_000, 'recent');

      expect((await database.migrate()).applied).toContain(MIGRATION);
      const { rows } = await pool.query(
        'SELECT comment, trace_ms, trace_service, trace_settled FROM telemetry.feedback ORDER BY comment',
      );
      expect(rows).toEqual([
        { comment: 'old', trace_ms: 812, trace_service: 'checkout', trace_settled: true },
        { comment: 'old, no trace', trace_ms: null, trace_service: null, trace_settled: true },
        { comment: 'recent', trace_ms: null, trace_service: null, trace_settled: false },
      ]);
      // The same span again (a retried export) is still refused by the reordered natural key.
      await expect(span('aa'.repeat(16), '01'.repeat(8), now - 3_600_000, 812, 'checkout')).rejects.toThrow(
        /spans_natural_key|duplicate key/,
      );
    } finally {
      await pool.end();
    }
  });
});
