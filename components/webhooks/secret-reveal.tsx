'use client';

import { useState } from 'react';
import { Button } from '../alerts/form-fields';

/** A new signing secret, shown this once (the API never returns it again). */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      className="rounded border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
      role="status"
    >
      <p className="text-sm font-medium">Signing secret: copy it now, it will not be shown again.</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          className="flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900"
          data-testid="webhook-secret"
        >
          {secret}
        </code>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Verify the <code>webhook-signature</code> header with any Standard Webhooks library using this secret.
      </p>
    </div>
  );
}
