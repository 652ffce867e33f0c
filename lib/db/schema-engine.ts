// Dev/test-time access to Prisma's schema engine (WebAssembly build), used to generate migration SQL
// from schema.prisma and to check that the live schema matches it. Never loaded by the running app.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};
type EngineClass = { new: (o: unknown, cb: (l: string) => void, a: object) => Promise<Engine> };

const require = createRequire(import.meta.url);

async function loadEngineClass(): Promise<EngineClass> {
  // The package's own entry imports a .wasm module, which Node 20 cannot load: instantiate by hand.
  const dir = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, '');
  const bg = (await import(`${dir}schema_engine_bg.js`)) as Record<string, unknown> & {
    __wbg_set_wasm(w: unknown): void;
    SchemaEngine: EngineClass;
  };
  const bytes = await readFile(`${dir}schema_engine_bg.wasm`);
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg.SchemaEngine;
}

// A datamodel-to-datamodel diff needs no database, but the engine still wants an adapter; it never connects.
// Live introspection through adapter-pg 7.10 fails on the catalog's "char" columns, so to compare a database
// with schema.prisma, tests replay this SQL into a scratch database and compare catalogs.
export type DiffFrom = { tag: 'empty' } | { tag: 'datamodel'; content: string };

/** SQL that takes `from` to the datamodel at schemaPath ('' when they already match). */
export async function diffToSchema(connectionUrl: string, from: DiffFrom, schemaPath = 'prisma/schema.prisma') {
  const SchemaEngine = await loadEngineClass();
  // The engine expects the error-capturing wrapper that Prisma's CLI puts around a driver adapter.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: connectionUrl }));
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  const content = await readFile(schemaPath, 'utf8');
  const result = await engine.diff({
    from: from.tag === 'empty' ? from : { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: from.content }] },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  return { changed: result.exitCode === 2, sql: result.stdout ?? '' };
}
