// Builds the app (Prisma client, widget, Next) when the sources changed since the last build.
// Used by `npm start` and by `npm test` (browser tests run against the production build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'widget', 'public', 'prisma/schema.prisma', 'next.config.ts', 'package.json', 'postcss.config.mjs'];
const stampFile = path.join('.next', 'tailwatch-source-stamp');

function stamp() {
  const hash = createHash('sha1');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith('generated') || p.endsWith('node_modules')) return;
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else if (!p.endsWith('.test.ts') && p !== path.join('public', 'tw.js')) hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const s of SOURCES) walk(s);
  return hash.digest('hex');
}

export function buildIfStale() {
  const current = stamp();
  const fresh = existsSync(path.join('.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current;
  if (fresh) return;
  console.log('[tailwatch] building the app (first start or sources changed)...');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, current);
}
