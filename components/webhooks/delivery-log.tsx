'use client';

import { Fragment, useState } from 'react';
import { Button } from '../alerts/form-fields';
import { useRedeliverMutation } from './mutations';
import { type DeliveryJson, useWebhookDeliveriesQuery } from './queries';

const STATUS_STYLE: Record<DeliveryJson['status'], string> = {
  delivered: 'text-emerald-700 dark:text-emerald-400',
  pending: 'text-amber-700 dark:text-amber-400',
  failed: 'text-red-700 dark:text-red-400',
  cancelled: 'text-slate-500',
};

function lastAttempt(d: DeliveryJson) {
  return d.attemptLog[0];
}

/** Every message to the endpoint with its attempts (status, latency, error) and a redeliver button. */
export function DeliveryLog({
  projectId,
  endpointId,
  disabled,
}: {
  projectId: number;
  endpointId: string;
  disabled: boolean;
}) {
  const deliveries = useWebhookDeliveriesQuery(projectId, endpointId);
  const redeliver = useRedeliverMutation(projectId, endpointId);
  const [open, setOpen] = useState<string | null>(null);
  if (deliveries.isPending) return <p className="text-sm text-slate-500">Loading deliveries…</p>;
  if (deliveries.error) return <p className="text-sm text-red-600">{deliveries.error.message}</p>;
  if (deliveries.data.length === 0) return <p className="text-sm text-slate-500">Nothing sent yet.</p>;
  return (
    <>
      {redeliver.error && (
        <p className="mb-2 text-sm text-red-600" role="alert">
          {redeliver.error.message}
        </p>
      )}
      <table className="w-full text-left text-sm" data-testid="delivery-log">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1.5">Created</th>
            <th>Event</th>
            <th>Status</th>
            <th>HTTP</th>
            <th>Latency</th>
            <th>Attempts</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {deliveries.data.map((d) => {
            const last = lastAttempt(d);
            return (
              <Fragment key={d.id}>
                <tr>
                  <td className="py-1.5 whitespace-nowrap">
                    <button
                      type="button"
                      className="text-blue-600 hover:underline"
                      onClick={() => setOpen(open === d.id ? null : d.id)}
                    >
                      {new Date(d.createdAt).toLocaleString()}
                    </button>
                  </td>
                  <td>{d.eventType}</td>
                  <td className={`font-medium ${STATUS_STYLE[d.status]}`} data-testid="delivery-status">
                    {d.status}
                    {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                      <span className="block text-xs font-normal text-slate-500">
                        retry {new Date(d.nextAttemptAt).toLocaleTimeString()}
                      </span>
                    )}
                  </td>
                  <td>{last?.httpStatus ?? (last ? 'none' : '—')}</td>
                  <td>{last ? `${last.latencyMs} ms` : '—'}</td>
                  <td>{d.attemptLog.length}</td>
                  <td className="text-right">
                    <Button
                      variant="secondary"
                      disabled={disabled || redeliver.isPending}
                      onClick={() => redeliver.mutate(d.id)}
                    >
                      Redeliver
                    </Button>
                  </td>
                </tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={7} className="bg-slate-50 p-3 dark:bg-slate-950">
                      <p className="text-xs text-slate-500">
                        webhook-id <code>{d.webhookId}</code>
                        {d.lastError && <span className="ml-2 text-red-600">{d.lastError}</span>}
                      </p>
                      <ul className="mt-2 space-y-1 text-xs">
                        {d.attemptLog.map((a) => (
                          <li key={a.number}>
                            #{a.number} {new Date(a.startedAt).toLocaleString()}: {a.outcome}
                            {a.httpStatus !== null && ` (HTTP ${a.httpStatus})`}, {a.latencyMs} ms
                            {a.error && ` — ${a.error}`}
                            {a.responseExcerpt && <span className="text-slate-500"> — {a.responseExcerpt}</span>}
                          </li>
                        ))}
                      </ul>
                      <pre className="mt-2 max-h-48 overflow-auto rounded bg-white p-2 text-xs dark:bg-slate-900">
                        {d.body}
                      </pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
