#!/usr/bin/env node
// `npx tailwatch …`: the CLI runs the app's TypeScript directly through tsx, with the package's tsconfig
// (so it works from any working directory). Logs go quiet unless LOG_LEVEL says otherwise.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.LOG_LEVEL ??= 'warn';
process.chdir(root); // migrations, the embedded database's data dir and .env are found relative to the app
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { main } = await import(pathToFileURL(path.join(root, 'lib/cli/main.ts')).href);
const code = await main(process.argv.slice(2));
process.exit(code);
