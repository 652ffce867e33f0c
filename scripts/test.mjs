// `npm test`: type-check, lint, build if stale, then every Vitest project (unit, integration, browser).
// Browser tests need Debian Chromium: required when CI=true, skipped with a notice elsewhere when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildIfStale } from './build-if-stale.mjs';

const run = (cmd, args, env = {}) => {
  console.log(`\n[test] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('npx', ['biome', 'lint', '.']);
buildIfStale();

const chromium = process.env.TAILWATCH_CHROMIUM ?? '/usr/bin/chromium';
const projects = ['--project', 'unit', '--project', 'integration'];
if (existsSync(chromium)) projects.push('--project', 'e2e');
else if (process.env.CI === 'true') {
  console.error(`[test] CI=true but no Chromium at ${chromium}: browser tests are required in CI`);
  process.exit(1);
} else console.log(`\n[test] NOTICE: no Chromium at ${chromium}; browser tests skipped (apt-get install chromium)`);

run('npx', ['vitest', 'run', ...projects, ...process.argv.slice(2)]);
