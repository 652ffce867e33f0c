import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/shell/auth-form';
import { currentUser } from '@/lib/auth/current-user';
import { needsSetup } from '@/lib/auth/users';
import { safeNextPath } from '@/lib/http/safe-next';

// Reads the database on every request (first-run state, session).
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Sign in · Tailwatch' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsSetup()) redirect('/setup');
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <AuthForm mode="login" next={next} />
    </>
  );
}
