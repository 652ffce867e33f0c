import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedHandle, startEmbeddedPostgres } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrator';
import { freePort } from './app-process';

// Integration and browser tests use a real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set, else
// an embedded one under the temp dir. A migrated template database makes per-suite databases cheap.
declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedHandle | undefined;
let ownDataDir: string | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    // Each run gets its own server (data dir and port), so concurrent runs never stop each other's.
    ownDataDir = process.env.TAILWATCH_TEST_DATA_DIR ? undefined : path.join(os.tmpdir(), `tailwatch-test-${process.pid}-${Date.now()}`);
    embedded = await startEmbeddedPostgres({
      baseDir: process.env.TAILWATCH_TEST_DATA_DIR ?? (ownDataDir as string),
      port: Number(process.env.TAILWATCH_TEST_PG_PORT ?? (await freePort())),
      database: 'postgres',
    });
    adminUrl = embedded.adminUrl;
  }
  const templateDb = `tw_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDb}`;
  await migrate(templateUrl.toString());

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`).catch(() => {});
    await c.end();
    await embedded?.stop();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
}
