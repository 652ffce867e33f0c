'use client';

import { useState } from 'react';
import type { WebhookFormat } from '@/lib/webhooks/outbox-payload';
import { ApiRequestError } from '../alerts/api-client';
import { Button, Field, inputClass } from '../alerts/form-fields';
import { type CreatedEndpoint, useCreateEndpointMutation } from './mutations';

export function EndpointCreateForm({
  projectId,
  onCreated,
}: {
  projectId: number;
  onCreated: (c: CreatedEndpoint) => void;
}) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('tailwatch');
  const create = useCreateEndpointMutation(projectId);
  const fields = create.error instanceof ApiRequestError ? create.error.fields : {};

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const created = await create.mutateAsync({ name, url, format }).catch(() => null);
    if (!created) return;
    setName('');
    setUrl('');
    onCreated(created);
  };

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 md:grid-cols-[1fr_2fr_1fr_auto] md:items-end"
      aria-label="New webhook endpoint"
    >
      <Field id="endpoint-name" label="Name" error={fields.name}>
        <input id="endpoint-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="endpoint-url" label="URL" error={fields.url}>
        <input
          id="endpoint-url"
          className={inputClass}
          value={url}
          placeholder="https://oncall.example.com/hooks/tailwatch"
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field id="endpoint-format" label="Payload format">
        <select
          id="endpoint-format"
          className={inputClass}
          value={format}
          onChange={(e) => setFormat(e.target.value as WebhookFormat)}
        >
          <option value="tailwatch">Tailwatch JSON</option>
          <option value="alertmanager">Alertmanager v4</option>
        </select>
      </Field>
      <Button type="submit" disabled={create.isPending}>
        Add endpoint
      </Button>
      {create.error && Object.keys(fields).length === 0 && (
        <p className="text-sm text-red-600 md:col-span-4" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
