import { headers } from 'next/headers';
import { KeysCard } from '@/components/projects/keys-card';
import { OtelSnippet } from '@/components/projects/otel-snippet';
import { ProjectFormCard } from '@/components/projects/project-form-card';
import { requireProjectMember } from '@/lib/auth/current-user';
import { config } from '@/lib/config';
import { db } from '@/lib/db/pool';
import { getProject } from '@/lib/projects/get-project';

export const metadata = { title: 'Settings · Tailwatch' };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  const user = await requireProjectMember(projectId);
  const project = await getProject({ pool: db(), userId: user.userId }, { projectId });
  const host = (await headers()).get('host') ?? `localhost:${config().PORT}`;
  const endpoint = config().TAILWATCH_PUBLIC_URL ?? `http://${host}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <ProjectFormCard
        project={{
          id: project.id,
          name: project.name,
          allowedOrigins: project.allowedOrigins,
          apdexMs: project.apdexMs,
        }}
      />
      <KeysCard projectId={projectId} />
      <OtelSnippet endpoint={endpoint} />
    </div>
  );
}
