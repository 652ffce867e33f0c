'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/components/ui/api-fetch';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Tbody, Td, Th, Thead } from '@/components/ui/table';
import type { KeySummary } from '@/lib/projects/list-keys';
import { SecretsPanel } from './secrets-panel';

// GET /api/v1/projects/{id}/keys answers with lib/projects/list-keys' summaries (a type-only import).
type KeyRow = KeySummary;
interface CreatedKey {
  id: string;
  kind: KeyRow['kind'];
  secret: string;
}

const KIND_LABEL = { ingest: 'Ingest key', public: 'Public widget key', api: 'API token' } as const;
const NEW_LABEL = { ingest: 'New ingest key', public: 'New widget key', api: 'New API token' } as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Keys of a project: create, revoke, rotate; a new secret is shown once. */
export function KeysCard({ projectId }: { projectId: number }) {
  const client = useQueryClient();
  const url = `/api/v1/projects/${projectId}/keys`;
  const keys = useQuery({ queryKey: ['keys', projectId], queryFn: () => apiFetch<{ keys: KeyRow[] }>(url) });
  const [fresh, setFresh] = useState<CreatedKey | null>(null);
  const done = (k?: CreatedKey) => {
    setFresh(k ?? null);
    client.invalidateQueries({ queryKey: ['keys', projectId] });
  };
  const create = useMutation({
    mutationFn: (kind: KeyRow['kind']) => apiFetch<CreatedKey>(url, { method: 'POST', body: { kind } }),
    onSuccess: done,
  });
  const rotate = useMutation({
    mutationFn: (id: string) => apiFetch<CreatedKey>(`${url}/${id}/rotate`, { method: 'POST' }),
    onSuccess: done,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`${url}/${id}`, { method: 'DELETE' }),
    onSuccess: () => done(),
  });
  const error = create.error ?? rotate.error ?? revoke.error;

  return (
    <Card
      title="Keys"
      actions={
        <div className="flex gap-2">
          {(['ingest', 'public', 'api'] as const).map((kind) => (
            <Button key={kind} variant="secondary" onClick={() => create.mutate(kind)} disabled={create.isPending}>
              {NEW_LABEL[kind]}
            </Button>
          ))}
        </div>
      }
    >
      <div className="space-y-3">
        {fresh ? <SecretsPanel secrets={[{ label: KIND_LABEL[fresh.kind], value: fresh.secret }]} /> : null}
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error.message}
          </p>
        ) : null}
        <Table caption="Keys of this project">
          <Thead>
            <tr>
              <Th>Kind</Th>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </Thead>
          <Tbody>
            {(keys.data?.keys ?? []).map((k) => (
              <tr key={k.id} className={k.revokedAt ? 'text-slate-400' : ''}>
                <Td>{KIND_LABEL[k.kind]}</Td>
                <Td className="font-mono text-xs break-all">{k.publicKey ?? `${k.prefix}…`}</Td>
                <Td>{when(k.createdAt)}</Td>
                <Td>{when(k.lastUsedAt)}</Td>
                <Td>{k.revokedAt ? `revoked ${when(k.revokedAt)}` : 'active'}</Td>
                <Td className="text-right whitespace-nowrap">
                  {k.revokedAt ? null : (
                    <span className="inline-flex gap-1">
                      <Button variant="secondary" onClick={() => rotate.mutate(k.id)} aria-label={`Rotate ${k.prefix}`}>
                        Rotate
                      </Button>
                      <Button
                        variant="danger"
                        aria-label={`Revoke ${k.prefix}`}
                        onClick={() =>
                          window.confirm(`Revoke ${k.prefix}…? Clients using it get 401.`) && revoke.mutate(k.id)
                        }
                      >
                        Revoke
                      </Button>
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      </div>
    </Card>
  );
}
