import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { LogoutButton } from '@/components/shell/logout-button';
import { currentUser } from '@/lib/auth/current-user';
import { needsSetup } from '@/lib/auth/users';
import { PATH_HEADER } from '@/lib/http/client-ip-header';
import { safeNextPath } from '@/lib/http/safe-next';
import { Providers } from '../providers';

// Per request: who is signed in decides what renders (never prerendered at build time).
export const dynamic = 'force-dynamic';

// Every dashboard page needs a session: first run goes to /setup, everyone else without one to /login.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  if (await needsSetup()) redirect('/setup');
  const user = await currentUser();
  if (!user) {
    const here = safeNextPath((await headers()).get(PATH_HEADER) ?? undefined);
    redirect(`/login?next=${encodeURIComponent(here)}`);
  }
  return (
    <Providers>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2">
            <Link href="/projects" className="font-semibold text-indigo-600 dark:text-indigo-400">
              Tailwatch
            </Link>
            <div className="flex items-center gap-3 text-sm">
              <span className="text-slate-500 dark:text-slate-400">{user.email}</span>
              <LogoutButton />
            </div>
          </div>
        </header>
        {children}
      </div>
    </Providers>
  );
}
