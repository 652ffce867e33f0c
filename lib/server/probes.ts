import { pendingMigrations } from '../db/migrator';
import { db } from '../db/pool';
import type { FastRoute } from '../http/fast-route';
import { sendJson } from '../http/fast-route';
import { metrics } from '../metrics';

// Liveness, readiness and the Prometheus scrape endpoint.
export const probeRoutes: FastRoute[] = [
  {
    path: '/api/health',
    name: 'health',
    handler: async (_req, res) => sendJson(res, 200, { status: 'ok' }),
  },
  {
    path: '/api/ready',
    name: 'ready',
    handler: async (_req, res) => {
      try {
        await db().query('SELECT 1');
        const pending = await pendingMigrations(db());
        if (pending.length > 0) return sendJson(res, 503, { status: 'migrating', pending });
        return sendJson(res, 200, { status: 'ready' });
      } catch (err) {
        return sendJson(res, 503, { status: 'database_unavailable', message: (err as Error).message }, { 'retry-after': '5' });
      }
    },
  },
  {
    path: '/metrics',
    name: 'metrics',
    handler: async (_req, res) => {
      const m = metrics();
      const pool = db();
      m.dbPool.set({ state: 'total' }, pool.totalCount);
      m.dbPool.set({ state: 'idle' }, pool.idleCount);
      m.dbPool.set({ state: 'waiting' }, pool.waitingCount);
      const text = await m.registry.metrics();
      res.writeHead(200, { 'content-type': m.registry.contentType });
      res.end(text);
    },
  },
];
