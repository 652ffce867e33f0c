import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryRows } from '@/lib/ingest/copy-binary';
import { copyBinary } from '@/lib/ingest/copy-stream';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The binary COPY encoder against a real PostgreSQL: every type the span and payload rows use, read back.
let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const COLUMNS = 'a, b, c, d, e, f, g, h';

describe('BinaryRows', () => {
  it('round-trips int2/int4/int8/float8/bool/text/bytea/timestamptz values and NULL', async () => {
    const cases = [
      {
        i2: -7,
        i4: 2_147_483_647,
        i8: 2 ** 53 - 1,
        f8: 0.1,
        b: true,
        t: 'zoë 東京 🚀\ttab\\',
        hex: 'ab'.repeat(16),
        us: Date.UTC(2026, 10, 29, 1, 2, 3) * 1000 + 456_789,
      },
      { i2: 32_767, i4: -1, i8: -(2 ** 40) - 3, f8: -1e300, b: false, t: '', hex: '00ff', us: -1 },
      { i2: 1, i4: 2, i8: 3, f8: 4, b: false, t: 'GET /api/orders/:id', hex: 'ABCDEF0123456789', us: 0 },
      { i2: 1, i4: 2, i8: 3, f8: 4, b: false, t: `${'a'.repeat(63)}é`, hex: '7f80', us: 0 },
      {
        i2: 0,
        i4: 0,
        i8: 0,
        f8: 5e-324,
        b: true,
        t: 'x'.repeat(300),
        hex: '',
        us: Date.UTC(1999, 11, 31, 23, 59, 59) * 1000 + 999_999,
      },
    ];
    const out = new BinaryRows(16); // grows
    for (const c of cases) {
      out.row(8);
      out.int2(c.i2);
      out.int4(c.i4);
      out.int8(c.i8);
      out.float8(c.f8);
      out.bool(c.b);
      out.text(c.t);
      out.hexBytes(c.hex);
      out.timestampMicros(c.us);
    }
    out.row(8);
    for (let i = 0; i < 8; i++) out.null();
    const client = await pool.connect();
    try {
      await client.query(
        'CREATE TEMP TABLE bin (n serial, a int2, b int4, c int8, d float8, e bool, f text, g bytea, h timestamptz)',
      );
      await copyBinary(client, 'bin', COLUMNS, out.bytes());
      const { rows } = await client.query(
        `SELECT a, b, c::text AS c, d, e, f, encode(g, 'hex') AS g,
                (extract(epoch FROM h) * 1000000)::bigint::text AS h FROM bin ORDER BY n`,
      );
      expect(rows.slice(0, cases.length)).toEqual(
        cases.map((c) => ({
          a: c.i2,
          b: c.i4,
          c: String(c.i8),
          d: c.f8,
          e: c.b,
          f: c.t,
          g: c.hex.toLowerCase(),
          h: String(c.us),
        })),
      );
      expect(rows[cases.length]).toEqual({ a: null, b: null, c: null, d: null, e: null, f: null, g: null, h: null });
    } finally {
      client.release();
    }
  });

  it('refuses ids that are not whole hex bytes instead of writing a shorter bytea', () => {
    for (const bad of ['abc', 'zz11', '12 4', '0\u0130', '\u0130\u0130']) expect(() => new BinaryRows().hexBytes(bad)).toThrow(/not hex/);
    expect(() => new BinaryRows().hexBytes('00ff')).not.toThrow();
  });

  it('stores bytes unchanged (a request body)', async () => {
    const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) & 0xff));
    const out = new BinaryRows();
    out.row(1);
    out.bytea(body);
    const client = await pool.connect();
    try {
      await client.query('CREATE TEMP TABLE blobs (body bytea)');
      await copyBinary(client, 'blobs', 'body', out.bytes());
      const { rows } = await client.query<{ body: Buffer }>('SELECT body FROM blobs');
      expect(rows[0].body.equals(body)).toBe(true);
    } finally {
      client.release();
    }
  });
});
