import type { z } from 'zod';
import { clearKeyCache } from '../auth/keys';
import { notFound } from '../http/api';
import { type ActionCtx, inTransaction } from './action-context';
import { projectIdSchema } from './get-project';

// Raw telemetry lives outside Prisma's schema (no foreign keys on partitioned tables): deleted here, by name
// from this fixed list.
const TELEMETRY_TABLES = [
  'spans',
  'span_payloads',
  'metric_points',
  'rollup_minute',
  'rollup_hour',
  'rollup_day',
  'rollup_service_minute',
  'rollup_service_5min',
  'rollup_service_hour',
  'rollup_service_day',
  'feedback',
  'route_apdex',
];

/** Deletes the project with its keys, memberships and telemetry, in one transaction. */
export async function deleteProject(ctx: ActionCtx, input: z.input<typeof projectIdSchema>): Promise<void> {
  const { projectId } = projectIdSchema.parse(input);
  await inTransaction(ctx.pool, async (client) => {
    const { rowCount } = await client.query('DELETE FROM projects WHERE id = $1', [projectId]);
    if (!rowCount) throw notFound('Project not found');
    for (const table of TELEMETRY_TABLES) {
      await client.query('SAVEPOINT t');
      try {
        await client.query(`DELETE FROM telemetry.${table} WHERE project_id = $1`, [projectId]);
        await client.query('RELEASE SAVEPOINT t');
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT t'); // a table this installation does not have yet
      }
    }
  });
  clearKeyCache();
}
