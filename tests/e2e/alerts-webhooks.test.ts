import pg from 'pg';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../lib/auth/sessions';
import { createUser } from '../../lib/auth/users';
import { closePool, initPool } from '../../lib/db/pool';
import type { TailwatchAlertPayload } from '../../lib/webhooks/tailwatch-payload';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { insertRollup, minuteOf, verifySigned } from '../integration/webhooks-support';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { hasChromium, launchBrowser, screenshot } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';

// The alerts and webhooks pages in Chromium against the real app (`npm run build` first) with its
// workers: a user adds an endpoint (secret shown once), sends a test event that a real receiver
// verifies with that secret, then writes a rule whose preview shows past firings and which fires on
// the current data, notifying the receiver.

const runs = hasChromium || process.env.CI === 'true';
if (!runs) console.warn('[alerts e2e] /usr/bin/chromium not found: skipping');

const MIN = 60_000;

describe.skipIf(!runs)('alerts and webhooks pages', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let app: AppProcess;
  let browser: Browser;
  let context: BrowserContext;
  let hook: TestReceiver;
  let projectId: number;
  let secret = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    initPool(database.url, 2);
    const owner = await createUser(
      { email: 'oncall@alerts.test', password: 'correct horse battery staple' },
      {
        isAdmin: true,
      },
    );
    const session = await createSession(owner.id);
    projectId = (await createTenant(database.url, { name: 'Storefront', ownerUserId: owner.id })).projectId;
    // Six hours of checkout traffic around 120 ms, a slow hour three hours ago, and slow minutes now.
    const now = minuteOf(Date.now()).getTime();
    for (let m = 6 * 60; m >= 0; m -= 5) {
      const slow = m <= 10 || (m >= 170 && m <= 230);
      for (const offset of m <= 10 ? [0, 1, 2, 3, 4] : [0]) {
        if (m - offset < 0) continue;
        await insertRollup(pool, {
          projectId,
          bucket: new Date(now - (m - offset) * MIN),
          latencies: Array.from({ length: 40 }, (_, i) => (slow ? 900 : 100) + i),
        });
      }
    }
    hook = await startReceiver(() => ({ status: 200 }));
    app = await startAppProcess({
      databaseUrl: database.url,
      env: { TAILWATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', TAILWATCH_ALERT_EVALUATION_SECONDS: '2' },
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: app.url, httpOnly: true }]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await hook?.close();
    await pool?.end();
    await closePool();
    await database?.drop();
  });

  it('adds an endpoint, shows its secret once and delivers a signed test event', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/projects/${projectId}/webhooks`);
    await page.getByLabel('Name', { exact: true }).fill('on-call');
    await page.getByLabel('URL', { exact: true }).fill(`${hook.url}/tailwatch`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    secret = (await page.getByTestId('webhook-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'webhooks-list');

    await page.getByRole('link', { name: /Open on-call/ }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByTestId('delivery-log');
    await log.getByText('delivered').waitFor({ timeout: 20_000 });
    expect(hook.requests).toHaveLength(1);
    const payload = verifySigned(hook.requests[0], secret) as TailwatchAlertPayload;
    expect(payload.type).toBe('alert.firing');
    // The page shows only a preview of the secret from now on.
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'webhooks-endpoint');
    await page.close();
  });

  it('previews a rule over the last 24 h, then fires it on the current data and notifies', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/projects/${projectId}/alerts/new`);
    await page.getByLabel('Name', { exact: true }).fill('Checkout p95');
    await page.getByLabel('Service', { exact: true }).fill('checkout');
    await page.getByLabel('For (minutes)', { exact: true }).fill('0');
    const summary = page.getByTestId('preview-summary');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toMatch(/Would have fired [1-9]\d* time/);
    await screenshot(page, 'alert-rule-form');

    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    await page.getByTestId('rule-states').getByText('firing').waitFor({ timeout: 30_000 });
    await expect.poll(() => hook.requests.length, { timeout: 20_000 }).toBe(2);
    const firing = verifySigned(hook.requests[1], secret) as TailwatchAlertPayload;
    expect(firing).toMatchObject({ type: 'alert.firing', data: { rule: { name: 'Checkout p95' } } });
    await page.getByTestId('alert-history').waitFor();
    await screenshot(page, 'alert-rule-detail');

    await page.goto(`${app.url}/projects/${projectId}/alerts`);
    await page.getByTestId('alert-rules').getByText('Checkout p95').waitFor();
    await screenshot(page, 'alerts-list');
    await page.close();
  });
});
