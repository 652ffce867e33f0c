import type pg from 'pg';

// A normalised description of one schema's tables, columns, constraints, indexes and enums, read from the
// catalog, so two databases can be compared structurally.
export async function describeSchema(client: pg.Client, schema = 'public') {
  const q = async (sql: string) => (await client.query(sql, [schema])).rows;
  return {
    columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`),
    constraints: await q(`SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype,
        pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = $1 AND c.conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
    enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`),
  };
}
