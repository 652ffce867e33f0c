'use client';

import { useEffect, useState } from 'react';
import type { PollSettings } from '@/lib/feedback/poll-config/poll-settings';
import { useDebouncedValue } from '../alerts/use-debounced-value';
import { previewDocument } from './preview-document';

/** The real widget, live with the unsaved settings, in a sandboxed frame that cannot send. */
export function WidgetPreview({ publicKey, settings }: { publicKey: string; settings: PollSettings }) {
  const settled = useDebouncedValue(settings, 400);
  const [origin, setOrigin] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => setOrigin(window.location.origin), []);
  if (!origin) return null;
  return (
    <div className="flex flex-col gap-2">
      <iframe
        key={`${round}:${JSON.stringify(settled)}`}
        title="Poll preview"
        data-testid="poll-preview"
        sandbox="allow-scripts"
        className="h-[26rem] w-full rounded border border-slate-200 bg-slate-50 dark:border-slate-700"
        srcDoc={previewDocument(`${origin}/tw.js`, publicKey, settled)}
      />
      <button
        type="button"
        className="self-start text-sm text-blue-600 hover:underline"
        onClick={() => setRound((r) => r + 1)}
      >
        Show the poll again
      </button>
    </div>
  );
}
