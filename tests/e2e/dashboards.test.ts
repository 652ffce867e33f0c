import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatMs } from '../../components/dashboard/format';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { hasChromium, launchBrowser, screenshot } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { postOtlp, queueDepthBody, type SentTrace, tracesBody } from './dashboards-data';

// The dashboards in Chromium against the real app (`npm run build` first), on spans and a gauge sent
// through the real OTLP/HTTP ingest endpoints: every page shows the read API's figures, the view
// survives the URL (back/forward, reload), refresh picks up new data, and the empty and error states show.

const runs = hasChromium || process.env.CI === 'true';
if (!runs) console.warn('[dashboards e2e] /usr/bin/chromium not found: skipping');

const ADMIN = { email: 'owner@dashboards.test', password: 'correct horse battery staple' };
const MIN = 60_000;

describe.skipIf(!runs)('dashboards end to end', () => {
  let database: TestDatabase;
  let app: AppProcess;
  let browser: Browser;
  let context: BrowserContext;
  let project: Awaited<ReturnType<typeof createTenant>>;
  let emptyProject: Awaited<ReturnType<typeof createTenant>>;
  const sent: SentTrace[] = [];

  /** The read API as the page calls it, with the project's API token. */
  async function api<T>(path: string, params: Record<string, string> = {}): Promise<T> {
    const qs = new URLSearchParams({ project: String(project.projectId), ...params });
    const res = await fetch(`${app.url}${path}?${qs}`, { headers: { authorization: `Bearer ${project.apiToken}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function send(plan: Parameters<typeof tracesBody>[0], seed: number): Promise<void> {
    const { body, traces } = tracesBody(plan, Date.now(), seed);
    await postOtlp(app.url, '/v1/traces', project.ingestKey, body);
    sent.push(...traces);
  }

  /** Ingest is asynchronous (batched writer, rollups): wait until the API counts every request sent. */
  async function settled(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let count = -1;
    while (Date.now() < deadline) {
      count = (await api<{ count: number }>('/api/v1/stats')).count;
      if (count === sent.length) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`the read API counts ${count} requests, ${sent.length} were sent`);
  }

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    return page;
  }

  /** Every chart on the page has drawn its data or says it has none. */
  async function chartsSettled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('[data-chart]')];
      return (
        charts.length > 0 &&
        charts.every((c) => c.getAttribute('data-ready') === 'true' || c.getAttribute('data-empty') === 'true')
      );
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startAppProcess({
      databaseUrl: database.url,
      env: { TAILWATCH_ADMIN_EMAIL: ADMIN.email, TAILWATCH_ADMIN_PASSWORD: ADMIN.password },
    });
    // Created after the admin exists, so the admin owns them (createProject's default owner).
    project = await createTenant(database.url, { name: 'Dashboards' });
    emptyProject = await createTenant(database.url, { name: 'Nothing yet' });
    const checkout = [
      { route: '/checkout', method: 'POST', medianMs: 40 },
      { route: '/checkout/pay', method: 'POST', medianMs: 90, errorEvery: 20 },
      { route: '/cart', method: 'GET', medianMs: 15 },
    ];
    await send(
      {
        service: 'checkout-api',
        release: 'v1',
        routes: checkout,
        requests: 450,
        fromAgoMs: 60 * MIN,
        toAgoMs: 32 * MIN,
      },
      11,
    );
    // v2 is three times slower: the overview flags it and the releases page calls it worse.
    await send(
      {
        service: 'checkout-api',
        release: 'v2',
        routes: checkout.map((r) => ({ ...r, medianMs: r.medianMs * 3 })),
        requests: 450,
        fromAgoMs: 30 * MIN,
        toAgoMs: 2 * MIN,
      },
      12,
    );
    await send(
      {
        service: 'inventory',
        release: '7.1.0',
        routes: [{ route: '/stock/{sku}', method: 'GET', medianMs: 8 }],
        requests: 120,
        fromAgoMs: 55 * MIN,
        toAgoMs: 2 * MIN,
      },
      13,
    );
    await postOtlp(app.url, '/v1/metrics', project.ingestKey, queueDepthBody('checkout-api', Date.now(), 50));
    await settled();

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const login = await context.newPage();
    await login.goto(`${app.url}/login`);
    await login.getByLabel(/e-?mail/i).fill(ADMIN.email);
    await login.getByLabel('Password').fill(ADMIN.password);
    await login.getByRole('button', { name: /sign in/i }).click();
    await login.waitForURL((url) => !url.pathname.startsWith('/login'));
    await login.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('overview: the service table and headline figures equal the read API', async () => {
    const page = await open(`/projects/${project.projectId}`);
    const table = page.getByTestId('service-table');
    await table.getByRole('link', { name: 'checkout-api' }).waitFor();
    const { services } = await api<{ services: { service: string; count: number; p95: number; p99: number }[] }>(
      '/api/v1/services',
    );
    const stats = await api<{ count: number; p50: number }>('/api/v1/stats');
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe(formatCount(stats.count));
    expect(await page.getByTestId('stat-p50').innerText()).toContain(formatMs(stats.p50));
    for (const s of services) {
      const row = table.locator(`tr[data-key="${s.service}"]`);
      expect(await row.locator('td[data-col="p95"]').innerText()).toContain(formatMs(s.p95));
      expect(await row.locator('td[data-col="p95"]').innerText()).toContain(`n=${formatCount(s.count)}`);
    }
    // 120 inventory requests: a p99 needs 1000.
    const inventory = table.locator('tr[data-key="inventory"]');
    expect(await inventory.locator('td[data-col="p99"]').innerText()).toContain('too few samples');
    // v2 of checkout-api is slower than v1 beyond noise: flagged.
    await expect
      .poll(() => page.getByTestId('regression').innerText(), { timeout: 15_000 })
      .toMatch(/p50.*worse in v2 than v1/);
    await expect.poll(() => table.locator('svg[data-sparkline]').count()).toBeGreaterThan(1);
    // Sort by p95 ascending: inventory (8 ms) first.
    await table.getByRole('button', { name: /^p95/ }).click();
    await table.getByRole('button', { name: /^p95/ }).click();
    expect(await table.locator('tbody tr').first().innerText()).toContain('inventory');
    await screenshot(page, 'dashboards-overview');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await screenshot(page, 'dashboards-overview-dark');
    await page.close();
  });

  it('keeps the view in the URL: range and release round-trip through back/forward and reload', async () => {
    const page = await open(`/projects/${project.projectId}`);
    await page.getByTestId('service-table').waitFor();
    await page.getByRole('button', { name: '7 d' }).click();
    await page.waitForURL(/range=7d/);
    await page.getByLabel('Release').selectOption('v2');
    await page.waitForURL(/release=v2/);
    const v2 = await api<{ count: number }>('/api/v1/stats', {
      release: 'v2',
      from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe(formatCount(v2.count));
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('range') === '7d' && !u.searchParams.has('release'));
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe(formatCount(sent.length));
    await page.goForward();
    await page.waitForURL(/release=v2/);
    await page.reload();
    expect(await page.getByRole('button', { name: '7 d' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Release').inputValue()).toBe('v2');
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe(formatCount(v2.count));
    await page.close();
  });

  it('refresh picks up new requests without a blank page', async () => {
    const page = await open(`/projects/${project.projectId}?refresh=10s`);
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe(formatCount(sent.length));
    await send(
      {
        service: 'inventory',
        release: '7.1.0',
        routes: [{ route: '/stock/{sku}', method: 'GET', medianMs: 8 }],
        requests: 30,
        fromAgoMs: 90_000,
        toAgoMs: 30_000,
      },
      14,
    );
    await settled();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('stat-count').innerText(), { timeout: 15_000 })
      .toBe(formatCount(sent.length));
    // Previous data stays on screen while refetching: no skeleton replaced the table.
    expect(await page.getByTestId('skeleton').count()).toBe(0);
    await page.close();
  });

  it('service page: charts drawn, routes table equals /api/v1/routes, heatmap and queue depth', async () => {
    const page = await open(`/projects/${project.projectId}`);
    await page.getByTestId('service-table').getByRole('link', { name: 'checkout-api' }).click();
    await page.waitForURL(/services\/checkout-api/);
    await chartsSettled(page);
    for (const name of ['latency', 'throughput', 'error-rate', 'heatmap', 'queue-depth']) {
      expect(await page.locator(`[data-chart="${name}"]`).getAttribute('data-ready'), name).toBe('true');
    }
    const { routes } = await api<{ routes: { route: string; method: string; count: number; p99: number }[] }>(
      '/api/v1/routes',
      { service: 'checkout-api' },
    );
    const table = page.getByTestId('routes-table');
    expect(await table.locator('tbody tr').count()).toBe(routes.length);
    for (const r of routes) {
      const row = table.locator(`tr[data-key="${r.method} ${r.route}"]`);
      expect(await row.locator('td[data-col="traffic"]').innerText()).toContain(formatCount(r.count));
      expect(await row.locator('td[data-col="p99"]').innerText()).toContain(formatMs(r.p99));
    }
    // "View as table" shows the chart's numbers.
    const latency = page.locator('[data-chart="latency"]');
    await latency.getByRole('button', { name: 'View as table' }).click();
    expect(await latency.locator('table tbody tr').count()).toBeGreaterThan(10);
    await latency.getByRole('button', { name: 'View as chart' }).click();
    await screenshot(page, 'dashboards-service');
    await page.close();
  });

  it('route page: histogram and exemplars; a slowest exemplar opens its trace waterfall', async () => {
    const page = await open(`/projects/${project.projectId}/services/checkout-api`);
    await page
      .getByTestId('routes-table')
      .getByRole('link', { name: /\/checkout\/pay/ })
      .click();
    await page.waitForURL(/routes\?/);
    await chartsSettled(page);
    expect(await page.locator('[data-chart="histogram"]').getAttribute('data-ready')).toBe('true');
    const ex = await api<{ slowest: { traceId: string; durationMs: number }[]; failed: { traceId: string }[] }>(
      '/api/v1/exemplars',
      {
        service: 'checkout-api',
        route: '/checkout/pay',
        method: 'POST',
      },
    );
    expect(ex.slowest.length).toBeGreaterThan(0);
    expect(ex.failed.length).toBeGreaterThan(0);
    const slowest = page.getByTestId('exemplars-slowest');
    await slowest.getByRole('link', { name: ex.slowest[0].traceId }).waitFor();
    expect(await slowest.locator('li').first().innerText()).toContain(formatMs(ex.slowest[0].durationMs));
    await page.getByTestId('exemplars-failed').getByRole('link').first().waitFor();
    await screenshot(page, 'dashboards-route');

    await slowest.getByRole('link', { name: ex.slowest[0].traceId }).click();
    await page.waitForURL(/traces\//);
    const waterfall = page.getByTestId('waterfall');
    await waterfall.waitFor();
    expect(await waterfall.locator('tbody tr').count()).toBe(2); // the request and its database call
    await waterfall.getByRole('button', { name: /SELECT orders/ }).click();
    expect(await page.getByTestId('span-details').innerText()).toContain('db.system.name');
    await screenshot(page, 'dashboards-trace');
    await page.close();
  });

  it('traces page: the slowest and failed requests of every service; search opens a failed trace, an unknown id says so', async () => {
    const failed = sent.find((t) => t.isError)!;
    const page = await open(`/projects/${project.projectId}/traces`);
    type Exemplar = { traceId: string; service: string; route: string; method: string };
    const ex = await api<{ slowest: (Exemplar & { durationMs: number })[]; failed: Exemplar[] }>('/api/v1/exemplars');
    expect(ex.slowest.length).toBeGreaterThan(0);
    const slowest = page.getByTestId('exemplars-slowest');
    await slowest.getByRole('link', { name: ex.slowest[0].traceId }).waitFor();
    const first = await slowest.locator('li').first().innerText();
    expect(first).toContain(formatMs(ex.slowest[0].durationMs));
    const { service, method, route } = ex.slowest[0];
    expect(first).toContain(`${service} · ${method} ${route}`); // which service and route it came through
    await page.getByTestId('exemplars-failed').getByRole('link', { name: ex.failed[0].traceId }).waitFor();
    await screenshot(page, 'dashboards-traces');
    // One service: its own slowest, and nothing of the others.
    const other = ex.slowest.find((e) => e.service !== service)?.service ?? 'inventory';
    const ofOther = await api<{ slowest: Exemplar[] }>('/api/v1/exemplars', { service: other });
    expect(ofOther.slowest.length).toBeGreaterThan(0);
    await page.getByLabel('Service').selectOption(other);
    await page.waitForURL(new RegExp(`service=${other}`));
    await slowest.getByRole('link', { name: ofOther.slowest[0].traceId }).waitFor();
    expect(await slowest.innerText()).not.toContain(`${service} · `);
    await page.getByLabel('Service').selectOption('');
    await slowest.getByRole('link', { name: ex.slowest[0].traceId }).waitFor();
    await page.getByLabel('Trace id').fill(failed.traceId);
    await page.getByRole('button', { name: 'Open trace' }).click();
    await page.waitForURL(new RegExp(failed.traceId));
    await page.getByTestId('waterfall').getByText('error').first().waitFor();
    await page.goto(`${app.url}/projects/${project.projectId}/traces/${'0'.repeat(31)}1`);
    await page.getByTestId('trace-not-found').waitFor();
    await page.close();
  });

  it('releases page: every release with its figures, and the verdict of a comparison', async () => {
    const page = await open(`/projects/${project.projectId}/releases?service=checkout-api`);
    const table = page.getByTestId('releases-table');
    await table.getByText('v1', { exact: true }).waitFor();
    const { releases } = await api<{ releases: { release: string; count: number; p95: number }[] }>(
      '/api/v1/releases',
      { service: 'checkout-api' },
    );
    expect(await table.locator('tbody tr').count()).toBe(releases.length);
    for (const r of releases) {
      const row = table.locator(`tr[data-key="${r.release}"]`);
      expect(await row.locator('td[data-col="count"]').innerText()).toBe(formatCount(r.count));
      expect(await row.locator('td[data-col="p95"]').innerText()).toContain(formatMs(r.p95));
    }
    // The choice lives in the URL: the radio shows it once the navigation has happened.
    await page.getByLabel('candidate v2').click();
    await page.waitForURL((u) => u.searchParams.get('candidate') === 'v2');
    await page.getByLabel('baseline v1').click();
    await page.waitForURL((u) => u.searchParams.get('candidate') === 'v2' && u.searchParams.get('baseline') === 'v1');
    expect(await page.getByLabel('candidate v2').isChecked()).toBe(true);
    const verdict = await api<{ regression: boolean; metrics: { metric: string; verdict: string }[] }>(
      '/api/v1/releases/verdict',
      {
        service: 'checkout-api',
        release: 'v2',
        baseline: 'v1',
        from: new Date(Date.now() - 86_400_000).toISOString(),
      },
    );
    expect(verdict.regression).toBe(true);
    await expect.poll(() => page.getByTestId('verdict-summary').innerText()).toBe('Regression');
    const p95 = verdict.metrics.find((m) => m.metric === 'p95')!;
    expect(await page.locator('[data-testid="verdict-table"] tr[data-metric="p95"]').innerText()).toContain(
      p95.verdict,
    );
    await screenshot(page, 'dashboards-releases');
    await page.close();
  });

  it('empty project: shows how to send data; a bad range: an error with retry', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/projects/${emptyProject.projectId}`);
    const empty = page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.innerText()).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT=${app.url}`);
    expect(await empty.getByRole('link', { name: /ingest key/ }).getAttribute('href')).toBe(
      `/projects/${emptyProject.projectId}/settings`,
    );
    await screenshot(page, 'dashboards-empty');
    // 26 years: past the API's 400-day limit, a real 400 from the read API.
    await page.goto(
      `${app.url}/projects/${project.projectId}?range=custom&from=2000-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z`,
    );
    const error = page.getByTestId('error-state').first();
    await error.waitFor();
    expect(await error.innerText()).toContain('400 days');
    await error.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('error-state').first().waitFor();
    await screenshot(page, 'dashboards-error');
    await page.close();
  });
});
