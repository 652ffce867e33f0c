import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ProjectNav } from '@/components/shell/project-nav';
import { currentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/pool';
import { listProjects } from '@/lib/projects/list-projects';

// Tenant isolation for every page under /projects/{id}: a project the user does not belong to is a 404.
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const projectId = Number((await params).projectId);
  const user = await currentUser();
  if (!user || !Number.isSafeInteger(projectId)) notFound();
  const projects = await listProjects({ pool: db(), userId: user.userId }, { userId: user.userId });
  if (!projects.some((p) => p.id === projectId)) notFound();
  return (
    <>
      <ProjectNav projectId={projectId} projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
      <div className="mx-auto max-w-7xl px-4 py-6">{children}</div>
    </>
  );
}
