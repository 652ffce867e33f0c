// Dashboard UI benchmark: time to first useful paint (every chart drawn with data) of the overview and
// service pages for a 24 h range, in headless Chromium against the production build, and the route
// JavaScript (every script the page loads, gzipped). Baseline measured in the same run: the trace search
// page (same shell, no data, no charts), so the ratio shows what the dashboards cost on top of the shell.
// Run: npm run bench:ui   (BENCH_SPANS_PER_DAY=300000 for a quick run; default 3,000,000 × 7 days;
// BENCH_UI_SKIP_BUILD=1 to reuse .next; BENCH_UI_RUNS=7). Uses its own database and drops it.
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { migrate } from '../../lib/db/migrator';
import { startAppProcess } from '../support/app-process';
import { launchBrowser, screenshot } from '../support/browser';
import { benchDatabase } from './bench-db';
import { buildDay, type DatasetShape } from './query-dataset';

const DAY_MS = 86_400_000;
const SPANS_PER_DAY = Number(process.env.BENCH_SPANS_PER_DAY ?? 3_000_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const TARGET_PAINT_MS = 1500;
const TARGET_JS_GZ = 250 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const max = (xs: number[]) => Math.max(...xs);

// One queue.depth gauge per service, a point a minute over the last two days.
const QUEUE_POINTS = `
INSERT INTO telemetry.metric_points (project_id, series_key, time, name, unit, kind, service, release, environment, attributes, value)
SELECT $1, 'svc-' || s || '|queue=emails', t, 'queue.depth', '{message}', 'gauge', 'svc-' || s, '', 'production',
       '{"queue":"emails"}', 20 + 15 * sin(extract(epoch FROM t) / 3600.0 + s) + random() * 5
FROM generate_series(0, 2) s, generate_series($2::timestamptz, $3::timestamptz, interval '1 minute') t`;

async function main() {
  const database = await benchDatabase('ui');
  const dbUrl = database.url;
  process.env.DATABASE_URL = dbUrl; // lib/auth uses the app's pool
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4, options: '-c timezone=UTC' });
  let stopApp: (() => Promise<void>) | undefined;
  try {
    await migrate(dbUrl);
    const { createUser } = await import('../../lib/auth/users');
    const { createSession, SESSION_COOKIE } = await import('../../lib/auth/sessions');
    const { createProject } = await import('../../lib/projects/create-project');
    const user = await createUser(
      { email: 'bench@tailwatch.test', password: 'bench password 1234' },
      { isAdmin: true },
    );
    const project = await createProject({ name: 'bench', ownerUserId: user.id }, pool);

    // The data ends at the next UTC midnight, so the last 24 h are fully populated.
    const endOfData = Math.ceil(Date.now() / DAY_MS) * DAY_MS;
    const shape: DatasetShape = {
      projectId: project.projectId,
      startMs: endOfData - DAYS * DAY_MS,
      days: DAYS,
      spansPerDay: SPANS_PER_DAY,
      routes: 60,
      releases: 3,
    };
    await pool.query('DROP INDEX IF EXISTS telemetry.spans_natural_key');
    const client = await pool.connect();
    const t0 = performance.now();
    try {
      for (let day = 0; day < DAYS; day++) await buildDay(client, shape, day);
      for (const d of [endOfData - 2 * DAY_MS, endOfData - DAY_MS])
        await client.query(`SELECT telemetry.ensure_day_partition('metric_points', $1::date)`, [
          new Date(d).toISOString().slice(0, 10),
        ]);
      await client.query(QUEUE_POINTS, [project.projectId, new Date(endOfData - 2 * DAY_MS), new Date(Date.now())]);
      await client.query('VACUUM ANALYZE');
    } finally {
      client.release();
    }
    console.log(
      `dataset: ${DAYS} days × ${SPANS_PER_DAY.toLocaleString()} spans/day, built in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    if (process.env.BENCH_UI_SKIP_BUILD !== '1') {
      const b = performance.now();
      execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
      console.log(`production build in ${((performance.now() - b) / 1000).toFixed(0)} s`);
    }
    const app = await startAppProcess({ databaseUrl: dbUrl, env: { TAILWATCH_WORKERS: 'off' } });
    stopApp = app.stop;
    const session = await createSession(user.id, 'bench');
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: app.url }]);
      const base = `${app.url}/projects/${project.projectId}`;
      const pages = {
        overview: `${base}?range=24h`,
        service: `${base}/services/svc-0?range=24h`,
        route: `${base}/services/svc-0/routes?route=%2Fapi%2Fr0&method=GET&range=24h`,
        baseline: `${base}/traces`,
      } as const;

      console.log(
        `\n${'page (24 h)'.padEnd(12)} ${'paint median'.padStart(13)} ${'paint max'.padStart(10)} ${'vs baseline'.padStart(12)} ${'JS gz'.padStart(10)}  targets`,
      );
      const baseline = await measurePage(
        context.newPage.bind(context),
        pages.baseline,
        RUNS,
        '[data-page="trace-search"]',
        'baseline',
      );
      for (const key of ['overview', 'service', 'route', 'baseline'] as const) {
        const r =
          key === 'baseline' ? baseline : await measurePage(context.newPage.bind(context), pages[key], RUNS, null, key);
        const paintOk = key === 'baseline' || key === 'route' || median(r.paints) <= TARGET_PAINT_MS;
        console.log(
          `${key.padEnd(12)} ${`${median(r.paints).toFixed(0)} ms`.padStart(13)} ${`${max(r.paints).toFixed(0)} ms`.padStart(10)} ${`${(median(r.paints) / median(baseline.paints)).toFixed(2)}×`.padStart(12)} ${`${(r.jsGz / 1024).toFixed(1)} KB`.padStart(10)}  ${paintOk ? 'ok' : 'OVER'} ≤ ${TARGET_PAINT_MS} ms, ${r.jsGz <= TARGET_JS_GZ ? 'ok' : 'OVER'} ≤ 250 KB gz (${r.scripts} scripts)`,
        );
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stopApp?.();
    await pool.end();
    const { closePool } = await import('../../lib/db/pool');
    await closePool();
    await database.drop();
  }
}

/**
 * Loads `url` in a fresh page `runs` times (after one warm-up) and returns the time from navigation start
 * to every [data-chart] being drawn (data-ready="true"; a chart without data in range counts once it
 * says so) or, with `selector`, to that element; plus the gzipped size of the scripts loaded.
 */
async function measurePage(
  newPage: () => Promise<Page>,
  url: string,
  runs: number,
  selector: string | null,
  label: string,
): Promise<{ paints: number[]; jsGz: number; scripts: number }> {
  const paints: number[] = [];
  let jsGz = 0;
  let scripts = 0;
  for (let i = 0; i <= runs; i++) {
    const page = await newPage();
    const origin = Date.now();
    const bodies: Promise<Buffer>[] = [];
    if (i === 1) page.on('response', (r) => r.request().resourceType() === 'script' && bodies.push(r.body()));
    if (i === 1 && process.env.BENCH_UI_TRACE === '1')
      page.on('requestfinished', (r) => {
        const t = r.timing();
        if (r.url().includes('/api/'))
          console.log(
            `  ${label} ${new URL(r.url()).pathname} start ${t.startTime.toFixed(0)} ttfb ${t.responseStart.toFixed(0)} end ${t.responseEnd.toFixed(0)}`,
          );
      });
    await page.goto(url, { waitUntil: 'commit' });
    if (selector) await page.waitForSelector(selector);
    else
      await page.waitForFunction(
        () => {
          const charts = [...document.querySelectorAll('[data-chart]')];
          return (
            charts.length > 0 &&
            charts.every((c) => c.getAttribute('data-ready') === 'true' || c.getAttribute('data-empty') === 'true') &&
            document.querySelectorAll('[data-testid="skeleton"]').length === 0
          );
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      );
    const ms = await page.evaluate(() => performance.now());
    if (i === 1 && process.env.BENCH_UI_TRACE === '1') {
      const nav = await page.evaluate(() => JSON.stringify((performance as unknown as { getEntriesByType(t: string): unknown[] }).getEntriesByType('navigation')[0]));
      const n = JSON.parse(nav) as Record<string, number>;
      const res = await page.evaluate(() =>
        (performance as unknown as { getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number }[] })
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/'))
          .map((e) => `${e.name} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`)
          .join(', '),
      );
      console.log(`  ${label} resources: ${res}`);
      console.log(`  ${label} document ttfb ${n.responseStart.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)} load ${n.loadEventEnd.toFixed(0)} ready ${ms.toFixed(0)}`);
    }
    if (i > 0) paints.push(ms);
    if (i === 1) {
      await page.waitForLoadState('networkidle');
      await screenshot(page, `bench-ui-${label}`);
      const all = await Promise.all(bodies);
      scripts = all.length;
      jsGz = all.reduce((a, b) => a + gzipSync(b).length, 0);
    }
    await page.close();
  }
  return { paints, jsGz, scripts };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
