import type { ActionCtx } from './action-context';

export interface ProjectSummary {
  id: number;
  name: string;
  role: 'owner' | 'member';
  createdAt: string;
}

/** The projects the user belongs to, oldest first. */
export async function listProjects(ctx: ActionCtx, input: { userId: string }): Promise<ProjectSummary[]> {
  const { rows } = await ctx.pool.query<{ id: number; name: string; role: 'owner' | 'member'; created_at: Date }>(
    `SELECT p.id, p.name, m.role, p.created_at FROM projects p JOIN memberships m ON m.project_id = p.id
     WHERE m.user_id = $1 ORDER BY p.created_at, p.id`,
    [input.userId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at.toISOString() }));
}
