import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedHandle, startEmbeddedPostgres } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrator';

// Integration and browser tests use a real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set, else
// an embedded one under the temp dir. A migrated template database makes per-suite databases cheap.
declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedHandle | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      baseDir: process.env.TAILWATCH_TEST_DATA_DIR ?? path.join(os.tmpdir(), 'tailwatch-test'),
      port: Number(process.env.TAILWATCH_TEST_PG_PORT ?? 54339),
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
  };
}
