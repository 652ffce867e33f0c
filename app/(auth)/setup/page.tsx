import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/shell/auth-form';
import { needsSetup } from '@/lib/auth/users';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';

// Reads the database on every request (first-run state, session).
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Set up · Tailwatch' };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect('/login');
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Welcome to Tailwatch</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Create the admin account. Use a password of at least {PASSWORD_MIN_LENGTH} characters.
      </p>
      <AuthForm mode="setup" next="/projects" />
    </>
  );
}
