'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { PollSettings } from '@/lib/feedback/poll-config/poll-settings';
import { AllowedOriginsForm } from './allowed-origins-form';
import { EmbedSnippet } from './embed-snippet';
import { useSavePollConfigMutation } from './mutations';
import { PollSettingsForm } from './poll-settings-form';
import { usePollConfigQuery } from './queries';
import { Section } from './section';
import { WidgetPreview } from './widget-preview';

/** Poll configuration with a live preview of the real widget and the embed snippet. */
export function PollSettingsPage({ projectId }: { projectId: number }) {
  const config = usePollConfigQuery(projectId);
  const save = useSavePollConfigMutation(projectId);
  const [draft, setDraft] = useState<PollSettings | null>(null);
  useEffect(() => {
    if (config.data && draft === null) setDraft(config.data.settings);
  }, [config.data, draft]);
  const publicKey = config.data?.publicKeys[0] ?? null;
  const fields = save.error && 'fields' in save.error ? (save.error.fields as Record<string, string>) : {};
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Feedback poll</h1>
        <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/feedback`}>
          Back to perceived performance
        </Link>
      </div>
      {config.error && <p className="text-sm text-red-600">{config.error.message}</p>}
      {draft && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Section
            title="Settings"
            hint="Apply to every page embedding the project's key, within five minutes (browser cache)."
          >
            <form
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate(draft);
              }}
              className="flex flex-col gap-4"
            >
              <PollSettingsForm value={draft} onChange={setDraft} />
              <div className="flex items-center gap-3">
                <button
                  type="submit"
                  disabled={save.isPending}
                  className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:bg-blue-300"
                >
                  {save.isPending ? 'Saving…' : 'Save'}
                </button>
                {save.isSuccess && (
                  <span className="text-sm text-emerald-700" role="status">
                    Saved.
                  </span>
                )}
                {save.error && (
                  <span className="text-sm text-red-600" role="alert">
                    {save.error.message}
                    {Object.entries(fields).map(([k, v]) => ` · ${k}: ${v}`)}
                  </span>
                )}
              </div>
            </form>
          </Section>
          <div className="flex flex-col gap-4">
            <Section title="Preview" hint="The real widget with these settings. Answers here go nowhere.">
              <WidgetPreview publicKey={publicKey ?? 'preview'} settings={draft} />
            </Section>
            <Section title="Embed">
              <div className="flex flex-col gap-4">
                <EmbedSnippet publicKey={publicKey} allowedOrigins={config.data?.allowedOrigins ?? []} />
                {config.data && <AllowedOriginsForm projectId={projectId} saved={config.data.allowedOrigins} />}
              </div>
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}
