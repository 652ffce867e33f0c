'use client';

import { useState } from 'react';
import { ApiRequestError } from '../alerts/api-client';
import { useSaveAllowedOriginsMutation } from './mutations';

/** The sites allowed to embed the widget: one origin per line. */
export function AllowedOriginsForm({ projectId, saved }: { projectId: number; saved: string[] }) {
  const [text, setText] = useState(saved.join('\n'));
  const save = useSaveAllowedOriginsMutation(projectId);
  const fields = save.error instanceof ApiRequestError ? (save.error.fields ?? {}) : {};
  const problems = Object.entries(fields).map(([field, message]) => {
    const index = Number(field.split('.')[1]);
    return Number.isInteger(index) ? `line ${index + 1}: ${message}` : message;
  });
  return (
    <form
      className="flex flex-col gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          text
            .split(/[\s,]+/)
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
    >
      <label htmlFor="allowed-origins" className="font-medium text-slate-700 dark:text-slate-300">
        Allowed origins
      </label>
      <textarea
        id="allowed-origins"
        rows={3}
        className="rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500 dark:border-slate-700 dark:bg-slate-900"
        placeholder="https://shop.example.com"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="text-xs text-slate-500">
        One per line, scheme and host (and port). Only pages on these origins get the poll settings and may send
        answers; changes apply within about 15 seconds.
      </p>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {save.isPending ? 'Saving…' : 'Save origins'}
        </button>
        {save.isSuccess && (
          <span className="text-emerald-700" role="status">
            Origins saved.
          </span>
        )}
        {save.error && (
          <span className="text-red-600" role="alert">
            {problems.length > 0 ? problems.join(' · ') : save.error.message}
          </span>
        )}
      </div>
    </form>
  );
}
