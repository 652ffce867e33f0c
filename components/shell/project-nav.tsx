'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';

const TABS = [
  { label: 'Overview', path: '' },
  { label: 'Releases', path: '/releases' },
  { label: 'Traces', path: '/traces' },
  { label: 'Feedback', path: '/feedback' },
  { label: 'Alerts', path: '/alerts' },
  { label: 'Webhooks', path: '/webhooks' },
  { label: 'Settings', path: '/settings' },
];

/** Project switcher and the per-project tabs; the active tab is the longest matching prefix. */
export function ProjectNav({ projectId, projects }: { projectId: number; projects: { id: number; name: string }[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/projects/${projectId}`;
  const rest = pathname.slice(base.length);
  const active = TABS.filter((t) => (t.path === '' ? true : rest === t.path || rest.startsWith(`${t.path}/`))).at(-1);
  // Services and routes pages belong to the overview tab.
  const current = rest.startsWith('/services') ? TABS[0] : active;
  return (
    <div className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4">
        <label className="flex items-center gap-2 py-2 text-sm">
          <span className="sr-only">Project</span>
          <select
            value={projectId}
            onChange={(e) => router.push(`/projects/${e.target.value}`)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 font-medium dark:border-slate-700 dark:bg-slate-900"
          >
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Project" className="flex flex-wrap gap-1">
          {TABS.map((t) => {
            const isActive = t === current;
            return (
              <Link
                key={t.label}
                href={`${base}${t.path}`}
                aria-current={isActive ? 'page' : undefined}
                className={`border-b-2 px-2 py-2 text-sm ${
                  isActive
                    ? 'border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
                }`}
              >
                {t.label}
              </Link>
            );
          })}
        </nav>
      </div>
    </div>
  );
}
