'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { apiFetch, ApiRequestError } from '@/components/ui/api-fetch';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

/** The setup (first admin) and sign-in forms: same fields, different endpoint and wording. */
export function AuthForm({ mode, next }: { mode: 'setup' | 'login'; next: string }) {
  const router = useRouter();
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    setFields({});
    try {
      await apiFetch(mode === 'setup' ? '/api/auth/setup' : '/api/auth/login', {
        method: 'POST',
        body: { email: String(form.get('email')), password: String(form.get('password')) },
      });
      router.replace(next);
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong');
      if (err instanceof ApiRequestError) setFields(err.fields);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        id="email"
        name="email"
        type="email"
        label="E-mail"
        autoComplete="username"
        required
        error={fields.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
        required
        error={fields.password}
      />
      {/* Field errors speak for themselves; the summary is for errors without a field (401, 429, 409). */}
      {error && Object.keys(fields).length === 0 ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={busy} className="w-full">
        {mode === 'setup' ? 'Create admin account' : 'Sign in'}
      </Button>
    </form>
  );
}
