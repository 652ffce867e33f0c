'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Panel } from '../alerts/form-fields';
import { EndpointCreateForm } from './endpoint-create-form';
import { EndpointStatus } from './endpoint-status';
import type { CreatedEndpoint } from './mutations';
import { useWebhookEndpointsQuery } from './queries';
import { SecretReveal } from './secret-reveal';

export function WebhookEndpointsPage({ projectId }: { projectId: number }) {
  const endpoints = useWebhookEndpointsQuery(projectId);
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/alerts`}>
          Alert rules
        </Link>
      </div>
      <Panel title="Add an endpoint">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Alert notifications are POSTed to every active endpoint, signed per Standard Webhooks. Internal addresses are
          refused unless listed in <code>TAILWATCH_WEBHOOK_ALLOW_HOSTS</code>.
        </p>
        <EndpointCreateForm projectId={projectId} onCreated={setCreated} />
        {created && (
          <div className="mt-3">
            <SecretReveal secret={created.secret} onDone={() => setCreated(null)} />
            <Link
              className="mt-2 inline-block text-sm text-blue-600 hover:underline"
              href={`/projects/${projectId}/webhooks/${created.endpoint.id}`}
            >
              Open {created.endpoint.name} to send a test event →
            </Link>
          </div>
        )}
      </Panel>
      <Panel title="Endpoints">
        {endpoints.isPending && <p className="text-sm text-slate-500">Loading…</p>}
        {endpoints.error && <p className="text-sm text-red-600">{endpoints.error.message}</p>}
        {endpoints.data?.length === 0 && <p className="text-sm text-slate-500">No endpoints yet.</p>}
        {endpoints.data && endpoints.data.length > 0 && (
          <table className="w-full text-left text-sm" data-testid="webhook-endpoints">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1.5">Endpoint</th>
                <th>Format</th>
                <th>Status</th>
                <th>Pending</th>
                <th>Failed (24 h)</th>
                <th>Last delivered</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {endpoints.data.map((e) => (
                <tr key={e.id}>
                  <td className="py-2">
                    <Link
                      className="font-medium text-blue-600 hover:underline"
                      href={`/projects/${projectId}/webhooks/${e.id}`}
                    >
                      {e.name}
                    </Link>
                    <div className="break-all text-xs text-slate-500">{e.url}</div>
                  </td>
                  <td>{e.format === 'alertmanager' ? 'Alertmanager v4' : 'Tailwatch JSON'}</td>
                  <td>
                    <EndpointStatus endpoint={e} />
                  </td>
                  <td>{e.pendingMessages}</td>
                  <td>{e.failedLast24h}</td>
                  <td className="whitespace-nowrap">
                    {e.lastDeliveredAt ? new Date(e.lastDeliveredAt).toLocaleString() : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
