// Bundles widget/src into public/tw.js: `node widget/build.mjs` (npm run build:widget).
// Deterministic: same sources and esbuild version give the same bytes (no paths, dates or maps).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WIDGET_OUTFILE = fileURLToPath(new URL('../public/tw.js', import.meta.url));

/** Returns the minified IIFE as text without writing it. */
export async function bundleWidget() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['widget/src/index.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await bundleWidget();
  await writeFile(WIDGET_OUTFILE, code);
  console.log(`public/tw.js: ${Buffer.byteLength(code)} bytes`);
}
