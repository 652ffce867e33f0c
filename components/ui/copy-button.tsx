'use client';

import { useState } from 'react';
import { Button } from './button';

/**
 * Copies `text` to the clipboard and says so (also to screen readers). `what` names the thing copied, so
 * several copy buttons on one page have distinct accessible names ("Copy ingest key to clipboard").
 */
export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      aria-label={what ? `${label} ${what} to clipboard` : `${label} to clipboard`}
      onClick={async () => {
        await navigator.clipboard.writeText(text).catch(() => {});
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </Button>
  );
}
