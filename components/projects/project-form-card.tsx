'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { apiFetch, ApiRequestError } from '@/components/ui/api-fetch';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';

export interface ProjectSettingsView {
  id: number;
  name: string;
  allowedOrigins: string[];
  apdexMs: number;
}

/** Name, widget origins and default Apdex threshold; and deleting the project. */
export function ProjectFormCard({ project }: { project: ProjectSettingsView }) {
  const router = useRouter();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Partial<ProjectSettingsView>) =>
      apiFetch(`/api/v1/projects/${project.id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      setSaved(true);
      client.invalidateQueries({ queryKey: ['projects'] });
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${project.id}`, { method: 'DELETE' }),
    onSuccess: () => router.replace('/projects'),
  });
  const fields = save.error instanceof ApiRequestError ? save.error.fields : {};

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const form = new FormData(e.currentTarget);
    save.mutate({
      name: String(form.get('name')),
      apdexMs: Number(form.get('apdexMs')),
      allowedOrigins: String(form.get('origins'))
        .split(/\s+/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }

  return (
    <Card title="Project">
      <form onSubmit={submit} className="space-y-4">
        <Field
          id="name"
          name="name"
          label="Name"
          defaultValue={project.name}
          required
          maxLength={100}
          error={fields.name}
        />
        <Field
          id="apdexMs"
          name="apdexMs"
          type="number"
          min={1}
          label="Default Apdex threshold T (ms)"
          defaultValue={project.apdexMs}
          error={fields.apdexMs}
        />
        <div className="space-y-1">
          <label htmlFor="origins" className="block text-sm font-medium">
            Origins allowed to send poll answers with the public key (one per line)
          </label>
          <textarea
            id="origins"
            name="origins"
            rows={3}
            defaultValue={project.allowedOrigins.join('\n')}
            placeholder="https://app.example.com"
            className={inputClass}
          />
          {Object.entries(fields)
            .filter(([k]) => k.startsWith('allowedOrigins'))
            .map(([k, v]) => (
              <p key={k} className="text-sm text-red-600">
                {v}
              </p>
            ))}
        </div>
        {save.error && Object.keys(fields).length === 0 ? (
          <p role="alert" className="text-sm text-red-600">
            {save.error.message}
          </p>
        ) : null}
        <div className="flex items-center justify-between">
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
          {saved ? (
            <span role="status" className="text-sm text-green-700 dark:text-green-400">
              Saved
            </span>
          ) : null}
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              window.confirm(`Delete "${project.name}" with all its data? This cannot be undone.`) && remove.mutate()
            }
          >
            Delete project
          </Button>
        </div>
        {remove.error ? (
          <p role="alert" className="text-sm text-red-600">
            {remove.error.message}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
