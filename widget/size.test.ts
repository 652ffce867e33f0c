import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleWidget, WIDGET_OUTFILE } from './build.mjs';

// The widget loads on other people's pages: its budget is 4 KB gzipped, and the build that
// ships (public/tw.js) must be the build of these sources.
const BUDGET = 4096;

describe('widget bundle', () => {
  it(`stays within ${BUDGET} bytes gzipped`, async () => {
    const code = await bundleWidget();
    const gzipped = gzipSync(code).length;
    console.log(
      `[widget] tw.js: ${Buffer.byteLength(code)} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET})`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it('builds deterministically, and public/tw.js is up to date', async () => {
    const [a, b] = [await bundleWidget(), await bundleWidget()];
    expect(a).toBe(b);
    if (existsSync(WIDGET_OUTFILE)) {
      expect(readFileSync(WIDGET_OUTFILE, 'utf8'), 'public/tw.js is stale: run `npm run build:widget`').toBe(a);
    }
  });

  it('contains nothing a strict CSP refuses', async () => {
    const code = await bundleWidget();
    expect(code).not.toMatch(/\beval\(|new Function|innerHTML|setAttribute\("style"/);
    expect(code.startsWith('"use strict";(()=>{')).toBe(true);
  });
});
