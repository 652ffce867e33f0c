'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { apiFetch } from '@/components/ui/api-fetch';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { SecretsPanel } from './secrets-panel';

interface ProjectRow {
  id: number;
  name: string;
  role: string;
  createdAt: string;
}
interface Created {
  projectId: number;
  name: string;
  ingestKey: string;
  publicKey: string;
  apiToken: string;
}

export function ProjectsPage() {
  const client = useQueryClient();
  const projects = useQuery({
    queryKey: ['projects'],
    queryFn: () => apiFetch<{ projects: ProjectRow[] }>('/api/v1/projects'),
  });
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<Created>('/api/v1/projects', { method: 'POST', body: { name } }),
    onSuccess: (data) => {
      setCreated(data);
      client.invalidateQueries({ queryKey: ['projects'] });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '');
    create.mutate(name);
    e.currentTarget.reset();
  }

  const list = projects.data?.projects ?? [];
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Projects</h1>
      {created ? (
        <Card title={`Project "${created.name}" created`}>
          <SecretsPanel
            secrets={[
              { label: 'Ingest key', value: created.ingestKey },
              { label: 'Public widget key', value: created.publicKey },
              { label: 'API token', value: created.apiToken },
            ]}
          />
          <p className="mt-3 text-sm">
            <Link
              className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              href={`/projects/${created.projectId}`}
            >
              Open {created.name} →
            </Link>
          </p>
        </Card>
      ) : null}
      <Card title="Your projects">
        {projects.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
        {projects.isError ? (
          <p role="alert" className="text-sm text-red-600">
            {projects.error.message}
          </p>
        ) : null}
        {projects.isSuccess && list.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No projects yet: create one below to get its keys.
          </p>
        ) : null}
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {list.map((p) => (
            <li key={p.id} className="flex items-center justify-between py-2">
              <Link
                href={`/projects/${p.id}`}
                className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {p.name}
              </Link>
              <span className="text-xs text-slate-500">
                {p.role} · created {new Date(p.createdAt).toLocaleDateString()} ·{' '}
                <Link href={`/projects/${p.id}/settings`} className="hover:underline">
                  settings
                </Link>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="New project">
        <form onSubmit={submit} className="flex items-end gap-2">
          <div className="flex-1">
            <Field
              id="project-name"
              name="name"
              label="Name"
              required
              maxLength={100}
              placeholder="checkout-api"
              error={create.error?.message}
            />
          </div>
          <Button type="submit" disabled={create.isPending}>
            Create project
          </Button>
        </form>
      </Card>
    </main>
  );
}
