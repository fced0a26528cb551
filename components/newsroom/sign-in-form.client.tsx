'use client';
// Client: posts the credentials with fetch so a refusal (401/429) shows its message in place, with the status intact.

import { useState } from 'react';

type SignInFormProps = { token: string; next: string };

export function SignInForm({ token, next }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/newsroom/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: form.get('login'), password: form.get('password'), token, next }),
      });
      const body = (await response.json().catch(() => ({}))) as { redirect?: string; error?: string };
      if (response.ok && body.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      setError(body.error ?? 'サインインできませんでした。もう一度お試しください。');
    } catch {
      setError('通信に失敗しました。接続を確かめてもう一度お試しください。');
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-semibold">ユーザー名</span>
        <input name="login" autoComplete="username" required className="mt-1 block w-full rounded border border-rule bg-white px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">パスワード</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-rule bg-white px-3 py-2"
        />
      </label>
      {error && (
        <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded bg-ink px-4 py-2.5 font-bold text-white disabled:opacity-60">
        {busy ? 'サインイン中…' : 'サインイン'}
      </button>
    </form>
  );
}
