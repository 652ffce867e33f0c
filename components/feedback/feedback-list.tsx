'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatMs } from './format';
import { type FeedbackView, useFeedbackListQuery } from './queries';
import { Section } from './section';

/** The answers themselves, newest first. Comments are rendered as text (React escapes them). */
export function FeedbackList({ projectId, view }: { projectId: number; view: FeedbackView }) {
  const [commentsOnly, setCommentsOnly] = useState(false);
  const list = useFeedbackListQuery(projectId, view, commentsOnly);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section
      title="Answers"
      testId="feedback-list"
      actions={
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={commentsOnly} onChange={(e) => setCommentsOnly(e.target.checked)} />
          With comments only
        </label>
      }
    >
      {list.error && <p className="text-sm text-red-600">{list.error.message}</p>}
      {list.data && items.length === 0 && <p className="text-sm text-slate-500">No answers in this range yet.</p>}
      {items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1.5">When</th>
                <th>Rating</th>
                <th>Route</th>
                <th>Release</th>
                <th>Latency</th>
                <th>Comment</th>
                <th>Trace</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {items.map((f) => (
                <tr key={f.id} data-testid="feedback-row">
                  <td className="whitespace-nowrap py-1.5 text-slate-600 dark:text-slate-400">
                    {new Date(f.receivedAt).toLocaleString()}
                  </td>
                  <td className="whitespace-nowrap tabular-nums">
                    <span
                      className={f.score >= 75 ? 'text-emerald-600' : f.score >= 50 ? 'text-amber-600' : 'text-red-600'}
                    >
                      {f.rating}/{f.scale}
                    </span>
                    <span className="ml-1 text-xs text-slate-500">{f.trigger}</span>
                  </td>
                  <td className="font-mono text-xs">
                    {f.route || f.path}
                    {f.route && f.route !== f.path && <div className="text-slate-500">{f.path}</div>}
                  </td>
                  <td className="font-mono text-xs">{f.release || '–'}</td>
                  <td className="whitespace-nowrap tabular-nums">
                    {formatMs(f.latencyMs)}
                    {f.latencySource && <span className="ml-1 text-xs text-slate-500">{f.latencySource}</span>}
                  </td>
                  <td className="max-w-md whitespace-pre-wrap break-words" data-testid="feedback-comment">
                    {f.comment ?? ''}
                  </td>
                  <td className="font-mono text-xs">
                    {f.traceId ? (
                      f.traceFound ? (
                        <Link
                          className="text-blue-600 hover:underline"
                          href={`/projects/${projectId}/traces/${f.traceId}`}
                        >
                          {f.traceId.slice(0, 12)}…
                        </Link>
                      ) : (
                        <span title="Not among the stored spans (not sent, or past retention)">
                          {f.traceId.slice(0, 12)}…
                        </span>
                      )
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="mt-3 text-sm text-blue-600 hover:underline disabled:opacity-50"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show older answers'}
        </button>
      )}
    </Section>
  );
}
