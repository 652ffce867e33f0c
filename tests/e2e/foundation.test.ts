import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { launchBrowser, screenshot } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/db';

// A newcomer's first minutes in Chromium: sent to setup, creates the admin, creates a project and copies its
// key (shown once), opens its settings, signs out, is kept out, signs back in.
let database: TestDatabase;
let app: AppProcess;
let browser: Browser;
let page: Page;
let firstIngestKey = '';
const EMAIL = 'founder@example.com';
const PASSWORD = 'first-run password';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startAppProcess({ databaseUrl: database.url });
  browser = await launchBrowser();
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1280, height: 860 },
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await database?.drop();
});

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    await screenshot(page, `foundation-${name}`);
    return result;
  } catch (err) {
    await screenshot(page, `foundation-${name}-FAILED`).catch(() => {});
    throw err;
  }
}

describe('first run in a browser', () => {
  it('sends a fresh install to setup, and setup to the projects page', async () => {
    await step('setup', async () => {
      await page.goto(`${app.url}/projects/1/settings`);
      await page.waitForURL('**/setup');
      await page.getByLabel('E-mail').fill(EMAIL);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create admin account' }).click();
      await expect.poll(() => page.getByText('Use at least 10 characters').count()).toBe(1);
    });
    await step('projects-empty', async () => {
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create admin account' }).click();
      await page.waitForURL('**/projects');
      await page.getByText('No projects yet').waitFor();
    });
  }, 60_000);

  it('creates a project whose key is shown once, copyable, and works', async () => {
    const key = await step('project-created', async () => {
      await page.getByLabel('Name').fill('checkout-api');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByText('will not be shown again').waitFor();
      const shown = (await page.locator('[data-secret="Ingest key"]').textContent()) ?? '';
      await page.getByRole('button', { name: 'Copy ingest key to clipboard' }).click();
      await page.getByText('Copied').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
      return shown;
    });
    expect(key).toMatch(/^tw_ingest_[\w-]{43}$/);
    firstIngestKey = key;
    const res = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{"resourceSpans":[]}',
    });
    expect(res.status).toBe(200);
    await page.reload();
    await page.getByRole('link', { name: 'checkout-api' }).first().waitFor();
    expect(await page.getByText(key).count()).toBe(0);
  }, 60_000);

  it('shows the keys in settings by prefix only, and keeps another id out', async () => {
    await step('settings', async () => {
      await page.getByRole('link', { name: 'settings' }).first().click();
      await page.waitForURL('**/settings');
      await page.getByRole('heading', { name: 'Keys' }).waitFor();
      await expect.poll(() => page.getByText('tw_ingest_').count()).toBeGreaterThan(0);
      await page.getByText('OTEL_EXPORTER_OTLP_ENDPOINT').first().waitFor();
    });
    const other = await page.goto(`${app.url}/projects/999/settings`);
    expect(other?.status()).toBe(404);
  }, 60_000);

  it('rotates the ingest key in settings: the new secret is shown once, the old one gets 401', async () => {
    await page.goto(`${app.url}/projects`);
    await page.getByRole('link', { name: 'settings' }).first().click();
    await page.waitForURL('**/settings');
    const send = (key: string) =>
      fetch(`${app.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: '{"resourceSpans":[]}',
      }).then((r) => r.status);
    const fresh = await step('rotated', async () => {
      await page.getByRole('button', { name: /^Rotate tw_ingest_/ }).click();
      await page.getByText('will not be shown again').waitFor();
      return (await page.locator('[data-secret="Ingest key"]').textContent()) ?? '';
    });
    expect(fresh).toMatch(/^tw_ingest_[\w-]{43}$/);
    expect(await send(fresh)).toBe(200);
    expect(await send(firstIngestKey)).toBe(401);
    await expect.poll(() => page.getByText(/^revoked /).count()).toBe(1);
    // Dark mode follows the system setting.
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'foundation-settings-dark');
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    expect(dark).not.toBe(light);
  }, 60_000);

  it('signs out, keeps the dashboards closed, and signs back in to where it was going', async () => {
    await page.goto(`${app.url}/projects`);
    await step('signed-out', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/login');
      await page.goto(`${app.url}/projects`);
      await page.waitForURL('**/login?next=%2Fprojects');
      await page.getByLabel('E-mail').fill(EMAIL);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('Wrong e-mail or password').waitFor();
    });
    await step('signed-in', async () => {
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/projects');
      await page.getByRole('link', { name: 'checkout-api' }).first().waitFor();
    });
  }, 60_000);
});
