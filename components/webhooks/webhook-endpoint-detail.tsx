'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Panel } from '../alerts/form-fields';
import { DeliveryLog } from './delivery-log';
import { EndpointStatus } from './endpoint-status';
import {
  useDeleteEndpointMutation,
  useRotateSecretMutation,
  useSendTestEventMutation,
  useUpdateEndpointMutation,
} from './mutations';
import { useWebhookEndpointQuery } from './queries';
import { SecretReveal } from './secret-reveal';

export function WebhookEndpointDetail({ projectId, endpointId }: { projectId: number; endpointId: string }) {
  const router = useRouter();
  const endpoint = useWebhookEndpointQuery(projectId, endpointId);
  const test = useSendTestEventMutation(projectId, endpointId);
  const rotate = useRotateSecretMutation(projectId, endpointId);
  const update = useUpdateEndpointMutation(projectId, endpointId);
  const remove = useDeleteEndpointMutation(projectId, endpointId);
  const [secret, setSecret] = useState<string | null>(null);

  if (endpoint.isPending) return <p className="text-sm text-slate-500">Loading endpoint…</p>;
  if (endpoint.error) return <p className="text-sm text-red-600">{endpoint.error.message}</p>;
  const e = endpoint.data;
  const error = test.error ?? rotate.error ?? update.error ?? remove.error;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3">
        <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/webhooks`}>
          ← Webhooks
        </Link>
        <h1 className="text-xl font-semibold">{e.name}</h1>
        <EndpointStatus endpoint={e} />
      </div>
      <Panel>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">URL</dt>
          <dd className="break-all">{e.url}</dd>
          <dt className="text-slate-500">Format</dt>
          <dd>{e.format === 'alertmanager' ? 'Alertmanager v4' : 'Tailwatch JSON'}</dd>
          <dt className="text-slate-500">Secret</dt>
          <dd>
            <code>{e.secretPreview}</code>
            {e.previousSecretExpiresAt && (
              <span className="ml-2 text-xs text-slate-500">
                previous secret also signs until {new Date(e.previousSecretExpiresAt).toLocaleString()}
              </span>
            )}
          </dd>
          {e.disabledAt && (
            <>
              <dt className="text-slate-500">Disabled</dt>
              <dd>
                {new Date(e.disabledAt).toLocaleString()}: {e.disabledReason}
              </dd>
            </>
          )}
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button onClick={() => test.mutate()} disabled={Boolean(e.disabledAt) || test.isPending}>
            Send test event
          </Button>
          <Button
            variant="secondary"
            disabled={rotate.isPending}
            onClick={async () => {
              if (!window.confirm('Rotate the secret? The current one keeps signing for 24 hours.')) return;
              const rotated = await rotate.mutateAsync().catch(() => null);
              if (rotated) setSecret(rotated.secret);
            }}
          >
            Rotate secret
          </Button>
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ enabled: Boolean(e.disabledAt) })}
          >
            {e.disabledAt ? 'Enable' : 'Disable'}
          </Button>
          <Button
            variant="danger"
            className="ml-auto"
            disabled={remove.isPending}
            onClick={async () => {
              if (!window.confirm('Delete this endpoint and its delivery log?')) return;
              await remove.mutateAsync();
              router.push(`/projects/${projectId}/webhooks`);
            }}
          >
            Delete
          </Button>
        </div>
        {test.isSuccess && <p className="mt-2 text-sm text-emerald-700">Test event queued: watch the delivery log.</p>}
        {error && (
          <p className="mt-2 text-sm text-red-600" role="alert">
            {error.message}
          </p>
        )}
        {secret && (
          <div className="mt-3">
            <SecretReveal secret={secret} onDone={() => setSecret(null)} />
          </div>
        )}
      </Panel>
      <Panel title="Delivery log">
        <DeliveryLog projectId={projectId} endpointId={endpointId} disabled={Boolean(e.disabledAt)} />
      </Panel>
    </div>
  );
}
