'use client';

import { useEffect, useState } from 'react';

/** The copy-paste snippet. Settings come from this page at run time; data-* attributes would override them. */
export function EmbedSnippet({ publicKey, allowedOrigins }: { publicKey: string | null; allowedOrigins: string[] }) {
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const snippet = `<script async src="${origin}/tw.js" data-key="${publicKey ?? 'YOUR_PUBLIC_KEY'}" data-release="YOUR_RELEASE"></script>
<!-- Single-page apps, on each navigation: window.tailwatch?.setContext({ route: '/orders/:id', traceId }) -->`;
  const copy = async () => {
    await navigator.clipboard.writeText(snippet);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="flex flex-col gap-2 text-sm">
      {!publicKey && (
        <p className="text-amber-700">
          This project has no public widget key yet: create one under the project's keys.
        </p>
      )}
      <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="embed-snippet">
        {snippet}
      </pre>
      <div className="flex items-center gap-3">
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          onClick={copy}
        >
          {copied ? 'Copied' : 'Copy snippet'}
        </button>
      </div>
      <p className="text-slate-600 dark:text-slate-400">
        Answers are accepted only from the project's allowed origins:{' '}
        {allowedOrigins.length > 0 ? (
          <span className="font-mono text-xs">{allowedOrigins.join(', ')}</span>
        ) : (
          <strong>none yet</strong>
        )}
        .
      </p>
    </div>
  );
}
