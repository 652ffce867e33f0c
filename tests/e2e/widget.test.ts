import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWidget } from '../../widget/build.mjs';
import type { FeedbackRequest } from '../../widget/src/contract';
import { hasChromium, launchBrowser, screenshot } from '../support/browser';
import {
  type HostOrigin,
  SERVER_TRACEPARENT,
  startHostOrigin,
  startWidgetOrigin,
  type WidgetOrigin,
} from './widget-servers';

// The poll widget on a hostile third-party page: strict CSP, CSS that resets everything, a second
// origin for tw.js and the receiver. Driven with the keyboard like a user. Needs no database.

const META_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const runs = hasChromium || process.env.CI === 'true';
if (!runs) console.warn('[widget e2e] /usr/bin/chromium not found: skipping the widget browser tests');

interface Watched {
  page: Page;
  context: BrowserContext;
  consoleProblems: string[];
}

describe.skipIf(!runs)('feedback widget in Chromium', () => {
  let browser: Browser;
  let widget: WidgetOrigin;
  let host: HostOrigin;

  beforeAll(async () => {
    widget = await startWidgetOrigin(await bundleWidget());
    host = await startHostOrigin(widget.origin, {
      '/checkout': { attrs: { key: 'pk_test_1', release: '1.4.2' }, metaTraceparent: META_TRACEPARENT },
      '/slow': {
        attrs: { key: 'pk_test_1', release: '1.4.2', trigger: 'slow', 'slow-ms': '200', 'control-rate': '0' },
        metaTraceparent: META_TRACEPARENT,
      },
      '/again': {
        attrs: {
          key: 'pk_test_1',
          trigger: 'pageviews',
          pageviews: '2',
          'text-question': 'Wie schnell fühlte sich das an?',
          'text-never': 'Nicht mehr fragen',
          'text-low': 'Sehr langsam',
        },
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await widget?.close();
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, ...options });
    const page = await context.newPage();
    const consoleProblems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
    await page.goto(`${host.origin}${path}`);
    await page.waitForFunction(
      () => typeof (window as { tailwatch?: { ask?: unknown } }).tailwatch?.ask === 'function',
    );
    return { page, context, consoleProblems };
  }

  /** Describes the focused element, looking through the widget's shadow root. */
  function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return 'none';
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? `:${name}` : ''}`;
    });
  }

  /** Fires a deliberate violation, then returns every violation seen: proves the listener works. */
  async function violationsWithCanary(page: Page): Promise<{ directive: string }[]> {
    await page.evaluate(() => (window as unknown as { cspCanary(): void }).cspCanary());
    await page.waitForFunction(() => (window as unknown as { cspViolations: unknown[] }).cspViolations.length > 0);
    return page.evaluate(() => (window as unknown as { cspViolations: { directive: string }[] }).cspViolations);
  }

  it('asks manually, is answered with the keyboard only, and posts the answer cross-origin', async () => {
    const { page, context, consoleProblems } = await open('/checkout?session=secret#frag');
    // The hostile stylesheet really applies to the host page.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('40px');
    // The browser stops reporting largest-contentful-paint at the first input: on a loaded machine the
    // first key press can come before that paint, and the answer then rightly has no lcp to send.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          new PerformanceObserver(() => resolve()).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button#checkout:Pay now');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'How fast did that feel?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => (window as unknown as { askResult: boolean }).askResult)).toBe(true);
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    await page.getByRole('group', { name: 'How fast did that feel?' }).waitFor();
    for (const name of ['1, Very slow', '2', '3', '4', '5, Instant']) {
      expect(await page.getByRole('radio', { name, exact: true }).count()).toBe(1);
    }
    for (const name of ['Close', "Don't ask again", 'Send']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    await page.getByRole('textbox', { name: 'Anything to add? (optional)' }).waitFor();
    expect(await page.getByRole('status').count()).toBe(1);

    // Host CSS cannot reach inside: sizes come from the widget's own sheet.
    const look = await dialog.evaluate((d) => {
      const root = d.getRootNode() as ShadowRoot;
      const box = d.getBoundingClientRect();
      return {
        legend: getComputedStyle(root.querySelector('legend') as Element).fontSize,
        rating: getComputedStyle(root.querySelector('.s span') as Element).fontSize,
        width: box.width,
        inViewport: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      };
    });
    expect(look).toEqual({ legend: '16px', rating: '14px', width: 360, inViewport: true });

    // Focus starts on the first rating; arrows choose, Tab walks the dialog and wraps both ways.
    expect(await focused(page)).toBe('input:1, Very slow');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea#c');
    await page.keyboard.type('Checkout felt snappy');
    const forward: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      forward.push(await focused(page));
    }
    expect(forward).toEqual(["button:Don't ask again", 'button:Send', 'button:Close', 'input:4', 'textarea#c']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:Send');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('input:4');
    await screenshot(page, 'widget');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Send');
    const sent = widget.nextFeedback();
    await page.keyboard.press('Enter');
    const { body, headers } = await sent;

    const answer = body as FeedbackRequest;
    expect(answer).toMatchObject({
      v: 1,
      key: 'pk_test_1',
      rating: 4,
      scale: 5,
      trigger: 'manual',
      release: '1.4.2',
      route: '/checkout/:step',
      userSegment: 'beta',
      path: '/checkout',
      comment: 'Checkout felt snappy',
    });
    // The data fetch's Server-Timing traceparent is newer than the page's meta tag.
    expect(answer.traceId).toBe(SERVER_TRACEPARENT.split('-')[1]);
    for (const name of ['ttfb', 'domContentLoaded', 'load', 'lcp'] as const) {
      expect(answer.timings[name], name).toBeGreaterThan(0);
    }
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(headers.cookie).toBeUndefined();
    expect(headers.origin).toBe(host.origin);
    expect(headers['content-type']).toBe('text/plain;charset=UTF-8');

    // Closed, focus back on the button that opened it, and the thanks announced.
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button#checkout:Pay now');
    expect(await page.getByRole('status').textContent()).toBe('Thanks for your feedback!');
    expect(await page.getByRole('status').isVisible()).toBe(true);

    expect(await violationsWithCanary(page)).toEqual([expect.objectContaining({ directive: 'style-src-elem' })]);
    expect(consoleProblems.filter((m) => !m.includes("style-src 'self'"))).toEqual([]);
    await context.close();
  });

  it('asks after a slow interaction measured by the browser, in dark mode with reduced motion', async () => {
    const { page, context, consoleProblems } = await open('/slow', { colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.evaluate(() => (window as unknown as { dataLoaded: Promise<unknown> }).dataLoaded);
    await page.getByRole('button', { name: 'Recalculate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => getComputedStyle(d).animationName)).toBe('none');

    await page.keyboard.press('ArrowRight');
    await screenshot(page, 'widget-dark');
    const sent = widget.nextFeedback();
    await page.keyboard.press('Enter'); // implicit submission from the rating itself
    const answer = (await sent).body as FeedbackRequest;
    expect(answer).toMatchObject({ trigger: 'slow', rating: 2, path: '/slow' });
    expect(answer.timings.interaction).toBeGreaterThanOrEqual(200);
    expect(answer.timings.inp).toBeGreaterThanOrEqual(200);
    expect(answer.comment).toBeUndefined();
    expect(consoleProblems).toEqual([]);
    await context.close();
  });

  it('counts page views, honours cooldown and "don\'t ask again", and takes localised texts', async () => {
    const before = widget.received.length;
    const { page, context, consoleProblems } = await open('/again');
    expect(await page.locator('tailwatch-poll').count()).toBe(0);
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Wie schnell fühlte sich das an?' });
    await dialog.waitFor();
    expect(await page.getByRole('radio', { name: '1, Sehr langsam' }).count()).toBe(1);
    // The host's hostile `tailwatch-poll { display: none !important }` loses to the shadow :host rule.
    expect(await dialog.isVisible()).toBe(true);
    // Not 'none': the host's rule lost; 'block' because position: fixed blockifies the initial 'inline'.
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('tailwatch-poll') as Element).display),
    ).toBe('block');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The role locator lets go as soon as the dialog is closed; the widget finishes in the dialog's
    // (asynchronous) close event, which also removes it from the shadow root: wait for that.
    await page.waitForFunction(() => !document.querySelector('tailwatch-poll')?.shadowRoot?.querySelector('dialog'));
    type Api = { tailwatch: { ask(o?: object): boolean; measure(ms: number): void } };
    expect(await page.evaluate(() => (window as unknown as Api).tailwatch.ask())).toBe(false); // cooldown

    const forced = await page.evaluate(() =>
      (window as unknown as Api).tailwatch.ask({ force: true, texts: { send: 'Senden' } }),
    );
    expect(forced).toBe(true);
    await page.getByRole('button', { name: 'Senden' }).waitFor();
    await page.keyboard.press('Tab'); // comment
    await page.keyboard.press('Tab'); // don't ask again
    expect(await focused(page)).toBe('button:Nicht mehr fragen');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // As above: "don't ask again" is stored by the dialog's close event, after the role locator lets go.
    await page.waitForFunction(() => !document.querySelector('tailwatch-poll')?.shadowRoot?.querySelector('dialog'));

    expect(await page.evaluate(() => (window as unknown as Api).tailwatch.ask({ force: true }))).toBe(false);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tw:pk_test_1') ?? '{}'));
    expect(stored).toMatchObject({ never: true, views: 0 });
    expect(widget.received.length).toBe(before);
    expect(consoleProblems).toEqual([]);
    await context.close();
  });
});
