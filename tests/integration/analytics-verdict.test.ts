import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseVerdict } from '../../lib/analytics/release-verdict';
import { runVerdict } from '../../lib/cli/verdict';
import { closePool, initPool } from '../../lib/db/pool';
import type { SpanRow } from '../../lib/ingest/rows';
import { lognormal, seededRandom } from '../../lib/sketch/test-samples';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { DAY, HOUR, span, store } from './analytics-support';

// The release verdict on synthetic releases stored through the ingest writer: a real regression is
// called worse (and fails the CLI), an identical release is "no significant change", a trickle of
// requests is "insufficient data".

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
const base = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
const window = { fromMs: base - DAY, toMs: base + 2 * DAY };

function release(
  service: string,
  name: string,
  startMs: number,
  n: number,
  medianMs: number,
  errorRate: number,
  seed: number,
): SpanRow[] {
  const random = seededRandom(seed);
  const dist = lognormal(medianMs, 0.5);
  return Array.from({ length: n }, () =>
    span({
      service,
      release: name,
      route: '/checkout',
      startMs: startMs + Math.floor(random() * 10 * HOUR),
      durationMs: dist(random),
      error: random() < errorRate,
    }),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  projectId = (await createTenant(database.url)).projectId;
  await store(pool, projectId, [
    ...release('shop', 'v1', base, 4000, 100, 0.01, 1),
    ...release('shop', 'v2', base + 12 * HOUR, 4000, 140, 0.04, 2),
    ...release('calm', 'v1', base, 4000, 100, 0.01, 3),
    ...release('calm', 'v2', base + 12 * HOUR, 4000, 100, 0.01, 4),
    ...release('tiny', 'v1', base, 40, 100, 0, 5),
    ...release('tiny', 'v2', base + 12 * HOUR, 40, 300, 0, 6),
  ]);
  initPool(database.url, 4); // the CLI reads through the process pool
});

afterAll(async () => {
  await closePool();
  await pool?.end();
  await database?.drop();
});

const verdicts = (v: Awaited<ReturnType<typeof releaseVerdict>>) =>
  Object.fromEntries(v.metrics.map((m) => [m.metric, m.verdict]));

describe('release verdict', () => {
  it('calls a slower, more failing release worse (baseline: the previous release)', async () => {
    const v = await releaseVerdict(pool, { projectId, service: 'shop', release: 'v2', ...window });
    expect(v.baseline?.release).toBe('v1');
    expect(v.candidate.count).toBe(4000);
    expect(verdicts(v)).toMatchObject({ p50: 'worse', p95: 'worse', p99: 'worse', errorRate: 'worse' });
    const p50 = v.metrics.find((m) => m.metric === 'p50');
    expect(p50?.deltaPct).toBeGreaterThan(30);
    expect(p50?.ci?.[0]).toBeGreaterThan(0);
    expect(v.regression).toBe(true);
  });

  it('judges the baseline on its own recent traffic when the window only holds the candidate', async () => {
    const v = await releaseVerdict(pool, { projectId, service: 'shop', release: 'v2', fromMs: base + 12 * HOUR, toMs: window.toMs });
    expect(v.baseline).toMatchObject({ release: 'v1', count: 4000 });
    expect(v.regression).toBe(true);
  });

  it('finds no significant change between identical releases', async () => {
    const v = await releaseVerdict(pool, { projectId, service: 'calm', release: 'v2', ...window });
    expect(verdicts(v)).toMatchObject({
      p50: 'no significant change',
      p95: 'no significant change',
      p99: 'no significant change',
      errorRate: 'no significant change',
    });
    expect(v.regression).toBe(false);
  });

  it('reads the same comparison backwards as better, with an explicit baseline', async () => {
    const v = await releaseVerdict(pool, { projectId, service: 'shop', release: 'v1', baseline: 'v2', ...window });
    expect(verdicts(v)).toMatchObject({ p50: 'better', p95: 'better', errorRate: 'better' });
    expect(v.regression).toBe(false);
  });

  it('refuses to judge 40 requests', async () => {
    const v = await releaseVerdict(pool, { projectId, service: 'tiny', release: 'v2', ...window });
    expect(new Set(v.metrics.map((m) => m.verdict))).toEqual(new Set(['insufficient data']));
    expect(v.regression).toBe(false);
  });

  it('has no baseline for the first release and 404s an unknown one', async () => {
    const first = await releaseVerdict(pool, { projectId, service: 'shop', release: 'v1', ...window });
    expect(first.baseline).toBeNull();
    await expect(releaseVerdict(pool, { projectId, service: 'shop', release: 'v9', ...window })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('tailwatch verdict (CLI)', () => {
  const args = (service: string, extra: string[] = []) => [
    '--project',
    String(projectId),
    '--service',
    service,
    '--release',
    'v2',
    '--from',
    new Date(window.fromMs).toISOString(),
    '--to',
    new Date(window.toMs).toISOString(),
    ...extra,
  ];

  it('exits 1 on a regression, 0 without, 2 on bad usage', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await runVerdict(args('shop'))).toBe(1);
      expect(out.join('')).toMatch(/p95\s.*worse/);
      expect(out.join('')).toContain('REGRESSION');
      initPool(database.url, 4);
      expect(await runVerdict(args('calm'))).toBe(0);
      initPool(database.url, 4);
      out.length = 0;
      expect(await runVerdict(args('calm', ['--json']))).toBe(0);
      expect(JSON.parse(out.join('')).regression).toBe(false);
      initPool(database.url, 4);
      expect(await runVerdict(['--service', 'shop'])).toBe(2);
      expect(await runVerdict(['--bogus'])).toBe(2);
      initPool(database.url, 4);
      expect(await runVerdict(args('nope'))).toBe(2);
    } finally {
      process.stdout.write = write;
      process.stderr.write = errWrite;
      initPool(database.url, 4);
    }
  });
});
