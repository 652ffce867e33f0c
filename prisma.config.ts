import { defineConfig } from 'prisma/config';

// The schema engine binary cannot be downloaded on our machines: migrations are SQL files applied by
// lib/db/migrator.ts at start (recorded in _prisma_migrations like `prisma migrate deploy` does).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/tailwatch' },
});
