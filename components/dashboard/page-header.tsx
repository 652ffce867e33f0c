import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

/** Page title with breadcrumbs (links keep the view's URL parameters). */
export function PageHeader({
  title,
  crumbs = [],
  children,
}: {
  title: string;
  crumbs?: Crumb[];
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-2">
      <div>
        {crumbs.length > 0 ? (
          <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
            {crumbs.map((c, i) => (
              <span key={c.label}>
                {i > 0 ? ' / ' : ''}
                {c.href ? (
                  <Link className="hover:underline" href={c.href}>
                    {c.label}
                  </Link>
                ) : (
                  c.label
                )}
              </span>
            ))}
          </nav>
        ) : null}
        <h1 className="text-xl font-semibold break-all">{title}</h1>
      </div>
      {children}
    </header>
  );
}
